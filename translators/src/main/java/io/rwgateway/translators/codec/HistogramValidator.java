package io.rwgateway.translators.codec;

import io.rwgateway.translators.model.Histogram;

/**
 * Checks one native histogram with the rules Prometheus applies on ingest (remote-write.md §2.4
 * "Native histograms", §4.14; Prometheus {@code model/histogram} {@code Histogram.Validate} and
 * {@code FloatHistogram.Validate}), so the gateway refuses what a Prometheus backend would refuse
 * instead of forwarding it into a 400 it cannot explain. Shared by the RW 1.0 and RW 2.0 decoders.
 *
 * <p>Deliberate choices, each where this differs from a literal reading of the rules:
 * <ul>
 *   <li>Schemas 9..52 are accepted as exponential and forwarded unchanged. Prometheus reduces
 *       them to 8 on ingest; reducing is the backend's business, not a reason to refuse.</li>
 *   <li>Float histograms get no {@code count == sum of buckets} check, as in Prometheus: floating
 *       point sums of the same counts in another order differ in the last bits, and Prometheus
 *       dropped that check for float histograms for exactly that reason. Their counts (buckets,
 *       zero count, count) must still not be negative.</li>
 *   <li>A stale marker (sum bits {@code 0x7ff0000000000002}, remote-write.md §1.6) passes whatever
 *       else it carries: its content means nothing and it must reach the backend.</li>
 * </ul>
 */
public final class HistogramValidator {
  public static final String REASON = "invalid_histogram";
  /** The StaleNaN bit pattern, remote-write.md §1.6. */
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;

  private static final int SCHEMA_MIN = -4;
  private static final int SCHEMA_MAX_RESERVED = 52;

  private HistogramValidator() {}

  public static void validate(Histogram h) throws SeriesRejectedException {
    if (h.sumBits() == STALE_NAN_BITS) {
      return;
    }
    checkNotMixed(h);
    int schema = h.schema();
    if (schema == Histogram.SCHEMA_CUSTOM_BUCKETS) {
      checkCustomBuckets(h);
    } else if (schema >= SCHEMA_MIN && schema <= SCHEMA_MAX_RESERVED) {
      checkExponential(h);
    } else {
      throw invalid("schema " + schema + " is neither exponential (-4..52) nor custom buckets (-53)");
    }
    if (h.isFloat()) {
      checkFloatCounts(h);
    } else {
      checkIntegerCount(h);
    }
  }

  /** Integer histograms carry deltas, float histograms absolute counts (remote-write.md §2.4). */
  private static void checkNotMixed(Histogram h) throws SeriesRejectedException {
    if (h.isFloat()) {
      if (h.positiveDeltas().length > 0 || h.negativeDeltas().length > 0 || h.zeroCountInt() != 0) {
        throw invalid("float histogram carries integer deltas or an integer zero count");
      }
    } else if (h.positiveCounts().length > 0 || h.negativeCounts().length > 0
        || Double.doubleToRawLongBits(h.zeroCountFloat()) != 0
        || Double.doubleToRawLongBits(h.countFloat()) != 0) {
      throw invalid("integer histogram carries float counts");
    }
  }

  private static void checkExponential(Histogram h) throws SeriesRejectedException {
    checkSpans("positive", h.positiveSpans(), bucketCount(h, true), false);
    checkSpans("negative", h.negativeSpans(), bucketCount(h, false), false);
    if (h.customValues().length > 0) {
      throw invalid("exponential schema " + h.schema() + " carries custom_values");
    }
  }

