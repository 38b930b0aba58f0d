package io.rwgateway.translators.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Deduplicates strings into refs while a batch is built (the RW 2.0 reference encoder's
 * {@code map[string]uint32} starting with {@code {"": 0}}). Not thread-safe.
 *
 * <p>Two modes, as {@link SymbolTable} has two backings:
 * <ul>
 *   <li>strings ({@link #SymbolTableBuilder()}): an open-addressing table of {@code String} keys
 *       and {@code int} refs rather than a {@code HashMap<String, Integer>}: decoders call
 *       {@link #intern} for every label of every series, and the map's node chasing and boxing
 *       made it one of the decode path's largest costs. Strings from a {@link StringInterner}
 *       are the same instances request after request, so their hash is cached and a hit is
 *       usually an identity compare;
 *   <li>dictionary ids ({@link #SymbolTableBuilder(SymbolGeneration, int)}): keys are the ids of
 *       one {@link SymbolGeneration} (an int compare, no string), and {@link #build()} makes a
 *       table of ids. {@link #internId} adds an id the caller already has (a decoder reading
 *       bytes, relabel keeping an input label); {@link #intern(String)} looks the string's bytes
 *       up in the generation first. When the generation is full, {@link GenerationFullException}
 *       tells the caller to start over in the next one (docs/dictionary.md).
 * </ul>
 */
public final class SymbolTableBuilder {
  private static final int[] NO_IDS = new int[0];
  private static final int RECENT = 64;

  private final SymbolGeneration generation;
  private String[] keys;
  /** Id mode: per slot the id + 1 (0 = empty). */
  private int[] keyIds;
  private int[] slotRefs;
  private String[] symbols;
  private int[] ids;
  private int size;
  /**
   * Id mode: the last strings {@link #intern(String)} saw, by identity, with their refs. The
   * strings a batch interns by value (those relabel rules made, help and unit) come from caches
   * and repeat as the same instances, so most skip the UTF-8 encoding and the dictionary lookup.
   */
  private String[] recentStrings;
  private int[] recentRefs;

  public SymbolTableBuilder() {
    this(64);
  }

  public SymbolTableBuilder(int expectedSymbols) {
    this.generation = null;
    int capacity = capacity(expectedSymbols);
    keys = new String[capacity];
    slotRefs = new int[capacity];
    symbols = new String[Math.max(16, expectedSymbols)];
    ids = NO_IDS;
    intern("");
  }

  /** A builder of a table of ids of {@code generation}. */
  public SymbolTableBuilder(SymbolGeneration generation, int expectedSymbols) {
    this.generation = generation;
    int capacity = capacity(expectedSymbols);
    keyIds = new int[capacity];
    slotRefs = new int[capacity];
    ids = new int[Math.max(16, expectedSymbols)];
    internId(0);
  }

  private static int capacity(int expectedSymbols) {
    return Integer.highestOneBit(Math.max(16, expectedSymbols) * 2 - 1) << 1; // load <= 1/2
  }

  /** The generation of a builder of ids, or null for a builder of strings. */
  public SymbolGeneration generation() {
    return generation;
  }

  /** The ref of {@code s}, adding it if new. */
  public int intern(String s) {
    if (generation != null) {
      if (s.isEmpty()) {
        return 0;
      }
      if (recentStrings == null) {
        recentStrings = new String[RECENT];
        recentRefs = new int[RECENT];
      }
      int slot = System.identityHashCode(s) & (RECENT - 1);
      if (recentStrings[slot] == s) {
        return recentRefs[slot];
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      int ref = internId(generation.internInBatch(utf8, 0, utf8.length));
      recentStrings[slot] = s;
      recentRefs[slot] = ref;
      return ref;
    }
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

  /**
   * The ref of the string whose UTF-8 bytes are {@code buf[off, off+len)} (a builder of ids
   * only), or -1 when the bytes are not UTF-8.
   */
  public int intern(byte[] buf, int off, int len) {
    int id = generation.internInBatch(buf, off, len);
    return id == SymbolGeneration.INVALID_UTF8 ? -1 : internId(id);
  }

  /** The ref of the string with id {@code id} in this builder's generation, adding it if new. */
  public int internId(int id) {
    int mask = keyIds.length - 1;
    int key = id + 1;
    int i = slot(id) & mask;
    int k;
    while ((k = keyIds[i]) != 0) {
      if (k == key) {
        return slotRefs[i];
      }
      i = (i + 1) & mask;
    }
    int ref = size;
    if (ref == ids.length) {
      ids = Arrays.copyOf(ids, ref * 2);
    }
    ids[ref] = id;
    size++;
    keyIds[i] = key;
    slotRefs[i] = ref;
    if (size * 2 > keyIds.length) {
      growIds();
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

  private void growIds() {
    int[] oldKeys = keyIds;
    int[] oldRefs = slotRefs;
    keyIds = new int[oldKeys.length * 2];
    slotRefs = new int[keyIds.length];
    int mask = keyIds.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      int k = oldKeys[j];
      if (k != 0) {
        int i = slot(k - 1) & mask;
        while (keyIds[i] != 0) {
          i = (i + 1) & mask;
        }
        keyIds[i] = k;
        slotRefs[i] = oldRefs[j];
      }
    }
  }

  /** Spreads {@code String.hashCode} (weak low bits for short ASCII strings) or an id. */
  private static int slot(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  public String get(int ref) {
    if (ref >= size) {
      throw new IndexOutOfBoundsException("symbol ref " + ref + " of " + size);
    }
    return generation == null ? symbols[ref] : generation.string(ids[ref]);
  }

  /** The dictionary id at {@code ref} (a builder of ids only). */
  public int id(int ref) {
    return ids[ref];
  }

  public int size() {
    return size;
  }

  public SymbolTable build() {
    return generation == null
        ? SymbolTable.wrap(Arrays.copyOf(symbols, size))
        : SymbolTable.wrapIds(generation, Arrays.copyOf(ids, size));
  }
}
