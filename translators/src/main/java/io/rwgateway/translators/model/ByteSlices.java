package io.rwgateway.translators.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Hash and equality of UTF-8 byte slices, for the tables that look strings up by their bytes. */
final class ByteSlices {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** 2^64 / golden ratio: odd, with well spread bits (Fibonacci hashing). */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private ByteSlices() {}

  /**
   * Hashes 8 bytes per step (a multiply and a shift each) instead of one: label values are 10-60
   * bytes and this hash runs for every label of every request, so a byte-at-a-time loop was the
   * decoder's largest single cost. The last 8 (or 4) bytes are read overlapping the previous
   * read, so every length is covered without a byte loop; the length seeds the hash so the
   * overlap cannot make two lengths collide systematically. {@code len} is at least 1.
   */
  static int hash(byte[] buf, int off, int len) {
    long h = len * GOLDEN;
    int end = off + len;
    if (len >= 8) {
      for (int i = off; i < end - 8; i += 8) {
        h = mix(h ^ (long) LONG_LE.get(buf, i));
      }
      h = mix(h ^ (long) LONG_LE.get(buf, end - 8));
    } else if (len >= 4) {
      long lo = (int) INT_LE.get(buf, off) & 0xffffffffL;
      long hi = (int) INT_LE.get(buf, end - 4) & 0xffffffffL;
      h = mix(h ^ (lo | hi << 32));
    } else {
      long v = buf[off] & 0xff | (buf[off + (len >> 1)] & 0xff) << 8 | (long) (buf[end - 1] & 0xff) << 16;
      h = mix(h ^ v);
    }
    return (int) (h ^ (h >>> 32));
  }

  /**
   * {@code key} (of length {@code len}) equals {@code buf[off, off+len)}, 8 bytes per compare:
   * for strings this short {@code Arrays.equals} spends more on range checks and its stub call.
   */
  static boolean sameBytes(byte[] key, byte[] buf, int off, int len) {
    if (len >= 8) {
      int last = len - 8;
      for (int i = 0; i < last; i += 8) {
        if ((long) LONG_LE.get(key, i) != (long) LONG_LE.get(buf, off + i)) {
          return false;
        }
      }
      return (long) LONG_LE.get(key, last) == (long) LONG_LE.get(buf, off + last);
    }
    if (len >= 4) {
      return (int) INT_LE.get(key, 0) == (int) INT_LE.get(buf, off)
          && (int) INT_LE.get(key, len - 4) == (int) INT_LE.get(buf, off + len - 4);
    }
    for (int i = 0; i < len; i++) {
      if (key[i] != buf[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static long mix(long x) {
    x *= GOLDEN;
    return x ^ (x >>> 29);
  }
}
