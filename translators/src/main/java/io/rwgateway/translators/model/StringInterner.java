package io.rwgateway.translators.model;

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
    int h = ByteSlices.hash(buf, off, len);
    int mask = keys.length - 1;
    int i = h & mask;
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        break;
      }
      if (hashes[i] == h && k.length == len && ByteSlices.sameBytes(k, buf, off, len)) {
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
