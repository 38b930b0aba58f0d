package io.rwgateway.translators.rw1;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.rwgateway.translators.proto.rw1.Rw1Proto.MetricMetadata;
import io.rwgateway.translators.snappy.SnappyBlock;
import io.rwgateway.translators.metadata.MetadataCadence;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The encoder's bytes, parsed by the generated classes, give the expected message. */
class Rw1EncoderTest {
  private static final long STALE_NAN = Rw1DecoderTest.STALE_NAN;

  private final Rw1Encoder encoder = new Rw1Encoder();

  static final Histogram INT_HISTOGRAM = new Histogram(false, 6, 0, Double.doubleToRawLongBits(7.5), 2, 1e-128,
      1, 0, new int[] {-3, 1}, new long[] {1}, null, new int[] {0, 2, 4, 1}, new long[] {1, 1, -1}, null,
      1, 1_700_000_000_000L, null, 0);
  static final Histogram FLOAT_HISTOGRAM = new Histogram(true, 0, 4.5, STALE_NAN, -2, 0, 0, 0.5, null, null,
      null, new int[] {1, 2}, null, new double[] {1.5, 2.5}, 3, 1_700_000_000_001L, null, 0);
  static final Histogram CUSTOM_BUCKETS = new Histogram(false, 5, 0, Double.doubleToRawLongBits(-1), -53, 0, 0,
      0, null, null, null, new int[] {0, 3}, new long[] {1, 2, -2}, null, 0, -7, new double[] {0.25, 1, 10}, 0);

  private static Rw1Proto.WriteRequest parse(EncodedRequest e) throws Exception {
    byte[] raw = SnappyBlock.uncompress(e.body(), 0, e.body().length, 1 << 26);
    assertThat(raw).hasSize(e.uncompressedBytes());
    return Rw1Proto.WriteRequest.parseFrom(raw);
  }

  private static byte[] uncompressed(EncodedRequest e) throws Exception {
    return SnappyBlock.uncompress(e.body(), 0, e.body().length, 1 << 26);
  }

