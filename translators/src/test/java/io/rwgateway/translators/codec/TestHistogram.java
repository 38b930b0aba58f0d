package io.rwgateway.translators.codec;

import io.rwgateway.translators.model.Histogram;

/**
 * Fluent builder of model {@link Histogram}s for tests, with three valid starting points (integer
 * exponential, float exponential, integer custom buckets) that single tests then break one rule at
 * a time.
 */
public final class TestHistogram {
  private boolean isFloat;
  private long countInt;
  private double countFloat;
  private long sumBits;
  private int schema;
  private double zeroThreshold;
  private long zeroCountInt;
  private double zeroCountFloat;
  private int[] negativeSpans;
  private long[] negativeDeltas;
  private double[] negativeCounts;
  private int[] positiveSpans;
  private long[] positiveDeltas;
  private double[] positiveCounts;
  private int resetHint;
  private long timestamp;
  private double[] customValues;
  private long startTimestamp;

  /**
   * Valid integer exponential histogram: zero bucket 2, positive buckets 1,2,1,3 (deltas
   * 1,1,-1,2), negative buckets 2,1 (deltas 2,-1, first span at offset -2): count 12.
   */
  public static TestHistogram integer() {
    return new TestHistogram()
        .count(12).sum(42.5).schema(0).zeroThreshold(0.001).zeroCount(2)
        .positive(new int[] {0, 2, 1, 2}, 1, 1, -1, 2)
        .negative(new int[] {-2, 2}, 2, -1)
        .timestamp(1_700_000_000_000L);
  }

  /** Valid float exponential histogram: zero bucket 1.5, buckets 1, 2.5, 0.5 and 0.5; count 6. */
  public static TestHistogram floating() {
    return new TestHistogram()
        .countFloat(6.0).sum(10.0).schema(2).zeroThreshold(0.0001).zeroCountFloat(1.5)
        .positiveCounts(new int[] {0, 3}, 1.0, 2.5, 0.5)
        .negativeCounts(new int[] {1, 1}, 0.5)
        .timestamp(1_700_000_000_000L);
  }

  /** Valid integer NHCB: bounds 0.1, 0.5, 1 (+Inf implicit); buckets 3,2 then 4 after a gap: count 9. */
  public static TestHistogram customBuckets() {
    return new TestHistogram()
        .count(9).sum(3.25).schema(Histogram.SCHEMA_CUSTOM_BUCKETS)
        .customValues(0.1, 0.5, 1.0)
        .positive(new int[] {0, 2, 1, 1}, 3, -1, 2)
        .timestamp(1_700_000_000_000L);
  }

  public TestHistogram count(long c) {
    isFloat = false;
    countInt = c;
    countFloat = 0;
    return this;
  }

  public TestHistogram countFloat(double c) {
    isFloat = true;
    countFloat = c;
    countInt = 0;
    return this;
  }

  public TestHistogram sum(double s) {
    sumBits = Double.doubleToRawLongBits(s);
    return this;
  }

  public TestHistogram sumBits(long bits) {
    sumBits = bits;
    return this;
  }

  public TestHistogram schema(int s) {
    schema = s;
    return this;
  }

  public TestHistogram zeroThreshold(double t) {
    zeroThreshold = t;
    return this;
  }

  public TestHistogram zeroCount(long c) {
    zeroCountInt = c;
    return this;
  }

  public TestHistogram zeroCountFloat(double c) {
    zeroCountFloat = c;
    return this;
  }

  public TestHistogram positive(int[] spans, long... deltas) {
    positiveSpans = spans;
    positiveDeltas = deltas;
    return this;
  }

  public TestHistogram negative(int[] spans, long... deltas) {
    negativeSpans = spans;
    negativeDeltas = deltas;
    return this;
  }

  public TestHistogram positiveCounts(int[] spans, double... counts) {
    positiveSpans = spans;
    positiveCounts = counts;
    return this;
  }

  public TestHistogram negativeCounts(int[] spans, double... counts) {
    negativeSpans = spans;
    negativeCounts = counts;
    return this;
  }

  /** Adds float counts next to whatever else the histogram has (to build mixed histograms). */
  public TestHistogram alsoPositiveCounts(double... counts) {
    positiveCounts = counts;
    return this;
  }

  /** Adds deltas next to whatever else the histogram has (to build mixed histograms). */
  public TestHistogram alsoPositiveDeltas(long... deltas) {
    positiveDeltas = deltas;
    return this;
  }

  public TestHistogram customValues(double... bounds) {
    customValues = bounds;
    return this;
  }

  public TestHistogram resetHint(int hint) {
    resetHint = hint;
    return this;
  }

  public TestHistogram timestamp(long ts) {
    timestamp = ts;
    return this;
  }

  public TestHistogram startTimestamp(long st) {
    startTimestamp = st;
    return this;
  }

  public Histogram build() {
    return new Histogram(isFloat, countInt, countFloat, sumBits, schema, zeroThreshold, zeroCountInt,
        zeroCountFloat, negativeSpans, negativeDeltas, negativeCounts, positiveSpans, positiveDeltas,
        positiveCounts, resetHint, timestamp, customValues, startTimestamp);
  }
}
