package io.rwgateway.gateway.testing;

import io.rwgateway.translators.model.Histogram;

/** Small valid native histograms for gateway tests. */
public final class Histograms {
  private Histograms() {}

  /** An integer exponential histogram (schema 0): zero bucket 1, positive buckets 1 and 1; count 3. */
  public static Histogram simple(long timestamp) {
    return new Histogram(false, 3, 0, Double.doubleToRawLongBits(4.5), 0, 0.001, 1, 0,
        new int[0], new long[0], new double[0], new int[] {0, 2}, new long[] {1, 0}, new double[0],
        0, timestamp, new double[0], 0);
  }
}
