package io.rwgateway.translators.rw2;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.TestHistogram;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** decode(encode(batches)) gives the batches back, compared as text (architecture.md, style.md "Tests"). */
class Rw2RoundTripTest {
  private static final long T = 1_700_000_000_000L;
  private static final long STALE_NAN = 0x7ff0000000000002L;

  private final Rw2Encoder encoder = new Rw2Encoder();
  private final Rw2Decoder decoder = new Rw2Decoder(DecodeLimits.DEFAULTS);

  private DecodedRequest roundTrip(MetricBatch... batches) throws Exception {
    byte[] raw = Rw2EncoderTest.protobuf(encoder.encode(List.of(batches)));
    return decoder.decode(raw, 0, raw.length);
  }

  private static List<String> lines(MetricBatch... batches) {
    List<String> out = new ArrayList<>();
    for (MetricBatch b : batches) {
      out.addAll(BatchText.lines(b));
    }
    return out;
  }

  @Test
  void keepsEverythingTheModelCanHold() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "http_requests_total", "job", "api", "code", "200")
        .type(MetricType.COUNTER).help("Requests served.").unit("requests")
        .sample(T, 1, T - 60_000).sample(T + 1000, 2, T - 60_000)
        .exemplar(T + 500, 0.25, "trace_id", "abc", "span_id", "def").add()
        .series("__name__", "up", "job", "api").sampleBits(T, STALE_NAN, 0).sample(T + 1, Double.NaN).add()
        .series("__name__", "latency_seconds", "job", "api").type(MetricType.HISTOGRAM)
        .histogram(TestHistogram.integer().startTimestamp(T - 1000).resetHint(1).build())
        .histogram(new TestHistogram().sumBits(STALE_NAN).timestamp(T + 1).build())
        .exemplar(T, 0.3, "trace_id", "x").add()
        .series("__name__", "gauge_hist").type(MetricType.GAUGEHISTOGRAM)
        .histogram(TestHistogram.floating().resetHint(3).build()).add()
        .series("__name__", "nhcb").histogram(TestHistogram.customBuckets().build()).add()
        .series("__name__", "ümlaut", "path", "/日本").type(MetricType.GAUGE).sample(-5, -0.0).add()
        .build();

    DecodedRequest decoded = roundTrip(batch);

    assertThat(decoded.rejections().isEmpty()).isTrue();
    assertThat(BatchText.lines(decoded.batch())).isEqualTo(BatchText.lines(batch));
    assertThat(decoded.batch().series()).isEqualTo(batch.series()); // same refs: same interning order
  }

  @Test
  void mergesBatchesWithDifferentSymbolTables() throws Exception {
    MetricBatchBuilder ab = new MetricBatchBuilder();
    ab.symbol("padding that shifts every ref");
    MetricBatch a = ab.series("__name__", "up", "job", "a").sample(T, 1).add()
        .series("__name__", "h", "job", "a").histogram(TestHistogram.integer().build()).add().build();
    MetricBatch b = new MetricBatchBuilder()
        .series("job", "b", "__name__", "up").help("Up.").sample(T, 0).add()
        .series("__name__", "up", "job", "a").sample(T + 1, 1).exemplar(T + 1, 1, "trace_id", "t").add()
        .build();

    DecodedRequest decoded = roundTrip(a, b);

    assertThat(BatchText.lines(decoded.batch())).isEqualTo(lines(a, b));
    assertThat(decoded.batch().symbols().size()).isLessThan(a.symbols().size() + b.symbols().size());
  }

  @Test
  void movesExemplarOnlySeriesOntoTheirSeries() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "rpc_bucket", "le", "1").sample(T, 4).add()
        .series("__name__", "rpc_bucket", "le", "1").exemplar(T, 0.5, "trace_id", "t").add()
        .build();

    DecodedRequest decoded = roundTrip(batch);

    assertThat(BatchText.lines(decoded.batch())).containsExactly(
        "{__name__=\"rpc_bucket\", le=\"1\"} 4.0@" + T + " exemplar{trace_id=\"t\"} 0.5@" + T);
  }

  @Test
  void keepsUnmatchedExemplarOnlySeries() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "rpc_bucket", "le", "1").exemplar(T, 0.5, "trace_id", "t").add().build();

    DecodedRequest decoded = roundTrip(batch);

    assertThat(BatchText.lines(decoded.batch())).isEqualTo(BatchText.lines(batch));
  }

  @Test
  void decodedRequestReEncodesToTheSameBytes() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "a", "job", "x").type(MetricType.COUNTER).sample(T, 1, T - 1).add()
        .series("__name__", "h").histogram(TestHistogram.floating().build()).exemplar(T, 1).add()
        .build();
    byte[] once = Rw2EncoderTest.protobuf(encoder.encode(List.of(batch)));

    MetricBatch decoded = decoder.decode(once, 0, once.length).batch();
    byte[] twice = Rw2EncoderTest.protobuf(encoder.encode(List.of(decoded)));

    assertThat(twice).isEqualTo(once);
  }
}
