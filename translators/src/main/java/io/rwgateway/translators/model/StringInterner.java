package io.rwgateway.translators.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns UTF-8 byte slices of a request into shared {@link String}s without allocating on a hit:
 * label names and values repeat across requests, so a steady stream of the same series costs a
 * hash and a byte compare per label, not a String each. Bounded: when full the table is cleared
 * (strings already handed out stay valid). Invalid UTF-8 is refused on a miss; a hit is known
 * valid. Not thread-safe: use one per thread (the gateway keeps one per event loop).
 */
public final class StringInterner {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** 2^64 / golden ratio: odd, with well spread bits (Fibonacci hashing). */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final int maxEntries;
  private final int maxLength;
  private byte[][] keys;
  private String[] values;
  private int[] hashes;
  private int size;
  private long hits;
  private long misses;

  /**
   * @param maxEntries strings kept before the table is cleared
   * @param maxLength  longer slices are decoded but not kept (long values rarely repeat)
   */
  public StringInterner(int maxEntries, int maxLength) {
    this.maxEntries = maxEntries;
    this.maxLength = maxLength;
    allocate(1024);
  }

  public StringInterner() {
    this(1 << 20, 256);
  }

  private void allocate(int capacity) {
    keys = new byte[capacity][];
    values = new String[capacity];
    hashes = new int[capacity];
    size = 0;
  }

  /** The string for {@code buf[off, off+len)}, or null when the bytes are not valid UTF-8. */
  public String intern(byte[] buf, int off, int len) {
    if (len == 0) {
      return "";
    }
    if (len > maxLength) {
      return decode(buf, off, len);
    }
    int h = hash(buf, off, len);
    int mask = keys.length - 1;
    int i = h & mask;
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        break;
      }
      if (hashes[i] == h && k.length == len && sameBytes(k, buf, off, len)) {
        hits++;
        return values[i];
      }
      i = (i + 1) & mask;
    }
    misses++;
    String s = decode(buf, off, len);
    if (s == null) {
      return null;
    }
    if (size + 1 > maxEntries) {
      allocate(keys.length);
      i = h & (keys.length - 1);
    } else if ((size + 1) * 2 > keys.length) {
      grow();
      mask = keys.length - 1;
      i = h & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
    }
    keys[i] = Arrays.copyOfRange(buf, off, off + len);
    values[i] = s;
    hashes[i] = h;
    size++;
    return s;
  }

  private static String decode(byte[] buf, int off, int len) {
    if (!Utf8Validator.isValid(buf, off, len)) {
      return null;
    }
    return new String(buf, off, len, StandardCharsets.UTF_8);
  }

  private void grow() {
    byte[][] oldKeys = keys;
    String[] oldValues = values;
    int[] oldHashes = hashes;
    int capacity = keys.length * 2;
    keys = new byte[capacity][];
    values = new String[capacity];
    hashes = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        hashes[i] = oldHashes[j];
      }
    }
  }

  /**
   * Hashes 8 bytes per step (a multiply and a shift each) instead of one: label values are 10-60
   * bytes and this hash runs for every label of every request, so a byte-at-a-time loop was the
   * decoder's largest single cost. The last 8 (or 4) bytes are read overlapping the previous
   * read, so every length is covered without a byte loop; the length seeds the hash so the
   * overlap cannot make two lengths collide systematically. {@code len} is at least 1.
   */
  private static int hash(byte[] buf, int off, int len) {
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
  private static boolean sameBytes(byte[] key, byte[] buf, int off, int len) {
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

  public int size() {
    return size;
  }

  public long hits() {
    return hits;
  }

  public long misses() {
    return misses;
  }
}
