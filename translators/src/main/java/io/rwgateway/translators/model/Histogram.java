package io.rwgateway.translators.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One native histogram, field for field as RW 1.0/2.0 {@code Histogram} (fields 1-17 share
 * numbers in both versions, remote-write.md §2.3). Spans are flat {@code (offset, length)} pairs.
 * Integer histograms carry deltas, float histograms absolute counts; {@link #isFloat()} follows the
 * {@code count} oneof. {@code sumBits} keeps the raw bits because a stale histogram's sum is the
 * StaleNaN. Arrays are never null (empty instead) and must not be mutated after construction.
 */
public record Histogram(
    boolean isFloat,
    long countInt,
    double countFloat,
    long sumBits,
    int schema,
    double zeroThreshold,
    long zeroCountInt,
    double zeroCountFloat,
    int[] negativeSpans,
    long[] negativeDeltas,
    double[] negativeCounts,
    int[] positiveSpans,
    long[] positiveDeltas,
    double[] positiveCounts,
    int resetHint,
    long timestamp,
    double[] customValues,
    long startTimestamp) {

  public static final int SCHEMA_CUSTOM_BUCKETS = -53;
  static final int[] NO_INTS = new int[0];
  static final long[] NO_LONGS = new long[0];
  static final double[] NO_DOUBLES = new double[0];

  public Histogram {
    negativeSpans = negativeSpans == null ? NO_INTS : negativeSpans;
    negativeDeltas = negativeDeltas == null ? NO_LONGS : negativeDeltas;
    negativeCounts = negativeCounts == null ? NO_DOUBLES : negativeCounts;
    positiveSpans = positiveSpans == null ? NO_INTS : positiveSpans;
    positiveDeltas = positiveDeltas == null ? NO_LONGS : positiveDeltas;
    positiveCounts = positiveCounts == null ? NO_DOUBLES : positiveCounts;
    customValues = customValues == null ? NO_DOUBLES : customValues;
  }

  public double sum() {
    return Double.longBitsToDouble(sumBits);
  }

  /** The same histogram with another start timestamp (used for the rc.3 field-6 fallback). */
  public Histogram withStartTimestamp(long st) {
    return new Histogram(isFloat, countInt, countFloat, sumBits, schema, zeroThreshold, zeroCountInt,
        zeroCountFloat, negativeSpans, negativeDeltas, negativeCounts, positiveSpans, positiveDeltas,
        positiveCounts, resetHint, timestamp, customValues, st);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Histogram h)) {
      return false;
    }
    return isFloat == h.isFloat
        && countInt == h.countInt
        && Double.doubleToRawLongBits(countFloat) == Double.doubleToRawLongBits(h.countFloat)
        && sumBits == h.sumBits
        && schema == h.schema
        && Double.doubleToRawLongBits(zeroThreshold) == Double.doubleToRawLongBits(h.zeroThreshold)
        && zeroCountInt == h.zeroCountInt
        && Double.doubleToRawLongBits(zeroCountFloat) == Double.doubleToRawLongBits(h.zeroCountFloat)
        && Arrays.equals(negativeSpans, h.negativeSpans)
        && Arrays.equals(negativeDeltas, h.negativeDeltas)
        && Arrays.equals(negativeCounts, h.negativeCounts)
        && Arrays.equals(positiveSpans, h.positiveSpans)
        && Arrays.equals(positiveDeltas, h.positiveDeltas)
        && Arrays.equals(positiveCounts, h.positiveCounts)
        && resetHint == h.resetHint
        && timestamp == h.timestamp
        && Arrays.equals(customValues, h.customValues)
        && startTimestamp == h.startTimestamp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(isFloat, countInt, sumBits, schema, timestamp, startTimestamp,
        Arrays.hashCode(positiveSpans), Arrays.hashCode(positiveDeltas), Arrays.hashCode(positiveCounts));
  }

  @Override
  public String toString() {
    return "Histogram{float=" + isFloat + ", count=" + (isFloat ? countFloat : countInt)
        + ", sum=" + sum() + ", schema=" + schema + ", ts=" + timestamp
        + ", pos=" + Arrays.toString(positiveSpans)
        + (isFloat ? Arrays.toString(positiveCounts) : Arrays.toString(positiveDeltas))
        + ", neg=" + Arrays.toString(negativeSpans)
        + (isFloat ? Arrays.toString(negativeCounts) : Arrays.toString(negativeDeltas))
        + ", custom=" + Arrays.toString(customValues) + ", st=" + startTimestamp + "}";
  }
}
