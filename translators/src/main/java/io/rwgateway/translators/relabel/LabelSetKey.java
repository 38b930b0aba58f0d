package io.rwgateway.translators.relabel;

import java.util.Arrays;

/**
 * Cache key for one series' label strings. The strings come from a batch's symbol table, and
 * decoders intern them, so their hash codes are cached and equality usually stops at identity:
 * a lookup hashes a few ints and compares references, it never builds a string.
 */
final class LabelSetKey {
  private final String[] pairs;
  private final int hash;

  /** Takes ownership of {@code pairs}. */
  LabelSetKey(String[] pairs) {
    this.pairs = pairs;
    int h = 1;
    for (String s : pairs) {
      h = 31 * h + s.hashCode();
    }
    this.hash = h;
  }

  String[] pairs() {
    return pairs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSetKey k && hash == k.hash && Arrays.equals(pairs, k.pairs);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(pairs);
  }
}