  @Test
  void encodesLabelsAndSamplesAsTheGeneratedClassesDo() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("job", "a", "__name__", "up").sample(1000, 1).sample(2000, 0).sample(-1, -3.25).add()
        .series("__name__", "temp", "room", "ünïcode ☃").sample(5, 21.5).add()
        .build();
    EncodedRequest e = encoder.encode(List.of(batch));
    Rw1Proto.WriteRequest expected = Rw1Proto.WriteRequest.newBuilder()
        .addTimeseries(Rw1DecoderTest.series("__name__", "up", "job", "a").addSamples(Rw1DecoderTest.sample(1, 1000))
            .addSamples(Rw1DecoderTest.sample(0, 2000)).addSamples(Rw1DecoderTest.sample(-3.25, -1)))
        .addTimeseries(Rw1DecoderTest.series("__name__", "temp", "room", "ünïcode ☃")
            .addSamples(Rw1DecoderTest.sample(21.5, 5)))
        .build();
    assertThat(parse(e)).isEqualTo(expected);
    assertThat(uncompressed(e)).isEqualTo(expected.toByteArray());
    assertThat(e.series()).isEqualTo(2);
    assertThat(e.samples()).isEqualTo(4);
    assertThat(e.histograms()).isZero();
    assertThat(e.exemplars()).isZero();
  }

  @Test
  void keepsRawValueBits() throws Exception {
    MetricBatch batch = new MetricBatchBuilder().series("__name__", "up")
        .sampleBits(1, STALE_NAN, 0).sampleBits(2, 0x7ff8000000000001L, 0)
        .sampleBits(3, Double.doubleToRawLongBits(-0.0), 0).add().build();
    Rw1Proto.TimeSeries ts = parse(encoder.encode(List.of(batch))).getTimeseries(0);
    assertThat(Double.doubleToRawLongBits(ts.getSamples(0).getValue())).isEqualTo(STALE_NAN);
    assertThat(Double.doubleToRawLongBits(ts.getSamples(1).getValue())).isEqualTo(0x7ff8000000000001L);
    assertThat(Double.doubleToRawLongBits(ts.getSamples(2).getValue())).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void dropsStartTimestamps() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "c_total").sample(2000, 5, 1000).add()
        .series("__name__", "h").histogram(INT_HISTOGRAM.withStartTimestamp(123)).add()
        .build();
    Rw1Proto.WriteRequest req = parse(encoder.encode(List.of(batch)));
    assertThat(req.getTimeseries(0).getSamplesList()).containsExactly(Rw1DecoderTest.sample(5, 2000));
    assertThat(req.getTimeseries(1).getHistograms(0)).isEqualTo(ProtoOracle.toProto(INT_HISTOGRAM));
    assertThat(req.getTimeseries(0).getUnknownFields().asMap()).isEmpty();
    assertThat(req.getTimeseries(1).getHistograms(0).getUnknownFields().asMap()).isEmpty();
  }

  @Test
  void encodesHistogramFieldsOneToSixteen() throws Exception {
    Histogram zeroCountInt = new Histogram(false, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0, 0,
        null, 0);
    MetricBatch batch = new MetricBatchBuilder().series("__name__", "h", "job", "a")
        .histogram(INT_HISTOGRAM).histogram(FLOAT_HISTOGRAM).histogram(CUSTOM_BUCKETS).histogram(zeroCountInt).add()
        .build();
    EncodedRequest e = encoder.encode(List.of(batch));
    Rw1Proto.WriteRequest expected = Rw1Proto.WriteRequest.newBuilder()
        .addTimeseries(Rw1DecoderTest.series("__name__", "h", "job", "a")
            .addHistograms(ProtoOracle.toProto(INT_HISTOGRAM)).addHistograms(ProtoOracle.toProto(FLOAT_HISTOGRAM))
            .addHistograms(ProtoOracle.toProto(CUSTOM_BUCKETS)).addHistograms(ProtoOracle.toProto(zeroCountInt)))
        .build();
    Rw1Proto.WriteRequest actual = parse(e);
    assertThat(actual).isEqualTo(expected);
    assertThat(uncompressed(e)).isEqualTo(expected.toByteArray());
    assertThat(actual.getTimeseries(0).getHistograms(1).getCountCase())
        .isEqualTo(Rw1Proto.Histogram.CountCase.COUNT_FLOAT);
    // An integer histogram with count 0 still says it is one: the oneof is written explicitly.
    assertThat(actual.getTimeseries(0).getHistograms(3).getCountCase())
        .isEqualTo(Rw1Proto.Histogram.CountCase.COUNT_INT);
    assertThat(Double.doubleToRawLongBits(actual.getTimeseries(0).getHistograms(1).getSum())).isEqualTo(STALE_NAN);
    assertThat(actual.getTimeseries(0).getHistograms(2).getCustomValuesList()).containsExactly(0.25, 1.0, 10.0);
    assertThat(e.histograms()).isEqualTo(4);
  }

  @Test
  void encodesExemplarsWithInlineLabels() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "req_total", "job", "a").sample(10, 3).exemplar(9, 0.5, "trace_id", "abc").add()
        .series("__name__", "req_total", "job", "a").exemplar(11, 1.5, "trace_id", "def", "span_id", "1").add()
        .build();
    EncodedRequest e = encoder.encode(List.of(batch));
    Rw1Proto.WriteRequest expected = Rw1Proto.WriteRequest.newBuilder()
        .addTimeseries(Rw1DecoderTest.series("__name__", "req_total", "job", "a")
            .addSamples(Rw1DecoderTest.sample(3, 10))
            .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(Rw1DecoderTest.label("trace_id", "abc"))
                .setValue(0.5).setTimestamp(9)))
        .addTimeseries(Rw1DecoderTest.series("__name__", "req_total", "job", "a")
            .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(Rw1DecoderTest.label("trace_id", "def"))
                .addLabels(Rw1DecoderTest.label("span_id", "1")).setValue(1.5).setTimestamp(11)))
        .build();
    assertThat(parse(e)).isEqualTo(expected);
    assertThat(e.series()).isEqualTo(2);
    assertThat(e.exemplars()).isEqualTo(2);
  }

  @Test
  void writesOneMetadataEntryPerFamily() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "rpc_seconds_bucket", "le", "1").type(MetricType.HISTOGRAM).help("Latency.").unit("seconds")
        .sample(1, 1).add()
        .series("__name__", "rpc_seconds_sum").type(MetricType.HISTOGRAM).help("Latency.").unit("seconds")
        .sample(1, 2).add()
        .series("__name__", "rpc_seconds_count").type(MetricType.HISTOGRAM).help("Latency.").unit("seconds")
        .sample(1, 3).add()
        .series("__name__", "requests_total").type(MetricType.COUNTER).help("Requests.").sample(1, 4).add()
        .series("__name__", "build_info").type(MetricType.INFO).sample(1, 1).add()
        .series("__name__", "only_help").help("Just help.").sample(1, 1).add()
        .series("__name__", "no_metadata").sample(1, 1).add()
        .build();
    MetricBatch second = new MetricBatchBuilder()
        .series("__name__", "requests_total").type(MetricType.COUNTER).help("Requests.").sample(2, 4).add()
        .build();
    Rw1Proto.WriteRequest req = parse(encoder.encode(List.of(batch, second)));
    assertThat(req.getMetadataList()).containsExactly(
        meta("rpc_seconds", MetricMetadata.MetricType.HISTOGRAM, "Latency.", "seconds"),
        meta("requests_total", MetricMetadata.MetricType.COUNTER, "Requests.", ""),
        meta("build", MetricMetadata.MetricType.INFO, "", ""),
        meta("only_help", MetricMetadata.MetricType.UNKNOWN, "Just help.", ""));
    assertThat(req.getTimeseriesCount()).isEqualTo(8);
  }

  @Test
  void withACadenceSendsEachFamilysMetadataOncePerInterval() throws Exception {
    AtomicLong now = new AtomicLong();
    Rw1Encoder paced = new Rw1Encoder(new MetadataCadence(60, 100, now::get));
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "requests_total").type(MetricType.COUNTER).help("Requests.").sample(1, 4).add()
        .series("__name__", "up").type(MetricType.GAUGE).help("Up.").sample(1, 1).add()
        .build();
    MetricBatch changed = new MetricBatchBuilder()
        .series("__name__", "up").type(MetricType.GAUGE).help("Up, reworded.").sample(2, 1).add()
        .build();

    assertThat(parse(paced.encode(List.of(batch))).getMetadataCount()).isEqualTo(2);
    Rw1Proto.WriteRequest again = parse(paced.encode(List.of(batch)));
    assertThat(again.getMetadataCount()).isZero();
    assertThat(again.getTimeseriesCount()).isEqualTo(2);
    assertThat(parse(paced.encode(List.of(changed))).getMetadataList())
        .containsExactly(meta("up", MetricMetadata.MetricType.GAUGE, "Up, reworded.", ""));
    now.set(60);
    assertThat(parse(paced.encode(List.of(batch))).getMetadataCount()).isEqualTo(2);
  }

  @Test
  void mergesBatchesWithTheirOwnSymbolTables() throws Exception {
    MetricBatch a = new MetricBatchBuilder().series("__name__", "a", "job", "x").sample(1, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("zone", "z", "__name__", "b").sample(2, 2).add()
        .series("__name__", "c").sample(3, 3).add().build();
    Rw1Proto.WriteRequest req = parse(encoder.encode(List.of(a, b)));
    assertThat(req).isEqualTo(Rw1Proto.WriteRequest.newBuilder()
        .addTimeseries(Rw1DecoderTest.series("__name__", "a", "job", "x").addSamples(Rw1DecoderTest.sample(1, 1)))
        .addTimeseries(Rw1DecoderTest.series("__name__", "b", "zone", "z").addSamples(Rw1DecoderTest.sample(2, 2)))
        .addTimeseries(Rw1DecoderTest.series("__name__", "c").addSamples(Rw1DecoderTest.sample(3, 3)))
        .build());
  }

  @Test
  void encodesNoBatchesAsAnEmptyRequest() throws Exception {
    EncodedRequest e = encoder.encode(List.of(MetricBatch.EMPTY));
    assertThat(e.uncompressedBytes()).isZero();
    assertThat(parse(e)).isEqualTo(Rw1Proto.WriteRequest.getDefaultInstance());
    assertThat(encoder.encode(List.of()).series()).isZero();
  }

  static MetricMetadata meta(String family, MetricMetadata.MetricType type, String help, String unit) {
    return Rw1DecoderTest.metadata(family, type, help, unit);
  }
}
