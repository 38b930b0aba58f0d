package io.rwgateway.translators.model;

/** Test helper: a batch of strings turned into the same batch backed by dictionary ids. */
public final class IdBatches {
  private IdBatches() {}

  /** The same series over a table of ids of {@code generation}, ref for ref. */
  public static MetricBatch of(MetricBatch batch, SymbolGeneration generation) {
    SymbolTable strings = batch.symbols();
    SymbolTableBuilder ids = new SymbolTableBuilder(generation, strings.size());
    for (int ref = 0; ref < strings.size(); ref++) {
      if (ids.intern(strings.get(ref)) != ref) {
        throw new IllegalArgumentException("the batch's table repeats a string: refs would move");
      }
    }
    return new MetricBatch(ids.build(), batch.series());
  }
}
