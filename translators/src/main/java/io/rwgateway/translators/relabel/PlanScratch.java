package io.rwgateway.translators.relabel;

/**
 * What one batch's run through a {@link RelabelPlan} keeps for itself: per step, the results
 * already found for an input symbol ref (a value for steps that read one label, a name for
 * labelmap, labeldrop, labelkeep) or a pair of refs (steps that read two labels), so the second series of a batch with the same
 * {@code __name__} or {@code instance} costs an array read instead of a lookup in the shared
 * cache. Within one batch a ref always stands for the same string, which is all a step's result
 * depends on. Also counts the cache hits and misses, added to the shared counters once per batch.
 * Not thread-safe: one per batch.
 */
final class PlanScratch {
  private final Object[][] memos;
  private final PairMemo[] pairMemos;
  private final int symbols;
  long hits;
  long misses;

  /**
   * @param steps   steps of the plan
   * @param symbols size of the batch's symbol table (refs are below it)
   */
  PlanScratch(int steps, int symbols) {
    this.memos = new Object[steps][];
    this.pairMemos = new PairMemo[steps];
    this.symbols = symbols;
  }

  /** Step {@code step}'s results by input ref (null: not known yet); made on first use. */
  Object[] memo(int step) {
    Object[] m = memos[step];
    if (m == null) {
      m = new Object[symbols];
      memos[step] = m;
    }
    return m;
  }

  /** Step {@code step}'s results by pair of input refs, for a step that reads two labels. */
  PairMemo pairMemo(int step) {
    PairMemo m = pairMemos[step];
    if (m == null) {
      m = new PairMemo();
      pairMemos[step] = m;
    }
    return m;
  }
}
