package io.rwgateway.translators.model;

import java.util.Arrays;

/**
 * Deduplicates strings into refs while a batch is built (the RW 2.0 reference encoder's
 * {@code map[string]uint32} starting with {@code {"": 0}}). Not thread-safe.
 *
 * <p>An open-addressing table of {@code String} keys and {@code int} refs rather than a
 * {@code HashMap<String, Integer>}: decoders call {@link #intern} for every label of every series,
 * and the map's node chasing and boxing made it one of the decode path's largest costs. Strings
 * from a {@link StringInterner} are the same instances request after request, so their hash is
 * cached and a hit is usually an identity compare.
 */
public final class SymbolTableBuilder {
  private String[] keys;
  private int[] slotRefs;
  private String[] symbols;
  private int size;

  public SymbolTableBuilder() {
    this(64);
  }

  public SymbolTableBuilder(int expectedSymbols) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedSymbols) * 2 - 1) << 1; // load <= 1/2
    keys = new String[capacity];
    slotRefs = new int[capacity];
    symbols = new String[Math.max(16, expectedSymbols)];
    intern("");
  }

  /** The ref of {@code s}, adding it if new. */
  public int intern(String s) {
    int mask = keys.length - 1;
    int i = slot(s.hashCode()) & mask;
    String k;
    while ((k = keys[i]) != null) {
      if (k == s || k.equals(s)) {
        return slotRefs[i];
      }
      i = (i + 1) & mask;
    }
    int ref = size;
    if (ref == symbols.length) {
      symbols = Arrays.copyOf(symbols, ref * 2);
    }
    symbols[ref] = s;
    size++;
    keys[i] = s;
    slotRefs[i] = ref;
    if (size * 2 > keys.length) {
      grow();
    }
    return ref;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldRefs = slotRefs;
    keys = new String[oldKeys.length * 2];
    slotRefs = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      String k = oldKeys[j];
      if (k != null) {
        int i = slot(k.hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        slotRefs[i] = oldRefs[j];
      }
    }
  }

  /** Spreads {@code String.hashCode}, whose low bits are weak for short ASCII strings. */
  private static int slot(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  public String get(int ref) {
    if (ref >= size) {
      throw new IndexOutOfBoundsException("symbol ref " + ref + " of " + size);
    }
    return symbols[ref];
  }

  public int size() {
    return size;
  }

  public SymbolTable build() {
    return SymbolTable.wrap(Arrays.copyOf(symbols, size));
  }
}
