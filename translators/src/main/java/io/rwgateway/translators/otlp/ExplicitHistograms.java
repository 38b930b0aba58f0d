package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.rwgateway.translators.model.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * Histogram (explicit bucket) points → classic {@code _bucket}/{@code _sum}/{@code _count} series
 * (otlp.md §2.3) or, with convert_histograms_to_nhcb, one native histogram with custom buckets
 * (schema -53, §2.4). A point with NaN or unsorted bounds, or more bucket counts than bounds + 1,
 * is rejected ({@code invalid_histogram}, §6.7).
 */
final class ExplicitHistograms {
  private ExplicitHistograms() {}

  static void write(TranslationRun run, TranslationRun.Family f, List<HistogramDataPoint> points, boolean nhcb,
      DeltaAccumulator deltas) {
    for (HistogramDataPoint p : points) {
      String problem = problem(p);
      if (problem != null) {
        run.tally.reject(OtlpTranslation.Reasons.INVALID_HISTOGRAM, 1, "metric \"" + f.otlpName() + "\": " + problem);
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
      boolean stale = (p.getFlags() & 1) != 0;
      if (deltas != null && !stale) {
        run.syntheticLabel("__name__", f.name());
        p = deltas.addHistogram(run.labels.sortedPairs(), p);
        if (p == null) {
          run.tally.reject(OtlpTranslation.Reasons.DELTA_OUT_OF_ORDER, 1, "metric \"" + f.otlpName()
              + "\": a delta point is older than, or overlaps, one already summed");
          continue;
        }
      }
      long st = f.startTimestamps() ? run.startMillis(p.getStartTimeUnixNano(), ms) : 0;
      boolean written = nhcb ? nativeHistogram(run, f, p, ms, st, stale) : classic(run, f, p, ms, st, stale);
      if (written) {
        run.accepted(f.kind(), ms);
      }
    }
  }

  private static String problem(HistogramDataPoint p) {
    int bounds = p.getExplicitBoundsCount();
    for (int i = 0; i < bounds; i++) {
      double b = p.getExplicitBounds(i);
      if (Double.isNaN(b)) {
        return "explicit_bounds holds NaN";
      }
      if (i > 0 && !(b > p.getExplicitBounds(i - 1))) {
        return "explicit_bounds are not ascending";
      }
    }
    if (p.getBucketCountsCount() > bounds + 1) {
      return p.getBucketCountsCount() + " bucket_counts for " + bounds + " explicit_bounds";
    }
    return null;
  }

  /** §2.3: {@code _sum} (only when set), {@code _count}, cumulative {@code _bucket}s, {@code +Inf} = count. */
  private static boolean classic(TranslationRun run, TranslationRun.Family f, HistogramDataPoint p, long ms,
      long st, boolean stale) {
    // As Prometheus: an "le" attribute stays on _sum/_count and is overwritten on the buckets (§2.3).
    if (run.labels.get("le") != null) {
      run.tally.note(OtlpTranslation.Reasons.RESERVED_LABEL_OVERWRITTEN);
    }
    if (p.hasSum()) {
      run.syntheticLabel("__name__", f.name() + "_sum");
      run.sample(f, ms, bits(p.getSum(), stale), st);
    }
    run.syntheticLabel("__name__", f.name() + "_count");
    if (run.sample(f, ms, bits((double) p.getCount(), stale), st) == null) {
      return false;
    }
    run.syntheticLabel("__name__", f.name() + "_bucket");
    int n = Math.min(p.getExplicitBoundsCount(), p.getBucketCountsCount());
    List<TranslationRun.PendingExemplar> exemplars = f.exemplars() ? exemplars(run, p) : List.of();
    int e = 0;
    long cumulative = 0;
    for (int i = 0; i < n; i++) {
      cumulative += p.getBucketCounts(i);
      double bound = p.getExplicitBounds(i);
      run.labels.put("le", NumberText.plain(bound));
      SeriesSink.Out out = run.sample(f, ms, bits((double) cumulative, stale), st);
      // Exemplars, sorted by value, go to the first bucket whose bound is >= their value.
      for (; e < exemplars.size() && exemplars.get(e).value() <= bound; e++) {
        if (out != null) {
          out.exemplar(exemplars.get(e).pairs(), exemplars.get(e).valueBits(), exemplars.get(e).millis());
        }
      }
    }
    run.labels.put("le", "+Inf");
    SeriesSink.Out inf = run.sample(f, ms, bits((double) p.getCount(), stale), st);
    for (; e < exemplars.size() && inf != null; e++) {
      inf.exemplar(exemplars.get(e).pairs(), exemplars.get(e).valueBits(), exemplars.get(e).millis());
    }
    return true;
  }

  private static List<TranslationRun.PendingExemplar> exemplars(TranslationRun run, HistogramDataPoint p) {
    if (p.getExemplarsCount() == 0) {
      return List.of();
    }
    List<TranslationRun.PendingExemplar> out = new ArrayList<>(p.getExemplarsCount());
    for (Exemplar e : p.getExemplarsList()) {
      TranslationRun.PendingExemplar pe = run.exemplar(e);
      if (pe != null) {
        out.add(pe);
      }
    }
    out.sort((a, b) -> Double.compare(a.value(), b.value()));
    return out;
  }

  /** §2.4: schema -53, custom_values = bounds, bucket i of the OTLP counts is custom bucket i. */
  private static boolean nativeHistogram(TranslationRun run, TranslationRun.Family f, HistogramDataPoint p, long ms,
      long st, boolean stale) {
    run.syntheticLabel("__name__", f.name());
    double[] bounds = new double[p.getExplicitBoundsCount()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = p.getExplicitBounds(i);
    }
    Histogram h;
    if (stale) {
      h = ExponentialHistograms.stale(ms, st, f.resetHint(), Histogram.SCHEMA_CUSTOM_BUCKETS, bounds);
    } else {
      BucketSpans spans = new BucketSpans();
      for (int i = 0; i < p.getBucketCountsCount(); i++) {
        spans.add(i, p.getBucketCounts(i));
      }
      double sum = p.hasSum() ? p.getSum() : 0;
      if (p.getCount() == 0 && sum != 0) {
        run.tally.note(OtlpTranslation.Reasons.ZERO_COUNT_NON_ZERO_SUM);
      }
      h = new Histogram(false, p.getCount(), 0, Double.doubleToRawLongBits(sum), Histogram.SCHEMA_CUSTOM_BUCKETS,
          0, 0, 0, null, null, null, spans.spans(), spans.deltas(), null, f.resetHint(), ms, bounds, st);
    }
    SeriesSink.Out out = run.sink.series(run.labels.sortedPairs(), f.type(), f.help(), f.unit());
    if (!out.histogram(h)) {
      run.duplicate(f);
      return false;
    }
    if (f.exemplars()) {
      for (TranslationRun.PendingExemplar pe : exemplars(run, p)) {
        out.exemplar(pe.pairs(), pe.valueBits(), pe.millis());
      }
    }
    return true;
  }

  private static long bits(double v, boolean stale) {
    return stale ? TranslationRun.STALE_NAN_BITS : Double.doubleToRawLongBits(v);
  }
}
