package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.model.SymbolGeneration;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The label lookup of decode, at the sizes users run (docs/dictionary.md): the shared {@link
 * SymbolDictionary} against today's per-event-loop {@link StringInterner}, in ns per lookup of a
 * value already known (the steady state: the same series every scrape), with {@code values}
 * distinct values (100k, 1 M: one unique value per series, like a pod or series id) looked up in a
 * random order, as requests from many targets interleave. {@code shared2} runs two threads on one
 * dictionary, as two ingest event loops do: if the shared table serialised the cores, its time per
 * lookup would grow there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SymbolLookupBenchmark {
  private static final int LOOKUPS = 4096;

  @Param({"100000", "1000000"})
  public int values;

  /** The request buffer all values are sliced from, and each value's offset and length. */
  private byte[] buffer;
  private int[] offsets;
  private int[] lengths;
  private SymbolDictionary dictionary;

  @Setup(Level.Trial)
  public void setUp() {
    StringBuilder sb = new StringBuilder();
    offsets = new int[values];
    lengths = new int[values];
    int at = 0;
    for (int i = 0; i < values; i++) {
      String v = "checkout-7d9c6b5f4-" + Integer.toString(i * 7919, 36);
      offsets[i] = at;
      lengths[i] = v.length();
      at += v.length();
      sb.append(v);
    }
    buffer = sb.toString().getBytes(StandardCharsets.US_ASCII);
    dictionary = new SymbolDictionary(1 << 16, 1 << 22, 1L << 30);
    SymbolGeneration g = dictionary.current();
    for (int i = 0; i < values; i++) {
      int id = g.intern(buffer, offsets[i], lengths[i]);
      if (id == SymbolGeneration.FULL) {
        g = dictionary.advance(g);
        i = -1; // a generation too small for all values: intern them all into the next one
      }
    }
  }

  /** Per thread: its own random order, and (for the interner) its own table, as per event loop. */
  @State(Scope.Thread)
  public static class Walk {
    int[] order;
    StringInterner interner;

    @Setup(Level.Trial)
    public void setUp(SymbolLookupBenchmark b) {
      SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
      order = new int[LOOKUPS * 64];
      for (int i = 0; i < order.length; i++) {
        order[i] = random.nextInt(b.values);
      }
      interner = new StringInterner(2 * b.values, 256);
      for (int i = 0; i < b.values; i++) {
        interner.intern(b.buffer, b.offsets[i], b.lengths[i]);
      }
    }

    int next;
  }

  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public long dictionary(Walk w) {
    return dictionaryLookups(w);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(LOOKUPS)
  public long dictionaryShared2(Walk w) {
    return dictionaryLookups(w);
  }

  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public long interner(Walk w) {
    long sum = 0;
    int[] order = w.order;
    int p = w.next;
    for (int i = 0; i < LOOKUPS; i++) {
      int v = order[p++ & (order.length - 1)];
      sum += w.interner.intern(buffer, offsets[v], lengths[v]).length();
    }
    w.next = p;
    return sum;
  }

  private long dictionaryLookups(Walk w) {
    SymbolGeneration g = dictionary.current();
    long sum = 0;
    int[] order = w.order;
    int p = w.next;
    for (int i = 0; i < LOOKUPS; i++) {
      int v = order[p++ & (order.length - 1)];
      sum += g.intern(buffer, offsets[v], lengths[v]);
    }
    w.next = p;
    return sum;
  }
}
