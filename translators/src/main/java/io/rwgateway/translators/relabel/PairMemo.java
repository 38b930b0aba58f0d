package io.rwgateway.translators.relabel;

/**
 * A batch's memo for a step that reads two labels: results by the pair of input symbol refs of
 * the two values (a drop on {@code job;mode}, a replace on {@code __name__;le}). Open addressing
 * over a {@code long} key, grown at half full; no boxing, no tuple per lookup. Not thread-safe:
 * one per step per batch ({@link PlanScratch}).
 */
final class PairMemo {
  private long[] keys = new long[64];
  private Object[] values = new Object[64];
  private int size;

  /** The key of refs {@code a} and {@code b} (both >= 0). */
  static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  /** The result for {@code key}, or null. */
  Object get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      Object v = values[i];
      if (v == null || keys[i] == key) {
        return v;
      }
    }
  }

  void put(long key, Object value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
