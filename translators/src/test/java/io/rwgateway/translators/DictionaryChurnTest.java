package io.rwgateway.translators;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import io.rwgateway.translators.relabel.Relabeler;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The issue-11 proof for the dictionary on the hot path: 1 M distinct label values churn through a
 * dictionary of 64k strings while two decoding threads share it and each keeps its last 64
 * batches queued. When a batch leaves the queue, long after the generation it was decoded into
 * was replaced, it is relabeled and encoded as the gateway would, and must still carry exactly the
 * labels it was sent with (docs/dictionary.md "Bounded without invalidating a held id").
 */
class DictionaryChurnTest {
  private static final int THREADS = 2;
  private static final int REQUESTS = 250;
  private static final int SERIES = 2000; // 2 threads x 250 requests x 2000 = 1 M distinct ids
  private static final int QUEUED = 64;

  private static final Relabeler RULES = new Relabeler(List.of(
      RelabelRule.of(RelabelAction.REPLACE, List.of("id"), null, "copy", "(.*)", null, "c-$1"),
      RelabelRule.of(RelabelAction.HASHMOD, List.of("id"), null, "shard", null, 8L, null)));

  private static byte[] request(int thread, int r) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < SERIES; i++) {
      b.series("__name__", "m" + (i % 50), "id", id(thread, r, i), "job", "churn").sample(1000L + r, i).add();
    }
    EncodedRequest encoded = new Rw1Encoder().encode(List.of(b.build()));
    try {
      return SnappyBlock.uncompress(encoded.body(), 0, encoded.body().length, 64 << 20);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String id(int thread, int r, int i) {
    return thread + "-" + r + "-" + i;
  }

  @Test
  void batchesQueuedAcrossManyGenerationsKeepTheirLabels() throws Exception {
    SymbolDictionary dictionary = new SymbolDictionary(1 << 12, 1 << 16, 8L << 20);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Long>> checked = new java.util.ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        checked.add(pool.submit(() -> run(thread, dictionary)));
      }
      long series = 0;
      for (Future<Long> f : checked) {
        series += f.get(5, TimeUnit.MINUTES);
      }
      assertThat(series).isEqualTo((long) THREADS * REQUESTS * SERIES);
      assertThat(dictionary.generationsStarted()).as("generations").isGreaterThan(15);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long run(int thread, SymbolDictionary dictionary) throws Exception {
    Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), dictionary,
        new MetadataStore(100, Duration.ofHours(1)));
    BatchRelabeler relabeler = new BatchRelabeler(RULES, 1000);
    Rw2Encoder encoder = new Rw2Encoder();
    ArrayDeque<MetricBatch> queue = new ArrayDeque<>();
    ArrayDeque<Integer> requestOf = new ArrayDeque<>();
    long checked = 0;
    for (int r = 0; r < REQUESTS + QUEUED; r++) {
      if (r < REQUESTS) {
        byte[] raw = request(thread, r);
        queue.add(decoder.decode(raw, 0, raw.length).batch());
        requestOf.add(r);
      }
      if (queue.size() > QUEUED || (r >= REQUESTS && !queue.isEmpty())) {
        checked += check(thread, requestOf.poll(), queue.poll(), relabeler, encoder);
      }
    }
    return checked;
  }

  private static long check(int thread, int r, MetricBatch held, BatchRelabeler relabeler, Rw2Encoder encoder) {
    MetricBatch out = relabeler.relabel(held).batch();
    assertThat(out.series()).hasSize(SERIES);
    for (int i = 0; i < SERIES; i++) {
      Series s = out.series().get(i);
      String id = id(thread, r, i);
      assertThat(out.labelValue(s, "id")).as("request %d series %d", r, i).isEqualTo(id);
      assertThat(out.labelValue(s, "copy")).isEqualTo("c-" + id);
      assertThat(out.labelValue(s, "__name__")).isEqualTo("m" + (i % 50));
    }
    // The encoder copies the dictionary's bytes: read one request in eight back as strings.
    EncodedRequest encoded = encoder.encode(List.of(out));
    assertThat(encoded.series()).isEqualTo(SERIES);
    if (r % 8 == 0) {
      try {
        byte[] raw = SnappyBlock.uncompress(encoded.body(), 0, encoded.body().length, 64 << 20);
        MetricBatch back = new Rw2Decoder(DecodeLimits.DEFAULTS).decode(raw, 0, raw.length).batch();
        for (int i = 0; i < SERIES; i++) {
          Series s = back.series().get(i);
          assertThat(back.labelValue(s, "id")).as("request %d series %d sent", r, i).isEqualTo(id(thread, r, i));
          assertThat(back.labelValue(s, "copy")).isEqualTo("c-" + id(thread, r, i));
        }
      } catch (Exception e) {
        throw new AssertionError("request " + r + " does not read back", e);
      }
    }
    return SERIES;
  }
}
