package io.rwgateway.translators.model;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * Deduplicates strings into refs while a batch is built (the RW 2.0 reference encoder's
 * {@code map[string]uint32} starting with {@code {"": 0}}). Not thread-safe.
 */
public final class SymbolTableBuilder {
  private final HashMap<String, Integer> refs;
  private final ArrayList<String> symbols;

  public SymbolTableBuilder() {
    this(64);
  }

  public SymbolTableBuilder(int expectedSymbols) {
    refs = new HashMap<>(Math.max(16, expectedSymbols * 2));
    symbols = new ArrayList<>(Math.max(16, expectedSymbols));
    symbols.add("");
    refs.put("", 0);
  }

  /** The ref of {@code s}, adding it if new. */
  public int intern(String s) {
    Integer ref = refs.get(s);
    if (ref != null) {
      return ref;
    }
    int next = symbols.size();
    symbols.add(s);
    refs.put(s, next);
    return next;
  }

  public String get(int ref) {
    return symbols.get(ref);
  }

  public int size() {
    return symbols.size();
  }

  public SymbolTable build() {
    return SymbolTable.wrap(symbols.toArray(new String[0]));
  }
}
