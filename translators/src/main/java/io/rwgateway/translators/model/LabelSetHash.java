package io.rwgateway.translators.model;

/**
 * A 64-bit hash of a series' label set by value (not by symbol ref, which is local to a batch), so
 * the same series hashes the same in every request. Used to sample series consistently: a series
 * that is in a sample is in it every time it arrives.
 */
public final class LabelSetHash {
  private LabelSetHash() {}

  public static long of(MetricBatch batch, Series s) {
    long h = 0x9E3779B97F4A7C15L;
    for (int ref : s.labelRefs()) {
      h = (h ^ batch.symbol(ref).hashCode()) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    // Final mix (SplitMix64), so every bit depends on every label.
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 32;
    return h;
  }

  /** Whether the series is in the 1-in-2^shift sample (the low bits of its hash are zero). */
  public static boolean sampled(long hash, int shift) {
    return (hash & ((1L << shift) - 1)) == 0;
  }
}
