package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.List;

/**
 * Gauge and Sum points → one float sample each (otlp.md §2.1, §2.2): {@code as_int} as a double,
 * NoRecordedValue as the StaleNaN bits, ST on counters only, exemplars on counters only.
 */
final class NumberPoints {
  private NumberPoints() {}

  /**
   * Writes {@code points} of family {@code f}; {@code deltas} is non-null when they are deltas to
   * sum up (to_cumulative).
   */
  static void write(TranslationRun run, TranslationRun.Family f, List<NumberDataPoint> points,
      DeltaAccumulator deltas) {
    for (NumberDataPoint p : points) {
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
      run.syntheticLabel("__name__", f.name());
      boolean stale = (p.getFlags() & 1) != 0;
      double value = p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? (double) p.getAsInt() : p.getAsDouble();
      long startNanos = p.getStartTimeUnixNano();
      if (deltas != null && !stale) {
        DeltaAccumulator.Cumulative c = deltas.addNumber(run.labels.sortedPairs(), startNanos,
            p.getTimeUnixNano(), value);
        if (c == null) {
          run.tally.reject(OtlpTranslation.Reasons.DELTA_OUT_OF_ORDER, 1, "metric \"" + f.otlpName()
              + "\": a delta point is older than, or overlaps, one already summed");
          continue;
        }
        value = c.value();
        startNanos = c.startNanos();
      }
      long bits = stale ? TranslationRun.STALE_NAN_BITS : Double.doubleToRawLongBits(value);
      long st = f.startTimestamps() ? run.startMillis(startNanos, ms) : 0;
      SeriesSink.Out out = run.sample(f, ms, bits, st);
      if (out == null) {
        continue;
      }
      if (f.exemplars()) {
        for (Exemplar e : p.getExemplarsList()) {
          TranslationRun.PendingExemplar pe = run.exemplar(e);
          if (pe != null) {
            out.exemplar(pe.pairs(), pe.valueBits(), pe.millis());
          }
        }
      }
      run.accepted(f.kind(), ms);
    }
  }
}
