package io.rwgateway.translators.rw2;

import java.util.Arrays;

/**
 * Growable primitive arrays reused across series and requests by one decoder, so decoding a
 * sample costs no object (style: no boxing on the hot path). {@code toArray()} copies out exactly
 * the filled part; {@code clear()} keeps the capacity.
 */
final class PrimitiveLists {
  private PrimitiveLists() {}

  static final class Ints {
    private int[] a = new int[32];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    /** The backing array; valid up to {@link #size()}. */
    int[] raw() {
      return a;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }

    void clear() {
      n = 0;
    }
  }

  static final class Longs {
    private long[] a = new long[32];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }

    void clear() {
      n = 0;
    }
  }

  static final class Doubles {
    private double[] a = new double[16];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int size() {
      return n;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }

    void clear() {
      n = 0;
    }
  }
}