  /** Native histograms with custom buckets (NHCB), remote-write.md §2.4 "NHCB extra rules". */
  private static void checkCustomBuckets(Histogram h) throws SeriesRejectedException {
    double[] bounds = h.customValues();
    double previous = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < bounds.length; i++) {
      double b = bounds[i];
      if (Double.isNaN(b)) {
        throw invalid("custom bucket bound " + i + " is NaN");
      }
      // Like Prometheus, -Inf is refused as a first bound too: nothing can lie below it.
      if (b <= previous) {
        throw invalid("custom bucket bounds not strictly increasing at " + i + ": " + previous + " then " + b);
      }
      previous = b;
    }
    if (previous == Double.POSITIVE_INFINITY) {
      throw invalid("last custom bucket bound is +Inf; the +Inf bucket is implicit");
    }
    long spanLength = checkSpans("positive", h.positiveSpans(), bucketCount(h, true), true);
    if (bounds.length + 1L < spanLength) {
      throw invalid("spans cover " + spanLength + " buckets but only " + bounds.length
          + " custom bounds (+Inf) are defined");
    }
    if (h.zeroCountInt() != 0 || Double.doubleToRawLongBits(h.zeroCountFloat()) != 0) {
      throw invalid("custom buckets histogram has a non-zero zero_count");
    }
    if (Double.doubleToRawLongBits(h.zeroThreshold()) != 0) {
      throw invalid("custom buckets histogram has a non-zero zero_threshold");
    }
    if (h.negativeSpans().length > 0) {
      throw invalid("custom buckets histogram has negative spans");
    }
    if (bucketCount(h, false) > 0) {
      throw invalid("custom buckets histogram has negative buckets");
    }
  }

  /**
   * Sum of span lengths must equal the bucket count; only the first span of an exponential side
   * may have a negative offset, and none of a custom buckets side.
   *
   * @return the total span length, offsets included (what NHCB bounds must cover)
   */
  private static long checkSpans(String side, int[] spans, int buckets, boolean customBuckets)
      throws SeriesRejectedException {
    long lengths = 0;
    long covered = 0;
    for (int i = 0; i < spans.length; i += 2) {
      int offset = spans[i];
      long length = spans[i + 1] & 0xffffffffL; // uint32 on the wire
      if (offset < 0 && (customBuckets || i > 0)) {
        throw invalid(side + " span " + (i / 2 + 1) + " has negative offset " + offset);
      }
      lengths += length;
      covered += length + offset;
    }
    if (lengths != buckets) {
      throw invalid(side + " spans need " + lengths + " buckets, histogram has " + buckets);
    }
    return covered;
  }

  private static int bucketCount(Histogram h, boolean positive) {
    if (positive) {
      return h.isFloat() ? h.positiveCounts().length : h.positiveDeltas().length;
    }
    return h.isFloat() ? h.negativeCounts().length : h.negativeDeltas().length;
  }

  /**
   * Deltas decode to non-negative absolute counts; {@code count} equals their sum plus the zero
   * count, or is at least that when {@code sum} is NaN (NaN observations count but land in no
   * bucket). Arithmetic wraps like Prometheus' uint64.
   */
  private static void checkIntegerCount(Histogram h) throws SeriesRejectedException {
    long total = h.zeroCountInt();
    total += decodedDeltaSum("positive", h.positiveDeltas());
    total += decodedDeltaSum("negative", h.negativeDeltas());
    long count = h.countInt();
    if (Double.isNaN(h.sum())) {
      if (Long.compareUnsigned(total, count) > 0) {
        throw invalid("count " + Long.toUnsignedString(count) + " is below the "
            + Long.toUnsignedString(total) + " observations in the buckets");
      }
    } else if (total != count) {
      throw invalid("count " + Long.toUnsignedString(count) + " differs from the "
          + Long.toUnsignedString(total) + " observations in the buckets");
    }
  }

  private static long decodedDeltaSum(String side, long[] deltas) throws SeriesRejectedException {
    long absolute = 0;
    long sum = 0;
    for (int i = 0; i < deltas.length; i++) {
      absolute += deltas[i];
      if (absolute < 0) {
        throw invalid(side + " bucket " + (i + 1) + " has negative count " + absolute);
      }
      sum += absolute;
    }
    return sum;
  }

  private static void checkFloatCounts(Histogram h) throws SeriesRejectedException {
    checkNonNegative("positive", h.positiveCounts());
    checkNonNegative("negative", h.negativeCounts());
    if (h.zeroCountFloat() < 0) {
      throw invalid("zero_count is negative: " + h.zeroCountFloat());
    }
    if (h.countFloat() < 0) {
      throw invalid("count is negative: " + h.countFloat());
    }
  }

  private static void checkNonNegative(String side, double[] counts) throws SeriesRejectedException {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw invalid(side + " bucket " + (i + 1) + " has negative count " + counts[i]);
      }
    }
  }

  private static SeriesRejectedException invalid(String cause) {
    return new SeriesRejectedException(REASON, "cannot accept native histogram: " + cause);
  }
}
