package io.rwgateway.translators.rw1;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@code decode(encode(batch))} renders as the same text as {@code batch}. */
class Rw1RoundTripTest {
  private final Rw1Encoder encoder = new Rw1Encoder();

  static List<String> fixtures() {
    return Fixtures.rw1Bodies();
  }

  private static Rw1Decoder freshDecoder() {
    return new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), new MetadataStore(1000, Duration.ofMinutes(10)));
  }

  private static DecodedRequest decode(Rw1Decoder decoder, EncodedRequest e) throws Exception {
    byte[] raw = SnappyBlock.uncompress(e.body(), 0, e.body().length, 1 << 26);
    return decoder.decode(raw, 0, raw.length);
  }

  @Test
  void roundTripsSamplesHistogramsExemplarsStaleNaNAndMetadata() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "up", "job", "a", "instance", "h:1").type(MetricType.GAUGE).help("Up.")
        .sample(1000, 1).sampleBits(2000, Rw1DecoderTest.STALE_NAN, 0).add()
        .series("__name__", "requests_total", "job", "a").type(MetricType.COUNTER).help("Requests.")
        .sample(1000, 42).exemplar(999, 1, "trace_id", "abc", "span_id", "def").add()
        .series("__name__", "requests_total", "job", "a").type(MetricType.COUNTER).help("Requests.")
        .exemplar(1001, 2, "trace_id", "ghi").add()
        .series("__name__", "rpc_seconds", "job", "a").type(MetricType.HISTOGRAM).help("Latency.").unit("seconds")
        .histogram(Rw1EncoderTest.INT_HISTOGRAM).histogram(Rw1EncoderTest.FLOAT_HISTOGRAM)
        .exemplar(5, 0.25, "trace_id", "x").add()
        .series("__name__", "nhcb_seconds", "job", "a").type(MetricType.HISTOGRAM)
        .histogram(Rw1EncoderTest.CUSTOM_BUCKETS).add()
        .series("__name__", "classic_seconds_bucket", "le", "+Inf").type(MetricType.HISTOGRAM).help("Classic.")
        .sample(1, 9).add()
        .series("__name__", "classic_seconds_count").type(MetricType.HISTOGRAM).help("Classic.").sample(1, 9).add()
        .series("__name__", "gc_seconds", "quantile", "0.5").type(MetricType.SUMMARY).sample(1, 0.1).add()
        .series("__name__", "gc_seconds_sum").type(MetricType.SUMMARY).sample(1, 3).add()
        .series("__name__", "build_info", "version", "1.0").type(MetricType.INFO).help("Build.").sample(1, 1).add()
        .series("__name__", "plain", "ünï", "☃").sample(-5, Double.NEGATIVE_INFINITY).add()
        .build();
    EncodedRequest e = encoder.encode(List.of(batch));
    DecodedRequest d = decode(freshDecoder(), e);
    assertThat(BatchText.lines(d.batch())).isEqualTo(BatchText.lines(batch));
    assertThat(d.rejections().isEmpty()).isTrue();
    assertThat(d.metadataEntries()).isEqualTo(7); // up, requests_total, rpc_seconds, nhcb_seconds, classic_seconds, gc_seconds, build
    assertThat(d.batch().sampleCount()).isEqualTo(e.samples());
    assertThat(d.batch().histogramCount()).isEqualTo(e.histograms()).isEqualTo(3);
    assertThat(d.batch().exemplarCount()).isEqualTo(e.exemplars()).isEqualTo(3);
  }

  @Test
  void roundTripsSeveralBatchesAsOne() throws Exception {
    MetricBatch a = new MetricBatchBuilder().series("__name__", "a").sample(1, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "b").sample(2, 2).add().build();
    DecodedRequest d = decode(freshDecoder(), encoder.encode(List.of(a, b)));
    List<String> expected = new ArrayList<>(BatchText.lines(a));
    expected.addAll(BatchText.lines(b));
    assertThat(BatchText.lines(d.batch())).isEqualTo(expected);
  }

  /** Real payloads: decode, encode, decode again gives the same batch; metadata requests too. */
  @ParameterizedTest
  @MethodSource("fixtures")
  void roundTripsEveryFixture(String fixture) throws Exception {
    byte[] raw = Fixtures.decoded(fixture);
    DecodedRequest first = freshDecoder().decode(raw, 0, raw.length);
    EncodedRequest e = encoder.encode(List.of(first.batch()));
    DecodedRequest second = decode(freshDecoder(), e);
    assertThat(BatchText.lines(second.batch())).isEqualTo(BatchText.lines(first.batch()));
    assertThat(e.series()).isEqualTo(first.batch().series().size());
  }
}
