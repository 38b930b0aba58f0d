package io.rwgateway.translators.rw1;

import io.rwgateway.translators.model.SymbolTable;

/**
 * The UTF-8 bytes of a batch's symbols, encoded on first use and reused for every label that
 * refers to them (names like {@code __name__}, {@code job}, {@code instance} repeat in every
 * series). One per batch per encode call.
 */
final class SymbolBytes {
  private static final byte[] EMPTY = new byte[0];

  private final SymbolTable symbols;
  private final byte[][] bytes;

  SymbolBytes(SymbolTable symbols) {
    this.symbols = symbols;
    this.bytes = new byte[symbols.size()][];
    this.bytes[0] = EMPTY;
  }

  byte[] get(int ref) {
    byte[] b = bytes[ref];
    if (b == null) {
      b = symbols.utf8(ref);
      bytes[ref] = b;
    }
    return b;
  }
}
