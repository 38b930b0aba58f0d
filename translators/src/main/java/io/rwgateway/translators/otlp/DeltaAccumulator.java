package io.rwgateway.translators.otlp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link DeltaMode#TO_CUMULATIVE}: running totals of delta points per output series (otlp.md §2.7,
 * as the Collector's deltatocumulative processor behind Prometheus' otlp-deltatocumulative).
 *
 * <p>A series' run starts at its first delta, whose start time becomes the run's start timestamp.
 * A delta that starts where the last one ended (or has no start time) is added to the run. One
 * that starts later than the last one ended is a new run: the sender restarted (or points were lost),
 * and the series shows a counter reset with a new start timestamp, as a restarted cumulative sender
 * would. A delta that ends at or before the last one, or starts before it ended, overlaps what was
 * summed and is refused. Explicit histograms whose bounds change start a new run; exponential
 * histograms of different scales are merged at the smaller scale.
 *
 * <p>Bounded (Caffeine, {@code maximumSize}) and expiring ({@code expireAfterAccess}): a forgotten
 * series starts a new run at its next delta. Thread-safe: each series is updated under its map
 * entry's lock. The state is per gateway instance, so a sender behind a load balancer has to be
 * pinned to one replica.
 */
final class DeltaAccumulator {
  private final Cache<Key, Run> runs;

  DeltaAccumulator(long maxSeries, Duration expiry, Ticker ticker) {
    this.runs = Caffeine.newBuilder().maximumSize(maxSeries).expireAfterAccess(expiry).ticker(ticker).build();
  }

  long size() {
    runs.cleanUp();
    return runs.estimatedSize();
  }

  /** A cumulative number: the running total and its run's start (ns, 0 when unknown). */
  record Cumulative(double value, long startNanos) {}

  /** Adds a Sum delta to the series {@code pairs}; null when it overlaps what was summed. */
  Cumulative addNumber(String[] pairs, long startNanos, long timeNanos, double delta) {
    Cumulative[] out = new Cumulative[1];
    runs.asMap().compute(new Key(pairs, 0), (k, old) -> {
      NumberRun r = old instanceof NumberRun n ? n : null;
      Boundary b = boundary(r, startNanos, timeNanos);
      if (b == Boundary.OVERLAP) {
        return old;
      }
      if (b == Boundary.NEW_RUN) {
        r = new NumberRun(startNanos);
      }
      r.total += delta;
      r.lastNanos = timeNanos;
      out[0] = new Cumulative(r.total, r.startNanos);
      return r;
    });
    return out[0];
  }

  /** Adds an explicit-bucket histogram delta; the cumulative point, or null when it overlaps. */
  HistogramDataPoint addHistogram(String[] pairs, HistogramDataPoint p) {
    HistogramDataPoint[] out = new HistogramDataPoint[1];
    runs.asMap().compute(new Key(pairs, 1), (k, old) -> {
      HistogramRun r = old instanceof HistogramRun h ? h : null;
      Boundary b = boundary(r, p.getStartTimeUnixNano(), p.getTimeUnixNano());
      if (b == Boundary.OVERLAP) {
        return old;
      }
      double[] bounds = p.getExplicitBoundsList().stream().mapToDouble(Double::doubleValue).toArray();
      if (b == Boundary.NEW_RUN || !Arrays.equals(r.bounds, bounds)) {
        r = new HistogramRun(p.getStartTimeUnixNano(), bounds);
      }
      for (int i = 0; i < p.getBucketCountsCount() && i < r.counts.length; i++) {
        r.counts[i] += p.getBucketCounts(i);
      }
      r.count += p.getCount();
      r.sum += p.getSum();
      r.hasSum |= p.hasSum();
      r.lastNanos = p.getTimeUnixNano();
      HistogramDataPoint.Builder c = p.toBuilder().setStartTimeUnixNano(r.startNanos)
          .setCount(r.count).clearBucketCounts();
      if (r.hasSum) {
        c.setSum(r.sum);
      }
      if (p.getBucketCountsCount() > 0) {
        for (long n : r.counts) {
          c.addBucketCounts(n);
        }
      }
      out[0] = c.build();
      return r;
    });
    return out[0];
  }

