package io.rwgateway.translators.model;

/**
 * The gateway-wide dictionary of label names and values (docs/dictionary.md): a string becomes an
 * int id once, at decode, straight from the request bytes (a hash of the UTF-8 bytes and a byte
 * compare; no {@code String} is made on a hit), and every ingest thread shares the same ids, so
 * later stages can compare and map label sets as ints.
 *
 * <p><b>Bounded, without ever invalidating a held id.</b> Ids live in a {@link
 * SymbolGeneration}: a fixed-size, lock-free table. When the current generation is full (by
 * count or by bytes), {@link #advance} starts a new, empty one and new requests intern there.
 * Nothing is ever removed from a generation, so an id stays valid as long as something refers
 * to its generation: a batch built from generation G keeps a reference to G, and G is garbage
 * once the last such batch has been sent or dropped. That is the pinning scheme the speed issue
 * asks to choose: pinning by reference, with the garbage collector as the reference count. The
 * memory held is then the current generation plus the generations that queued batches still
 * refer to; queues are bounded by bytes, and a generation only fills after {@code maxSymbols}
 * new strings, so in practice one or two generations are live.
 *
 * <p>Generations start at {@code firstSymbols} entries and double on each advance up to {@code
 * maxSymbols}: a small deployment keeps a small table, a large one grows to what its active label
 * values need. Above {@code maxSymbols} distinct active values every generation fills and is
 * replaced: the dictionary then costs like a cache that is cleared when full (today's
 * {@link StringInterner}), and {@link #generationsStarted()} shows it.
 *
 * <p>Thread-safe: {@link SymbolGeneration#intern} is lock-free; {@link #advance} takes a lock,
 * once per generation.
 */
public final class SymbolDictionary {
  /**
   * Attempts a batch gets at fitting in a generation: each failed one advances (doubling the
   * size up to {@code maxSymbols}); a batch that still does not fit has more distinct strings
   * than a generation holds.
   */
  public static final int MAX_ATTEMPTS = 8;
  private final int maxSymbols;
  private final long maxBytes;
  private volatile SymbolGeneration current;
  private long generations = 1;

  /**
   * @param firstSymbols ids in the first generation (later ones double, up to {@code maxSymbols})
   * @param maxSymbols   ids in a generation at most
   * @param maxBytes     UTF-8 bytes in a generation at most
   */
  public SymbolDictionary(int firstSymbols, int maxSymbols, long maxBytes) {
    if (firstSymbols < 2 || maxSymbols < firstSymbols || maxBytes < 1) {
      throw new IllegalArgumentException("need 2 <= firstSymbols <= maxSymbols and maxBytes > 0");
    }
    this.maxSymbols = maxSymbols;
    this.maxBytes = maxBytes;
    this.current = new SymbolGeneration(0, firstSymbols, maxBytes);
  }

  /**
   * A small dictionary for one decoder of its own (tests, tools): it starts at 4096 strings and
   * grows to 1 M (16 MiB of strings), as a per-thread interner would.
   */
  public static SymbolDictionary standalone() {
    return new SymbolDictionary(4096, 1 << 20, 16L << 20);
  }

  /**
   * The gateway's dictionary: generations from 64k strings, doubling up to 4 M strings or
   * 256 MiB of UTF-8 (1 M active series of the loadtest's synthetic shape need about 1.05 M
   * strings, a 2 M generation: docs/dictionary.md "Memory").
   */
  public static SymbolDictionary gatewayDefault() {
    return new SymbolDictionary(1 << 16, 1 << 22, 256L << 20);
  }

  public int maxSymbols() {
    return maxSymbols;
  }

  /** The generation new batches intern into. */
  public SymbolGeneration current() {
    return current;
  }

  /** A batch built in one generation; {@link GenerationFullException} makes it start over. */
  @FunctionalInterface
  public interface InGeneration<T, E extends Exception> {
    T build(SymbolGeneration generation) throws E;
  }

  /**
   * Builds a batch in the current generation, starting it over in the next one each time the
   * generation fills ({@link #MAX_ATTEMPTS} times at most: once per generation in practice).
   *
   * @throws GenerationFullException when the batch did not fit in {@link #MAX_ATTEMPTS}
   *     generations: it has more distinct strings than a whole generation holds
   */
  public <T, E extends Exception> T inGeneration(InGeneration<T, E> batch) throws E {
    SymbolGeneration generation = current;
    for (int attempt = 1; ; attempt++) {
      try {
        return batch.build(generation);
      } catch (GenerationFullException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
        generation = advance(generation);
      }
    }
  }

  /**
   * Called by whoever got {@link SymbolGeneration#FULL} from {@code full}: starts the next
   * generation if nobody did yet, and returns the current one either way.
   */
  public SymbolGeneration advance(SymbolGeneration full) {
    synchronized (this) {
      SymbolGeneration now = current;
      if (now == full) {
        int symbols = (int) Math.min(maxSymbols, 2L * full.capacity());
        now = new SymbolGeneration(full.number() + 1, symbols, maxBytes);
        current = now;
        generations++;
      }
      return now;
    }
  }

  /** Generations started so far, the first included. */
  public synchronized long generationsStarted() {
    return generations;
  }
}
