package io.rwgateway.translators.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SymbolDictionaryTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int intern(SymbolGeneration g, String s) {
    byte[] b = utf8("xx" + s + "yy"); // a slice inside a larger buffer, as in a request
    return g.intern(b, 2, b.length - 4);
  }

  @Test
  void theSameBytesGiveTheSameIdAndTheEmptyStringIsIdZero() {
    SymbolGeneration g = new SymbolDictionary(16, 16, 1 << 20).current();
    int job = intern(g, "job");
    int instance = intern(g, "instance");
    assertThat(job).isPositive().isNotEqualTo(instance);
    assertThat(intern(g, "job")).isEqualTo(job);
    assertThat(intern(g, "")).isZero();
    assertThat(g.string(0)).isEmpty();
    assertThat(g.string(job)).isEqualTo("job");
    assertThat(g.utf8(instance)).isEqualTo(utf8("instance"));
    assertThat(intern(g, "naïve ü")).isEqualTo(intern(g, "naïve ü"));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAndNotKept() {
    SymbolGeneration g = new SymbolDictionary(16, 16, 1 << 20).current();
    byte[] bad = {'a', (byte) 0xC3, 'b'}; // a lead byte followed by ASCII
    assertThat(g.intern(bad, 0, bad.length)).isEqualTo(SymbolGeneration.INVALID_UTF8);
    assertThat(g.size()).isEqualTo(1);
  }

  @Test
  void aFullGenerationSaysSoAndTheNextOneIsLargerAndKeepsTheOldIdsReadable() {
    SymbolDictionary d = new SymbolDictionary(4, 8, 1 << 20);
    SymbolGeneration first = d.current();
    int a = intern(first, "a");
    intern(first, "b");
    intern(first, "c");
    assertThat(intern(first, "d")).isEqualTo(SymbolGeneration.FULL);
    assertThat(intern(first, "a")).as("a known string is still found").isEqualTo(a);

    SymbolGeneration second = d.advance(first);
    assertThat(second).isNotSameAs(first);
    assertThat(second.capacity()).isEqualTo(8);
    assertThat(d.advance(first)).as("a late caller gets the same next generation").isSameAs(second);
    assertThat(intern(second, "d")).isPositive();
    assertThat(first.string(a)).isEqualTo("a");
    assertThat(d.generationsStarted()).isEqualTo(2);
    assertThat(d.advance(second).capacity()).as("capped at maxSymbols").isEqualTo(8);
  }

  @Test
  void aGenerationIsAlsoFullWhenItsBytesAreUsedUp() {
    SymbolGeneration g = new SymbolDictionary(1024, 1024, 10).current();
    assertThat(intern(g, "123456")).isPositive();
    assertThat(intern(g, "abcdef")).isEqualTo(SymbolGeneration.FULL);
    assertThat(g.bytesUsed()).isEqualTo(6);
  }

  @Test
  void threadsInterningTheSameStringsAtOnceAgreeOnEveryId() throws Exception {
    int threads = 4;
    int distinct = 50_000;
    SymbolGeneration g = new SymbolDictionary(1 << 17, 1 << 17, 1L << 30).current();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        results.add(pool.submit(() -> {
          int[] ids = new int[distinct];
          SplittableRandom random = new SplittableRandom(seed);
          start.await();
          // Each thread walks the values in its own random order, many times over, so new
          // strings are added by racing threads.
          for (int round = 0; round < 4; round++) {
            for (int n = 0; n < distinct; n++) {
              int v = random.nextInt(distinct);
              int id = intern(g, "pod-" + v);
              if (ids[v] != 0 && ids[v] != id) {
                throw new AssertionError("pod-" + v + " had id " + ids[v] + ", now " + id);
              }
              ids[v] = id;
            }
          }
          for (int v = 0; v < distinct; v++) {
            ids[v] = intern(g, "pod-" + v);
          }
          return ids;
        }));
      }
      start.countDown();
      int[] first = results.get(0).get(60, TimeUnit.SECONDS);
      for (Future<int[]> r : results) {
        assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(first);
      }
      Map<Integer, String> byId = new HashMap<>();
      for (int v = 0; v < distinct; v++) {
        assertThat(g.string(first[v])).isEqualTo("pod-" + v);
        assertThat(byId.put(first[v], "pod-" + v)).isNull();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A batch as a queued one holds it: its generation and the ids its labels got there. */
  private record HeldBatch(SymbolGeneration generation, int[] ids, String[] expected) {}

  @Test
  void churnThroughManyGenerationsNeverChangesWhatABatchInFlightReads() throws Exception {
    // 1 M distinct values through a dictionary that holds 64k at most, by 3 threads, while up to
    // 2,000 batches wait in a queue as they do in a backend queue; the reader checks every id
    // of every batch against the string it was made from.
    SymbolDictionary d = new SymbolDictionary(1 << 12, 1 << 16, 1L << 30);
    int writers = 3;
    int batchesPerWriter = 6_700; // 3 x 6,700 x 50 new values: 1 M distinct
    int labelsPerBatch = 100;
    BlockingQueue<HeldBatch> inFlight = new ArrayBlockingQueue<>(2_000);
    AtomicLong checked = new AtomicLong();
    AtomicLong wrong = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      Future<?> reader = pool.submit(() -> {
        for (int n = 0; n < writers * batchesPerWriter; n++) {
          HeldBatch b = inFlight.take();
          for (int i = 0; i < b.ids().length; i++) {
            boolean same = b.generation().string(b.ids()[i]).equals(b.expected()[i])
                && new String(b.generation().utf8(b.ids()[i]), StandardCharsets.UTF_8).equals(b.expected()[i]);
            if (!same) {
              wrong.incrementAndGet();
            }
            checked.incrementAndGet();
          }
        }
        return null;
      });
      List<Future<?>> writing = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writing.add(pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(writer);
          for (int b = 0; b < batchesPerWriter; b++) {
            String[] expected = new String[labelsPerBatch];
            int[] ids = new int[labelsPerBatch];
            SymbolGeneration g = d.current();
            // A batch interns into one generation; when it fills, the batch starts over in the
            // next one, as a decoder restarts a request (docs/dictionary.md).
            for (int i = 0; i < labelsPerBatch; i++) {
              // Half shared names (job, le...), half new values (pod names, ids): churn.
              expected[i] = random.nextBoolean() ? "name_" + random.nextInt(50)
                  : "value-" + writer + "-" + b + "-" + i;
              byte[] bytes = utf8(expected[i]);
              int id = g.intern(bytes, 0, bytes.length);
              if (id == SymbolGeneration.FULL) {
                g = d.advance(g);
                i = -1;
                continue;
              }
              ids[i] = id;
            }
            inFlight.put(new HeldBatch(g, ids, expected));
          }
          return null;
        }));
      }
      for (Future<?> f : writing) {
        f.get(120, TimeUnit.SECONDS);
      }
      reader.get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(checked.get()).isEqualTo((long) writers * batchesPerWriter * labelsPerBatch);
    assertThat(wrong.get()).isZero();
    assertThat(d.generationsStarted()).as("the churn went through many generations").isGreaterThan(10);
  }
}