  /** Adds an exponential histogram delta; the cumulative point, or null when it overlaps. */
  ExponentialHistogramDataPoint addExponential(String[] pairs, ExponentialHistogramDataPoint p) {
    ExponentialHistogramDataPoint[] out = new ExponentialHistogramDataPoint[1];
    runs.asMap().compute(new Key(pairs, 2), (k, old) -> {
      ExponentialRun r = old instanceof ExponentialRun e ? e : null;
      Boundary b = boundary(r, p.getStartTimeUnixNano(), p.getTimeUnixNano());
      if (b == Boundary.OVERLAP) {
        return old;
      }
      if (b == Boundary.NEW_RUN) {
        r = new ExponentialRun(p.getStartTimeUnixNano(), p.getScale());
      }
      if (p.getScale() < r.scale) {
        r.downscaleTo(p.getScale());
      }
      int shift = p.getScale() - r.scale;
      add(r.positive, p.getPositive().getOffset(), p.getPositive().getBucketCountsList(), shift);
      add(r.negative, p.getNegative().getOffset(), p.getNegative().getBucketCountsList(), shift);
      r.fitDenseLimit();
      r.zeroCount += p.getZeroCount();
      r.zeroThreshold = Math.max(r.zeroThreshold, p.getZeroThreshold());
      r.count += p.getCount();
      r.sum += p.getSum();
      r.hasSum |= p.hasSum();
      r.lastNanos = p.getTimeUnixNano();
      ExponentialHistogramDataPoint.Builder c = p.toBuilder().setStartTimeUnixNano(r.startNanos)
          .setScale(r.scale).setCount(r.count).setZeroCount(r.zeroCount).setZeroThreshold(r.zeroThreshold)
          .setPositive(buckets(r.positive)).setNegative(buckets(r.negative));
      if (r.hasSum) {
        c.setSum(r.sum);
      }
      out[0] = c.build();
      return r;
    });
    return out[0];
  }

  private static void add(TreeMap<Integer, Long> into, int offset, java.util.List<Long> counts, int shift) {
    for (int i = 0; i < counts.size(); i++) {
      long n = counts.get(i);
      if (n != 0) {
        into.merge((offset + i) >> shift, n, Long::sum);
      }
    }
  }

  private static ExponentialHistogramDataPoint.Buckets buckets(TreeMap<Integer, Long> counts) {
    ExponentialHistogramDataPoint.Buckets.Builder b = ExponentialHistogramDataPoint.Buckets.newBuilder();
    if (counts.isEmpty()) {
      return b.build();
    }
    int first = counts.firstKey();
    b.setOffset(first);
    int next = first;
    for (Map.Entry<Integer, Long> e : counts.entrySet()) {
      for (; next < e.getKey(); next++) {
        b.addBucketCounts(0);
      }
      b.addBucketCounts(e.getValue());
      next = e.getKey() + 1;
    }
    return b.build();
  }

  private enum Boundary { CONTINUE, NEW_RUN, OVERLAP }

  private static Boundary boundary(RunBase r, long startNanos, long timeNanos) {
    if (r == null) {
      return Boundary.NEW_RUN;
    }
    if (Long.compareUnsigned(timeNanos, r.lastNanos) <= 0
        || (startNanos != 0 && Long.compareUnsigned(startNanos, r.lastNanos) < 0)) {
      return Boundary.OVERLAP;
    }
    if (startNanos != 0 && startNanos != r.lastNanos) {
      return Boundary.NEW_RUN;
    }
    return Boundary.CONTINUE;
  }

  private record Key(String[] pairs, int kind) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.kind == kind && Arrays.equals(k.pairs, pairs);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(pairs) + kind;
    }
  }

  private abstract static class RunBase {
    final long startNanos;
    long lastNanos;

    RunBase(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  private interface Run {}

  private static final class NumberRun extends RunBase implements Run {
    double total;

    NumberRun(long startNanos) {
      super(startNanos);
    }
  }

  private static final class HistogramRun extends RunBase implements Run {
    final double[] bounds;
    final long[] counts;
    long count;
    double sum;
    boolean hasSum;

    HistogramRun(long startNanos, double[] bounds) {
      super(startNanos);
      this.bounds = bounds;
      this.counts = new long[bounds.length + 1];
    }
  }

  private static final class ExponentialRun extends RunBase implements Run {
    static final int MAX_DENSE = 4096;
    int scale;
    final TreeMap<Integer, Long> positive = new TreeMap<>();
    final TreeMap<Integer, Long> negative = new TreeMap<>();
    long zeroCount;
    double zeroThreshold;
    long count;
    double sum;
    boolean hasSum;

    ExponentialRun(long startNanos, int scale) {
      super(startNanos);
      this.scale = scale;
    }

    /**
     * The running buckets go out as a dense OTLP bucket array, so deltas at far-apart indexes must
     * not make it huge: merge (down-scale) until both sides span at most {@link #MAX_DENSE} indexes.
     * Each step halves the span; at scale -4 any int index range is small.
     */
    void fitDenseLimit() {
      while (scale > ExponentialHistograms.MIN_SCALE && (span(positive) > MAX_DENSE || span(negative) > MAX_DENSE)) {
        downscaleTo(scale - 1);
      }
    }

    private static long span(TreeMap<Integer, Long> m) {
      return m.isEmpty() ? 0 : (long) m.lastKey() - m.firstKey() + 1;
    }

    void downscaleTo(int newScale) {
      int shift = scale - newScale;
      merge(positive, shift);
      merge(negative, shift);
      scale = newScale;
    }

    private static void merge(TreeMap<Integer, Long> m, int shift) {
      TreeMap<Integer, Long> merged = new TreeMap<>();
      for (Map.Entry<Integer, Long> e : m.entrySet()) {
        merged.merge(e.getKey() >> shift, e.getValue(), Long::sum);
      }
      m.clear();
      m.putAll(merged);
    }
  }
}
