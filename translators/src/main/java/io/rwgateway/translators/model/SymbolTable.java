package io.rwgateway.translators.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The strings a {@link MetricBatch} refers to, shaped like the RW 2.0 {@code symbols} field:
 * index 0 is always the empty string (RW 2.0 §"Symbols"), and refs are indexes into this table.
 * Immutable.
 *
 * <p>Two backings, one behaviour:
 * <ul>
 *   <li><b>strings</b> ({@link #of}, tests, OTLP translation): an array of {@code String}s;
 *   <li><b>dictionary ids</b> (decoders and relabel on the ingest path, docs/dictionary.md):
 *       each ref holds the id of its string in one {@link SymbolGeneration} of the gateway's
 *       {@link SymbolDictionary}. Refs stay dense and batch-local, so everything that sizes an
 *       array by {@link #size()} still works; stages that compare or map label sets use the ids
 *       ({@link #id}: two tables of the same {@link #generation()} hold the same string exactly
 *       when their ids are equal) and encoders copy the bytes ({@link #utf8}) instead of
 *       hashing and encoding {@code String}s. A {@code String} is only made when a stage asks
 *       for one ({@link #get}), once per id (the generation keeps it).
 * </ul>
 * Equality compares strings, whatever the backing.
 */
public final class SymbolTable {
  public static final SymbolTable EMPTY = new SymbolTable(new String[] {""}, null, null);

  private final String[] symbols;
  private final SymbolGeneration generation;
  private final int[] ids;

  private SymbolTable(String[] symbols, SymbolGeneration generation, int[] ids) {
    this.symbols = symbols;
    this.generation = generation;
    this.ids = ids;
  }

  /** Takes ownership of the array; {@code symbols[0]} must be "". */
  static SymbolTable wrap(String[] symbols) {
    if (symbols.length == 0 || !symbols[0].isEmpty()) {
      throw new IllegalArgumentException("symbols[0] must be the empty string");
    }
    return new SymbolTable(symbols, null, null);
  }

  /** Takes ownership of the array of ids of {@code generation}; {@code ids[0]} must be 0 (""). */
  static SymbolTable wrapIds(SymbolGeneration generation, int[] ids) {
    if (ids.length == 0 || ids[0] != 0) {
      throw new IllegalArgumentException("ids[0] must be the empty string's id, 0");
    }
    return new SymbolTable(null, generation, ids);
  }

  /**
   * A table of the ids of {@code generation} (a decoder's: refs are the sender's, so an id may
   * repeat); takes ownership of the array; {@code ids[0]} must be 0 ("").
   */
  public static SymbolTable ofIds(SymbolGeneration generation, int[] ids) {
    return wrapIds(generation, ids);
  }

  public static SymbolTable of(List<String> symbols) {
    return wrap(symbols.toArray(new String[0]));
  }

  public String get(int ref) {
    return ids == null ? symbols[ref] : generation.string(ids[ref]);
  }

  /**
   * The UTF-8 bytes of the string at {@code ref}: the dictionary's own copy (never modify it), or
   * a new array for a table of strings.
   */
  public byte[] utf8(int ref) {
    return ids == null ? symbols[ref].getBytes(StandardCharsets.UTF_8) : generation.utf8(ids[ref]);
  }

  /** The generation this table's ids belong to, or null for a table of strings. */
  public SymbolGeneration generation() {
    return generation;
  }

  /** The dictionary id of the string at {@code ref}; only for a table with a {@link #generation()}. */
  public int id(int ref) {
    return ids[ref];
  }

  public int size() {
    return ids == null ? symbols.length : ids.length;
  }

  /** A copy of the strings, index 0 first. */
  public String[] toArray() {
    if (ids == null) {
      return symbols.clone();
    }
    String[] out = new String[ids.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = get(i);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SymbolTable other) || other.size() != size()) {
      return false;
    }
    if (ids == null && other.ids == null) {
      return Arrays.equals(symbols, other.symbols);
    }
    for (int i = 0; i < size(); i++) {
      if (!get(i).equals(other.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size(); i++) {
      h = 31 * h + get(i).hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return "SymbolTable" + Arrays.toString(toArray());
  }
}
