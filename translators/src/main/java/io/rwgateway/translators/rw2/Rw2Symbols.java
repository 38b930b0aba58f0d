package io.rwgateway.translators.rw2;

import io.rwgateway.translators.model.GenerationFullException;
import io.rwgateway.translators.model.SymbolGeneration;
import io.rwgateway.translators.model.SymbolTable;
import java.util.Arrays;

/**
 * The {@code symbols} of one RW 2.0 request, turned into the batch's symbol table: each symbol's
 * bytes become an id of the request's {@link SymbolGeneration} (docs/dictionary.md step 2), and
 * the batch's table is those ids, ref for wire ref (duplicates the sender wrote stay duplicates:
 * they map to one id).
 *
 * <p>When the sender's {@code symbols[0]} is "" (the sender's MUST, remote-write.md §2.4
 * "Symbols"), its table is the batch table and wire refs are used as they are. Otherwise the
 * receiver is lenient (§5 "Receiver"): an "" is put in front and every wire ref is shifted by one,
 * so refs keep pointing at the strings the sender meant. A symbol that is not valid UTF-8 is
 * kept as "" in the table and flagged; series that refer to it are rejected. Not thread-safe.
 */
final class Rw2Symbols {
  /** Sender's symbols' ids stored from index 1, so index 0 can hold the "" a shifted table needs. */
  private int[] table = new int[256];
  private boolean[] invalid;
  private int senderCount;
  private int shift;
  private SymbolGeneration generation;
  private int[] finalTable;
  private boolean[] finalInvalid;

  void reset(SymbolGeneration requestGeneration) {
    generation = requestGeneration;
    senderCount = 0;
    invalid = null;
    finalTable = null;
    finalInvalid = null;
  }

  /**
   * Appends the next sender symbol, its UTF-8 bytes {@code buf[off, off+len)}.
   *
   * @throws GenerationFullException when the generation has no room: decode again in the next
   */
  void add(byte[] buf, int off, int len) {
    int i = senderCount + 1;
    if (i == table.length) {
      table = Arrays.copyOf(table, table.length * 2);
    }
    int id = generation.internInBatch(buf, off, len);
    if (id == SymbolGeneration.INVALID_UTF8) {
      if (invalid == null) {
        invalid = new boolean[table.length];
      } else if (invalid.length <= i) {
        invalid = Arrays.copyOf(invalid, table.length);
      }
      invalid[i] = true;
      id = 0;
    }
    table[i] = id;
    senderCount++;
  }

  /** Fixes the table once all symbols were read. */
  void finish() {
    boolean senderStartsEmpty = senderCount > 0 && table[1] == 0 && !isInvalidRaw(1);
    shift = senderStartsEmpty ? 0 : 1;
    table[0] = 0;
    int from = 1 - shift;
    finalTable = Arrays.copyOfRange(table, from, senderCount + 1);
    if (invalid != null) {
      finalInvalid = Arrays.copyOfRange(invalid, from, senderCount + 1); // pads with false
    }
  }

  private boolean isInvalidRaw(int i) {
    return invalid != null && i < invalid.length && invalid[i];
  }

  /** The batch table index for a wire ref (a uint32), or -1 when the ref is out of range. */
  int resolve(int wireRef) {
    long ref = wireRef & 0xffffffffL;
    return ref < senderCount ? (int) ref + shift : -1;
  }

  /** True when the symbol at batch index {@code ref} was not valid UTF-8. */
  boolean isInvalidUtf8(int ref) {
    return finalInvalid != null && ref < finalInvalid.length && finalInvalid[ref];
  }

  /** The string at batch index {@code ref} (made once per id, when a check asks for it). */
  String get(int ref) {
    return generation.string(finalTable[ref]);
  }

  int senderCount() {
    return senderCount;
  }

  SymbolTable toSymbolTable() {
    return SymbolTable.ofIds(generation, finalTable);
  }
}
