package io.rwgateway.translators.wire;

import java.util.Arrays;

/** A growable {@code long[]} reused across series and requests (no boxing on the decode path). */
public final class LongList {
  private long[] values;
  private int size;

  public LongList(int capacity) {
    values = new long[Math.max(4, capacity)];
  }

  public void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  public long get(int i) {
    return values[i];
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }

  public long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** The values read as raw IEEE-754 bits, as doubles (bits kept: no arithmetic on them). */
  public double[] toDoubleArray() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = Double.longBitsToDouble(values[i]);
    }
    return out;
  }
}
