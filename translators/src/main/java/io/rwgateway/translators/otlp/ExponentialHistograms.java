package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.rwgateway.translators.model.Histogram;
import java.util.List;

/**
 * ExponentialHistogram points → integer native histograms (otlp.md §2.5): schema = scale, scales
 * above 8 down-scaled to 8 by merging 2^(scale-8) buckets, scales below -4 (or above 52) rejected;
 * OTLP bucket {@code offset+i} is Prometheus bucket {@code ((offset+i) >> k) + 1} (arithmetic shift,
 * floor for negative indexes); zero bucket passed through (threshold 1e-128 when unset); a missing
 * sum written as 0 as Prometheus does (warned); exemplars as a flat list.
 */
final class ExponentialHistograms {
  static final int MAX_SCHEMA = 8;
  static final int MIN_SCALE = -4;
  static final int MAX_SCALE = 52;
  static final double DEFAULT_ZERO_THRESHOLD = 1e-128;

  private ExponentialHistograms() {}

  static void write(TranslationRun run, TranslationRun.Family f, List<ExponentialHistogramDataPoint> points,
      DeltaAccumulator deltas) {
    for (ExponentialHistogramDataPoint p : points) {
      if (p.getScale() < MIN_SCALE || p.getScale() > MAX_SCALE) {
        run.tally.reject(OtlpTranslation.Reasons.INVALID_HISTOGRAM, 1, "metric \"" + f.otlpName()
            + "\" has an exponential histogram of scale " + p.getScale() + " (valid: -4 to 52)");
        continue;
      }
      if (outOfRange(p.getPositive()) || outOfRange(p.getNegative())) {
        run.tally.reject(OtlpTranslation.Reasons.INVALID_HISTOGRAM, 1, "metric \"" + f.otlpName()
            + "\" has exponential buckets past index 2^31-2");
        continue;
      }
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
      String[] pairs = run.labels.sortedPairs();
      boolean stale = (p.getFlags() & 1) != 0;
      if (deltas != null && !stale) {
        p = deltas.addExponential(pairs, p);
        if (p == null) {
          run.tally.reject(OtlpTranslation.Reasons.DELTA_OUT_OF_ORDER, 1, "metric \"" + f.otlpName()
              + "\": a delta point is older than, or overlaps, one already summed");
          continue;
        }
      }
      long st = f.startTimestamps() ? run.startMillis(p.getStartTimeUnixNano(), ms) : 0;
      Histogram h = stale ? stale(ms, st, f.resetHint(), Math.min(p.getScale(), MAX_SCHEMA), null)
          : convert(run, f, p, ms, st);
      SeriesSink.Out out = run.sink.series(pairs, f.type(), f.help(), f.unit());
      if (!out.histogram(h)) {
        run.duplicate(f);
        continue;
      }
      for (Exemplar e : p.getExemplarsList()) {
        TranslationRun.PendingExemplar pe = run.exemplar(e);
        if (pe != null) {
          out.exemplar(pe.pairs(), pe.valueBits(), pe.millis());
        }
      }
      run.accepted(f.kind(), ms);
    }
  }

  /** §2.4/§2.5 NoRecordedValue: sum StaleNaN, count 0, no buckets (the spec's rule). */
  static Histogram stale(long ms, long st, int resetHint, int schema, double[] customValues) {
    return new Histogram(false, 0, 0, TranslationRun.STALE_NAN_BITS, schema, 0, 0, 0, null, null, null,
        null, null, null, resetHint, ms, customValues, st);
  }

  private static Histogram convert(TranslationRun run, TranslationRun.Family f, ExponentialHistogramDataPoint p,
      long ms, long st) {
    int scale = p.getScale();
    int k = Math.max(0, scale - MAX_SCHEMA);
    int schema = Math.min(scale, MAX_SCHEMA);
    BucketSpans pos = buckets(p.getPositive(), k);
    BucketSpans neg = buckets(p.getNegative(), k);
    double sum = p.getSum();
    if (!p.hasSum()) {
      run.tally.warn(OtlpTranslation.Reasons.MISSING_SUM, "metric \"" + f.otlpName()
          + "\" has an exponential histogram point without sum; written with sum 0");
      sum = 0;
    }
    if (p.getCount() == 0 && sum != 0) {
      run.tally.note(OtlpTranslation.Reasons.ZERO_COUNT_NON_ZERO_SUM);
    }
    double zeroThreshold = p.getZeroThreshold() > 0 ? p.getZeroThreshold() : DEFAULT_ZERO_THRESHOLD;
    return new Histogram(false, p.getCount(), 0, Double.doubleToRawLongBits(sum), schema, zeroThreshold,
        p.getZeroCount(), 0, neg.spans(), neg.deltas(), null, pos.spans(), pos.deltas(), null,
        f.resetHint(), ms, null, st);
  }

  /** Bucket indexes must stay ints after the +1 of the Prometheus layout. */
  private static boolean outOfRange(ExponentialHistogramDataPoint.Buckets b) {
    return (long) b.getOffset() + b.getBucketCountsCount() >= Integer.MAX_VALUE;
  }

  private static BucketSpans buckets(ExponentialHistogramDataPoint.Buckets b, int k) {
    BucketSpans spans = new BucketSpans();
    long offset = b.getOffset();
    for (int i = 0; i < b.getBucketCountsCount(); i++) {
      spans.add(((offset + i) >> k) + 1, b.getBucketCounts(i));
    }
    return spans;
  }
}
