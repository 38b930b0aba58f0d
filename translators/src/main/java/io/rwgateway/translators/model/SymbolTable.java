package io.rwgateway.translators.model;

import java.util.Arrays;
import java.util.List;

/**
 * The strings a {@link MetricBatch} refers to, shaped like the RW 2.0 {@code symbols} field:
 * index 0 is always the empty string (RW 2.0 §"Symbols"), and refs are indexes into this table.
 * Immutable.
 */
public final class SymbolTable {
  public static final SymbolTable EMPTY = new SymbolTable(new String[] {""});

  private final String[] symbols;

  private SymbolTable(String[] symbols) {
    this.symbols = symbols;
  }

  /** Takes ownership of the array; {@code symbols[0]} must be "". */
  static SymbolTable wrap(String[] symbols) {
    if (symbols.length == 0 || !symbols[0].isEmpty()) {
      throw new IllegalArgumentException("symbols[0] must be the empty string");
    }
    return new SymbolTable(symbols);
  }

  public static SymbolTable of(List<String> symbols) {
    return wrap(symbols.toArray(new String[0]));
  }

  public String get(int ref) {
    return symbols[ref];
  }

  public int size() {
    return symbols.length;
  }

  /** A copy of the strings, index 0 first. */
  public String[] toArray() {
    return symbols.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SymbolTable other && Arrays.equals(symbols, other.symbols);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(symbols);
  }

  @Override
  public String toString() {
    return "SymbolTable" + Arrays.toString(symbols);
  }
}
