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
      return new EncodedRequest(new byte[10], 20, lines.size(), samples, 0, 0);
    }
  }

  static final class RecordingSink implements RequestSink {
    final List<int[]> shardAndEstimate = new ArrayList<>();
    final List<EncodedRequest> requests = new ArrayList<>();
    final List<String> tenants = new ArrayList<>();
    long discarded;

    @Override
    public synchronized void enqueue(int shard, OutgoingRequest request, long estimatedBytes) {
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
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(1000, 1 << 20, Duration.ofHours(1)), 1, List.of(new RecordingSink()));
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
        1, MetadataDetail.TYPE_AND_UNIT, List.of(new RecordingSink()));
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
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(3, 1 << 20, Duration.ofHours(1)), 1, List.of(r1, r2));
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
  void flushesOnAgeAndOnShutdown() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(1000, 1 << 20, Duration.ofMillis(1)), 1, List.of(sink));
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
  void keepsEverySeriesOnOneShardAndSharesTheEstimateExactly() {
    RecordingEncoder enc = new RecordingEncoder();
    RecordingSink sink = new RecordingSink();
    EncodingGroup g = new EncodingGroup(enc, OutgoingRequest.WireFormat.RW2, new BatchConfig(1_000_000, 1 << 30, Duration.ofHours(1)), 4, List.of(sink));
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
}
