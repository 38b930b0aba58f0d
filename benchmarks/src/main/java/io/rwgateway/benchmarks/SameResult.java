package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import java.util.List;

/**
 * Checks, once per trial, that the two paths a benchmark compares produce the same batch (series
 * by series, independent of symbol numbering), so a faster path can never be one that does less.
 */
final class SameResult {
  private SameResult() {}

  static void check(String what, MetricBatch hand, MetricBatch generated) {
    List<String> a = BatchText.lines(hand);
    List<String> b = BatchText.lines(generated);
    if (!a.equals(b)) {
      int i = 0;
      while (i < Math.min(a.size(), b.size()) && a.get(i).equals(b.get(i))) {
        i++;
      }
      throw new IllegalStateException("cannot benchmark " + what + ": the paths disagree at series " + i
          + " of " + a.size() + "/" + b.size() + ": hand " + (i < a.size() ? a.get(i) : "(none)")
          + " vs generated " + (i < b.size() ? b.get(i) : "(none)"));
    }
    if (a.isEmpty()) {
      throw new IllegalStateException("cannot benchmark " + what + ": the workload decodes to no series");
    }
  }
}
