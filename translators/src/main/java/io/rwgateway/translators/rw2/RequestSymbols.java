package io.rwgateway.translators.rw2;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.SymbolTable;
import io.rwgateway.translators.model.SymbolTableBuilder;
import java.util.List;

/**
 * The one symbol table of an outgoing RW 2.0 request, shared by all the batches merged into it
 * (remote-write.md §2.6 "one shared symbols table per batch", §5 "Sender": fresh per request, ""
 * at 0, deduplicated). Each input batch gets an {@code int[]} from its refs to request refs,
 * filled the first time a ref is used, so a label costs an array read after its first use, and
 * batch symbols that none of the batch's series refers to are never sent. Not thread-safe; one
 * per encode call.
 */
final class RequestSymbols {
  private final SymbolTableBuilder table;
  private final SymbolTable[] batchSymbols;
  private final int[][] remaps;

  RequestSymbols(List<MetricBatch> batches) {
    int n = batches.size();
    batchSymbols = new SymbolTable[n];
    remaps = new int[n][];
    int expected = 16;
    for (int i = 0; i < n; i++) {
      batchSymbols[i] = batches.get(i).symbols();
      remaps[i] = new int[batchSymbols[i].size()];
      expected = Math.max(expected, batchSymbols[i].size());
    }
    table = new SymbolTableBuilder(expected);
  }

  /** The request ref of {@code batchRef} in batch {@code batch}, interning its string on first use. */
  int ref(int batch, int batchRef) {
    int[] remap = remaps[batch];
    int r = remap[batchRef];
    if (r == 0 && batchRef != 0) {
      // 0 doubles as "not yet mapped": a batch's "" (only ever at index 0) maps to 0 anyway.
      r = table.intern(batchSymbols[batch].get(batchRef));
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

  String get(int requestRef) {
    return table.get(requestRef);
  }
}
