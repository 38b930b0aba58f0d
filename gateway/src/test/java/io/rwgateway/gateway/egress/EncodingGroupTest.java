package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.BatchConfig;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EncodingGroupTest {
  /** First sample timestamp of every request encoded by a {@link RecordingEncoder} (identity keys). */
  static final Map<EncodedRequest, Long> firstTimestamp =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** Records what it was asked to encode; the "body" is the batches' text. */
  static final class RecordingEncoder implements RequestEncoder {
    final AtomicInteger calls = new AtomicInteger();
    final List<List<String>> encoded = new ArrayList<>();

    @Override
    public synchronized EncodedRequest encode(List<MetricBatch> batches) {
      calls.incrementAndGet();
      List<String> lines = new ArrayList<>();
      long samples = 0;
      for (MetricBatch b : batches) {
        lines.addAll(BatchText.lines(b));
        samples += b.sampleCount();
      }
      encoded.add(lines);
      EncodedRequest r = new EncodedRequest(new byte[10], 20, lines.size(), samples, 0, 0);
      if (!batches.isEmpty() && !batches.get(0).isEmpty() && batches.get(0).series().get(0).sampleCount() > 0) {
        firstTimestamp.put(r, batches.get(0).series().get(0).timestamp(0));
      }
      return r;
    }
  }

  static final class RecordingSink implements RequestSink {
    final List<int[]> shardAndEstimate = new ArrayList<>();
    final List<EncodedRequest> requests = new ArrayList<>();
    final List<String> tenants = new ArrayList<>();
    /** The first sample timestamp of each request, in the order they were queued. */
    final List<Long> order = new ArrayList<>();
    long discarded;

    @Override
    public synchronized void enqueue(int shard, OutgoingRequest request, long estimatedBytes) {
      order.add(firstTimestamp.getOrDefault(request.encoded(), -1L));
      shardAndEstimate.add(new int[] {shard, (int) estimatedBytes});
      requests.add(request.encoded());
      tenants.add(request.tenant());
    }

    @Override
    public synchronized void discard(long estimatedBytes) {
      discarded += estimatedBytes;
    }
  }

  private static MetricBatch batch(long ts, String... names) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (String n : names) {
      b.series("__name__", n, "job", "j").sample(ts, 1).add();
    }
    return b.build();
  }

  @Test
  void mergesTheSamplesOfOneSeriesFromSeveralRequestsBeforeEncoding() {
    RecordingEncoder enc = new RecordingEncoder();
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(1000, 1 << 20, Duration.ofHours(1)), 1, List.of(new RecordingSink()), 1L << 30);
    g.add(batch(1, "a", "b"), 10);
    g.add(batch(2, "a"), 10);
    g.add(batch(3, "b", "a"), 10);
    g.flushAll();

    assertThat(enc.encoded).containsExactly(List.of(
        "{__name__=\"a\", job=\"j\"} 1.0@1 1.0@2 1.0@3", "{__name__=\"b\", job=\"j\"} 1.0@1 1.0@3"));
  }

  @Test
  void givesTheBackendOnlyTheMetadataItAskedFor() {
    RecordingEncoder enc = new RecordingEncoder();
    EncodingGroup g = new EncodingGroup(() -> enc, OutgoingRequest.WireFormat.RW2, RouteStage.passThrough(), new BatchConfig(1000, 1 << 20, Duration.ofHours(1)),
        1, MetadataDetail.TYPE_AND_UNIT, List.of(new RecordingSink()), 1L << 30);
    g.add(new MetricBatchBuilder().series("__name__", "up").type(MetricType.GAUGE).help("Up.").unit("bool").sample(1, 1).add()
        .build(), 10);
    g.flushAll();

    assertThat(enc.encoded.get(0)).containsExactly("{__name__=\"up\"} meta(GAUGE, help=\"\", unit=\"bool\") 1.0@1");
  }

  @Test
  void encodesOnceAndGivesTheSameBytesToEveryRoute() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink r1 = new RecordingSink();
    RecordingSink r2 = new RecordingSink();
    // The window flushes early when it weighs 150 bytes (estimated).
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(3, 1 << 20, Duration.ofHours(1)), 1, List.of(r1, r2), 150);
    g.add(batch(1, "a", "b"), 100);
    assertThat(enc.calls).hasValue(0);
    g.add(batch(2, "c"), 50);
    assertThat(enc.calls).hasValue(1);
    assertThat(r1.requests).hasSize(1);
    assertThat(r1.requests.get(0)).isSameAs(r2.requests.get(0));
    assertThat(r1.shardAndEstimate.get(0)[1]).isEqualTo(150);
    assertThat(enc.encoded.get(0)).hasSize(3);
  }

  @Test
  void aWindowThatReachesItsSizeBoundIsEncodedOnTheExecutorGivenNotOnTheAddingThread() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(3, 1 << 20, Duration.ofHours(1)), 1, List.of(sink), 150);
    List<Runnable> handedOver = new ArrayList<>();
    g.encodeFullWindowsOn(handedOver::add);

    g.add(batch(1, "a", "b"), 100);
    g.add(batch(2, "c"), 50);

    assertThat(handedOver).as("the full window, waiting on the executor").hasSize(1);
    assertThat(enc.calls).as("nothing encoded on the adding thread").hasValue(0);
    handedOver.get(0).run();
    assertThat(enc.calls).hasValue(1);
    assertThat(sink.requests).hasSize(1);
    assertThat(enc.encoded.get(0)).hasSize(3);
  }

  @Test
  void flushesOnAgeAndOnShutdown() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(1000, 1 << 20, Duration.ofMillis(1)), 1, List.of(sink), 1L << 30);
    g.add(batch(1, "a"), 10);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> {
      g.flushDue();
      return sink.requests.size() == 1;
    });
    g.add(batch(2, "b"), 10);
    g.flushAll();
    assertThat(sink.requests).hasSize(2);
    g.flushAll();
    assertThat(sink.requests).hasSize(2);
  }

  @Test
  void aWindowFlushesByTheInjectedClockNotTheWallClock() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    long[] now = {1_000_000_000L};
    EncodingGroup g = new EncodingGroup(() -> enc, OutgoingRequest.WireFormat.RW2, RouteStage.passThrough(),
        new BatchConfig(1000, 1 << 20, Duration.ofSeconds(120)), 1, MetadataDetail.FULL, List.of(sink), 1L << 30,
        EncodingGroup.TENANT_IDLE_NANOS, () -> now[0]);
    g.add(batch(1, "a"), 10);
    now[0] += Duration.ofSeconds(119).toNanos();
    g.add(batch(2, "b"), 10);
    g.flushDue();
    assertThat(sink.requests).isEmpty();
    now[0] += Duration.ofSeconds(1).toNanos();
    g.flushDue();
    assertThat(sink.requests).hasSize(1);
    assertThat(sink.requests.get(0).samples()).isEqualTo(2);
  }

  @Test
  void keepsEverySeriesOnOneShardAndSharesTheEstimateExactly() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(1_000_000, 1 << 30, Duration.ofHours(1)), 4, List.of(sink), 1L << 30);
    String[] names = new String[40];
    for (int i = 0; i < names.length; i++) {
      names[i] = "m" + i;
    }
    g.add(batch(1, names), 1001);
    g.add(batch(2, names), 999);
    g.flushAll();
    Map<String, Integer> shardOf = new HashMap<>();
    long estimates = 0;
    for (int i = 0; i < sink.requests.size(); i++) {
      int shard = sink.shardAndEstimate.get(i)[0];
      estimates += sink.shardAndEstimate.get(i)[1];
      for (String line : enc.encoded.get(i)) {
        String series = line.substring(0, line.indexOf('}') + 1);
        Integer previous = shardOf.put(series, shard);
        assertThat(previous == null || previous == shard).as(series).isTrue();
      }
    }
    assertThat(shardOf).hasSize(40);
    assertThat(estimates).isEqualTo(2000);
    assertThat(sink.requests.size()).isGreaterThan(1);
  }

  @Test
  void queuesTheFlushesOfOneShardInTakeOrderWhateverOrderTheyEncodeIn() throws Exception {
    java.util.concurrent.CountDownLatch firstEncodeEntered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch releaseFirst = new java.util.concurrent.CountDownLatch(1);
    RecordingEncoder inner = new RecordingEncoder();
    AtomicInteger calls = new AtomicInteger();
    RequestEncoder slowFirst = batches -> {
      if (calls.getAndIncrement() == 0) {
        firstEncodeEntered.countDown();
        try {
          releaseFirst.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return inner.encode(batches);
    };
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(slowFirst, OutgoingRequest.WireFormat.RW2,
        new BatchConfig(1, 1 << 20, Duration.ofHours(1)), 1, List.of(sink), 10);
    Thread first = new Thread(() -> g.add(batch(1, "x"), 10));
    first.start();
    assertThat(firstEncodeEntered.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    // The second flush of the shard is taken after the first and encodes first: it must wait.
    g.add(batch(2, "x"), 10);
    assertThat(sink.requests).as("nothing queued before the first flush is").isEmpty();
    releaseFirst.countDown();
    first.join();
    assertThat(sink.requests).hasSize(2);
    assertThat(sink.requests.get(0).samples()).isEqualTo(1);
    assertThat(inner.encoded).containsExactlyInAnyOrder(List.of("{__name__=\"x\", job=\"j\"} 1.0@1"),
        List.of("{__name__=\"x\", job=\"j\"} 1.0@2"));
    assertThat(sink.requests.get(0)).isNotSameAs(sink.requests.get(1));
    assertThat(sink.order).containsExactly(1L, 2L);
  }

  @Test
  void idleTenantsGiveTheirAccumulatorsBack() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(() -> enc, OutgoingRequest.WireFormat.RW2,
        new RouteStage(null, new TenantSplitter(io.rwgateway.config.TenantConfig.byLabel("team"))),
        new BatchConfig(1000, 1 << 20, Duration.ofMillis(1)), 2, MetadataDetail.FULL, List.of(sink), 1L << 30, 0);
    for (int t = 0; t < 50; t++) {
      g.add(new MetricBatchBuilder().series("__name__", "up", "team", "t" + t).sample(1, 1).add().build(), 10);
    }
    assertThat(g.tenantCount()).isEqualTo(50);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> {
      g.flushDue();
      return g.tenantCount() == 0;
    });
    assertThat(sink.requests).hasSize(50);
    // A tenant that comes back gets new accumulators and loses nothing.
    g.add(new MetricBatchBuilder().series("__name__", "up", "team", "t1").sample(2, 1).add().build(), 10);
    g.flushAll();
    assertThat(sink.requests).hasSize(51);
    assertThat(sink.tenants.get(50)).isEqualTo("t1");
  }

  @Test
  void eachTenantGetsAnEncoderOfItsOwn() {
    List<RecordingEncoder> made = new ArrayList<>();
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(() -> {
      RecordingEncoder e = new RecordingEncoder();
      synchronized (made) {
        made.add(e);
      }
      return e;
    }, OutgoingRequest.WireFormat.RW1,
        new RouteStage(null, new TenantSplitter(io.rwgateway.config.TenantConfig.byLabel("team"))),
        new BatchConfig(1000, 1 << 20, Duration.ofHours(1)), 1, MetadataDetail.FULL, List.of(sink), 1L << 30);
    g.add(new MetricBatchBuilder().series("__name__", "up", "team", "a").sample(1, 1).add()
        .series("__name__", "up", "team", "b").sample(1, 1).add().build(), 10);
    g.flushAll();
    // RW 1.0 encoders hold the metadata cadence: one per tenant, so each tenant's backend gets it.
    assertThat(made).hasSize(2);
    assertThat(made).allSatisfy(e -> assertThat(e.calls).hasValue(1));
  }

  @Test
  void aWindowIsCutIntoRequestsBySeriesAndQueuedInOrderWithItsWholeEstimate() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    // Four scrapes of 30 series in one window; requests of at most 40 samples.
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(40, 1 << 20, Duration.ofHours(1)),
        1, List.of(sink), 1L << 30);
    String[] names = new String[30];
    for (int i = 0; i < names.length; i++) {
      names[i] = "m" + i;
    }
    for (int scrape = 1; scrape <= 4; scrape++) {
      g.add(batch(scrape, names), 100);
    }
    g.flushAll();

    // 120 samples, 4 per series: 10 series per request, each series once, its samples in order.
    assertThat(sink.requests).hasSize(3);
    Map<String, Integer> requestOf = new HashMap<>();
    for (int r = 0; r < enc.encoded.size(); r++) {
      assertThat(enc.encoded.get(r)).hasSize(10);
      for (String line : enc.encoded.get(r)) {
        assertThat(line).endsWith("1.0@1 1.0@2 1.0@3 1.0@4");
        assertThat(requestOf.put(line.substring(0, line.indexOf('}') + 1), r)).isNull();
      }
    }
    assertThat(sink.shardAndEstimate).extracting(a -> a[1]).containsExactly(400, 0, 0);
    assertThat(g.accumulating()).isEqualTo(Counts.ZERO);
  }
}
