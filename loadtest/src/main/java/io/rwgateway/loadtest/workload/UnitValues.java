package io.rwgateway.loadtest.workload;

/**
 * The values of generated series, as functions of the unit and its round, shared by the RW
 * generator and the OTLP one so both protocols carry the same workload. {@code r} is the unit's
 * round ({@link #round}): counters only go up with it, classic histograms and summaries stay
 * consistent ({@code +Inf} bucket = {@code _count}), native histograms are integer schema-3
 * histograms with a zero bucket and four populated positive buckets.
 */
final class UnitValues {
  static final double EXEMPLAR_VALUE = 0.042;
  static final int NATIVE_SCHEMA = 3;
  static final double NATIVE_ZERO_THRESHOLD = 1e-128;
  static final long NATIVE_ZERO_COUNT = 1;
  /** Populated positive buckets of a native histogram, starting at Prometheus bucket index 0. */
  static final int NATIVE_BUCKETS = 4;
  /** Idle percent points added per kind (counter, gauge, histogram, native, summary) when units idle. */
  private static final double[] IDLE_OFFSETS = {13, -7, -3, 0, 7};
  private static final double[] IDLE_GAUGES = {1, 20_000, 0, 10_000, 1, 4, 64, 1.79561806089e9};
  private static final String TRACE_HEX = "0123456789abcdef";

  private UnitValues() {}

  /**
   * The unit's round: the generator's round shifted per unit, so units do not move in lockstep;
   * negative for an idle unit ({@link #idle}), whose values never change: counters stay 0,
   * histograms and summaries keep 0 to 2 observations (NaN quantiles when none, as client
   * libraries report them), gauges keep a small integer.
   */
  static long round(WorkloadSpec spec, SeriesKind kind, long generatorRound, int unit) {
    if (idle(spec, kind, unit)) {
      return -1 - unit % 3;
    }
    if (spec.labelShape().realistic()) {
      // A moving series changes in about 2 scrapes of 3 (72% in the captured traffic, 62% for
      // gauges): the round advances 2 times in 3, staggered by unit, and never goes back.
      return (generatorRound * 2 + unit % 3) / 3 + (unit % 97);
    }
    return generatorRound + (unit % 97);
  }

  /**
   * Whether unit {@code u} is one of the {@code idlePercent} whose values never change. Kinds
   * differ as in the captured traffic (83% of counters, 63% of gauges, 67% of classic histogram
   * series, 77% of summary series kept their value over 8 scrapes): counters are idlest (error
   * counters stay 0), gauges the least; the offsets keep the default mix's share at the flag's.
   */
  static boolean idle(WorkloadSpec spec, SeriesKind kind, int u) {
    if (spec.idlePercent() <= 0) {
      return false;
    }
    double percent = Math.max(0, Math.min(100, spec.idlePercent() + IDLE_OFFSETS[kind.ordinal()]));
    return Math.floorMod(mix(spec.seed() * 0xD1B54A32D192ED03L ^ u * 0x9E3779B97F4A7C15L), 10_000L) < percent * 100;
  }

  static double counter(long r, int unit) {
    if (r < 0) {
      return 0;
    }
    return (double) r * (1 + unit % 5);
  }

  static double gauge(long r, int unit) {
    if (r < 0) {
      return IDLE_GAUGES[unit % IDLE_GAUGES.length];
    }
    return 50 + 50 * Math.sin((r + unit) / 10.0);
  }

  /**
   * A gauge as {@code --label-shape} wants it: with realistic shapes three in four moving gauges
   * are whole numbers (bytes, goroutines, queue lengths: 81% of the captured traffic's moving
   * series are integers), the others fractions like {@link #gauge}.
   */
  static double gauge(WorkloadSpec spec, long r, int unit) {
    double g = gauge(r, unit);
    return r < 0 || !spec.labelShape().realistic() || unit % 4 == 0 ? g : Math.rint(g * 10_000);
  }

  /** Observations of a classic histogram or summary so far ({@code _count}). */
  static long observations(long r) {
    if (r < 0) {
      return -1 - r;
    }
    return 10 * (r + 1);
  }

  /** Cumulative count of classic bucket {@code m} (le = {@code ClassicBuckets.BOUNDS[m]}). */
  static long cumulativeBucket(long count, int m) {
    return count * (m + 1) / ClassicBuckets.BOUNDS.length;
  }

  /** {@code _sum} of a classic histogram or summary. */
  static double observationSum(long count) {
    return count * 0.25;
  }

  /** Value of quantile {@code q} (= {@code ClassicBuckets.QUANTILES[q]}) of a summary. */
  static double quantile(long r, int q) {
    if (r < 0) {
      return r == -1 ? Double.NaN : 0.001 * (q + 1);
    }
    return 0.1 * (q + 1) + (r % 10) / 100.0;
  }

  /**
   * A quantile as {@code --label-shape} wants it: with realistic shapes it moves once in 8 rounds,
   * as a summary over a sliding window does (the captured traffic's quantiles rarely change).
   */
  static double quantile(WorkloadSpec spec, long r, int q) {
    return r < 0 || !spec.labelShape().realistic() ? quantile(r, q) : quantile(r / 8, q);
  }

  /** Count of each populated native histogram bucket. */
  static long nativePerBucket(long r) {
    if (r < 0) {
      return 0;
    }
    return r + 1;
  }

  static long nativeCount(long r) {
    return NATIVE_ZERO_COUNT + NATIVE_BUCKETS * nativePerBucket(r);
  }

  static double nativeSum(long count) {
    return count * 1.5;
  }

  /** Whether member {@code m} of unit {@code u} carries an exemplar in generator round {@code round}. */
  static boolean wantsExemplar(WorkloadSpec spec, int u, int m, long round) {
    if (spec.exemplarPercent() <= 0) {
      return false;
    }
    long h = mix(spec.seed() ^ (u * 0x9E3779B97F4A7C15L) ^ (m * 0xC2B2AE3D27D4EB4FL) ^ (round * 0x165667B19E3779F9L));
    return Math.floorMod(h, 10_000L) < spec.exemplarPercent() * 100;
  }

  /** 16 hex digits (64 bits) identifying the exemplar's trace. */
  static String traceId(int u, int m, long round) {
    long h = mix(u * 31L + m + round * 1_000_003L);
    char[] c = new char[16];
    for (int i = 0; i < 16; i++) {
      c[i] = TRACE_HEX.charAt((int) (h >>> (4 * i)) & 15);
    }
    return new String(c);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
