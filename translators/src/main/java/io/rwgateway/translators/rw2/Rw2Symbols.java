package io.rwgateway.translators.rw2;

import io.rwgateway.translators.model.SymbolTable;
import java.util.Arrays;

/**
 * The {@code symbols} of one RW 2.0 request, turned into the batch's symbol table.
 *
 * <p>When the sender's {@code symbols[0]} is "" (the sender's MUST, remote-write.md §2.4
 * "Symbols"), its table is the batch table and wire refs are used as they are. Otherwise the
 * receiver is lenient (§5 "Receiver"): an "" is put in front and every wire ref is shifted by one,
 * so refs keep pointing at the strings the sender meant. A symbol that is not valid UTF-8 is
 * kept as "" in the table and flagged; series that refer to it are rejected. Not thread-safe.
 */
final class Rw2Symbols {
  /** Sender's symbols stored from index 1, so index 0 can hold the "" a shifted table needs. */
  private String[] table = new String[256];
  private boolean[] invalid;
  private int senderCount;
  private int shift;
  private String[] finalTable;
  private boolean[] finalInvalid;

  void reset() {
    senderCount = 0;
    invalid = null;
    finalTable = null;
    finalInvalid = null;
  }

  /** Appends the next sender symbol; {@code null} marks bytes that are not valid UTF-8. */
  void add(String s) {
    int i = senderCount + 1;
    if (i == table.length) {
      table = Arrays.copyOf(table, table.length * 2);
    }
    if (s == null) {
      if (invalid == null) {
        invalid = new boolean[table.length];
      } else if (invalid.length <= i) {
        invalid = Arrays.copyOf(invalid, table.length);
      }
      invalid[i] = true;
      s = "";
    }
    table[i] = s;
    senderCount++;
  }

  /** Fixes the table once all symbols were read. */
  void finish() {
    boolean senderStartsEmpty = senderCount > 0 && table[1].isEmpty() && !isInvalidRaw(1);
    shift = senderStartsEmpty ? 0 : 1;
    table[0] = "";
    int from = 1 - shift;
    finalTable = Arrays.copyOfRange(table, from, senderCount + 1);
    if (invalid != null) {
      finalInvalid = Arrays.copyOfRange(invalid, from, senderCount + 1); // pads with false
    }
    Arrays.fill(table, 0, senderCount + 1, null); // do not pin strings of old requests
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

  String get(int ref) {
    return finalTable[ref];
  }

  int senderCount() {
    return senderCount;
  }

  SymbolTable toSymbolTable() {
    return SymbolTable.of(Arrays.asList(finalTable));
  }
}
