package io.rwgateway.translators.rw2;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.SymbolGeneration;
import io.rwgateway.translators.model.SymbolTable;
import io.rwgateway.translators.model.SymbolTableBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one symbol table of an outgoing RW 2.0 request, shared by all the batches merged into it
 * (remote-write.md §2.6 "one shared symbols table per batch", §5 "Sender": fresh per request, ""
 * at 0, deduplicated). Each input batch gets an {@code int[]} from its refs to request refs,
 * filled the first time a ref is used, so a label costs an array read after its first use, and
 * batch symbols that none of the batch's series refers to are never sent. Not thread-safe; one
 * per encode call.
 *
 * <p>When every batch holds ids of one dictionary generation (the ingest path,
 * docs/dictionary.md step 4), the request table is keyed by those ids (an int table, no string
 * hashed) and each symbol's bytes are the dictionary's own copy, never encoded again. Otherwise
 * (tables of strings, or batches from both sides of a generation change) it is keyed by string.
 */
final class RequestSymbols {
  private final SymbolTableBuilder table;
  private final SymbolTable[] batchSymbols;
  private final int[][] remaps;
  /** The generation of every batch, or null: then the table is keyed by string. */
  private final SymbolGeneration generation;

  RequestSymbols(List<MetricBatch> batches) {
    int n = batches.size();
    batchSymbols = new SymbolTable[n];
    remaps = new int[n][];
    int expected = 16;
    SymbolGeneration common = n == 0 ? null : batches.get(0).symbols().generation();
    for (int i = 0; i < n; i++) {
      batchSymbols[i] = batches.get(i).symbols();
      remaps[i] = new int[batchSymbols[i].size()];
      expected = Math.max(expected, batchSymbols[i].size());
      if (batchSymbols[i].generation() != common) {
        common = null;
      }
    }
    generation = common;
    table = common == null ? new SymbolTableBuilder(expected) : new SymbolTableBuilder(common, expected);
  }

  /** The request ref of {@code batchRef} in batch {@code batch}, interning its string on first use. */
  int ref(int batch, int batchRef) {
    int[] remap = remaps[batch];
    int r = remap[batchRef];
    if (r == 0 && batchRef != 0) {
      // 0 doubles as "not yet mapped": a batch's "" (only ever at index 0) maps to 0 anyway.
      r = generation != null
          ? table.internId(batchSymbols[batch].id(batchRef))
          : table.intern(batchSymbols[batch].get(batchRef));
      remap[batchRef] = r;
    }
    return r;
  }

  /** The request ref of an already mapped batch ref (after {@link #ref(int, int)} saw it). */
  int mapped(int batch, int batchRef) {
    return remaps[batch][batchRef];
  }

  int size() {
    return table.size();
  }

  /** The UTF-8 bytes of request symbol {@code requestRef}; shared with the dictionary: never modify. */
  byte[] utf8(int requestRef) {
    if (generation == null) {
      return table.get(requestRef).getBytes(StandardCharsets.UTF_8);
    }
    return generation.utf8(table.id(requestRef));
  }
}
