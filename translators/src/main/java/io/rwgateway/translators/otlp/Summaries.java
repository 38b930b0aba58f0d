package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.List;

/**
 * Summary points → {@code _sum}, {@code _count} and one {@code {quantile="q"}} series per entry
 * (otlp.md §2.6), quantiles in the order sent and formatted like {@code le}; ST on every series,
 * NoRecordedValue as StaleNaN on every series, no exemplars.
 */
final class Summaries {
  private Summaries() {}

  static void write(TranslationRun run, TranslationRun.Family f, List<SummaryDataPoint> points) {
    for (SummaryDataPoint p : points) {
      try {
        run.pointLabels(p.getAttributesList());
      } catch (AttributeLabels.InvalidAttributeException e) {
        run.tally.reject(OtlpTranslation.Reasons.INVALID_LABEL_NAME, 1, "metric \"" + f.otlpName() + "\": " + e.getMessage());
        continue;
      }
      long ms = run.pointMillis(p.getTimeUnixNano(), f.kind(), f.otlpName());
      if (ms < 0) {
        continue;
      }
      boolean stale = (p.getFlags() & 1) != 0;
      long st = run.startMillis(p.getStartTimeUnixNano(), ms);
      // As Prometheus: a "quantile" attribute stays on _sum/_count, the quantile series overwrite it.
      if (run.labels.get("quantile") != null) {
        run.tally.note(OtlpTranslation.Reasons.RESERVED_LABEL_OVERWRITTEN);
      }
      run.syntheticLabel("__name__", f.name() + "_sum");
      run.sample(f, ms, bits(p.getSum(), stale), st);
      run.syntheticLabel("__name__", f.name() + "_count");
      if (run.sample(f, ms, bits((double) p.getCount(), stale), st) == null) {
        continue;
      }
      run.syntheticLabel("__name__", f.name());
      for (SummaryDataPoint.ValueAtQuantile q : p.getQuantileValuesList()) {
        run.labels.put("quantile", NumberText.plain(q.getQuantile()));
        run.sample(f, ms, bits(q.getValue(), stale), st);
      }
      run.accepted(f.kind(), ms);
    }
  }

  private static long bits(double v, boolean stale) {
    return stale ? TranslationRun.STALE_NAN_BITS : Double.doubleToRawLongBits(v);
  }
}
