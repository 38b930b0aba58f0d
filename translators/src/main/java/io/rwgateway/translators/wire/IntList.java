package io.rwgateway.translators.wire;

import java.util.Arrays;

/**
 * A growable {@code int[]} reused across series and requests (label refs, bucket spans as flat
 * offset, length pairs): no boxing on the decode path.
 */
public final class IntList {
  private int[] values;
  private int size;

  public IntList(int capacity) {
    values = new int[Math.max(4, capacity)];
  }

  public void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  public int get(int i) {
    return values[i];
  }

  /** The backing array, valid up to {@link #size()} (read in place, no copy). */
  public int[] raw() {
    return values;
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }

  public int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
