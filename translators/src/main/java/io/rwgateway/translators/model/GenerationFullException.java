package io.rwgateway.translators.model;

/**
 * A {@link SymbolGeneration} had no room for a new string while a batch was being built: the
 * caller starts the batch over in {@link SymbolDictionary#advance} (docs/dictionary.md, "a
 * request whose decode meets FULL starts over in the next generation"). Expected once per
 * generation, so it carries no stack trace.
 */
public final class GenerationFullException extends RuntimeException {
  static final GenerationFullException INSTANCE = new GenerationFullException();

  private GenerationFullException() {
    super("symbol generation full", null, false, false);
  }
}
