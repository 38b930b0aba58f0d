package io.rwgateway.translators.rw2;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.LabelSetValidator;
import io.rwgateway.translators.codec.TestHistogram;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The encoder's bytes, parsed by the generated classes, are the expected RW 2.0 message. */
class Rw2EncoderTest {
  private static final long T = 1_700_000_000_000L;

  private final Rw2Encoder encoder = new Rw2Encoder();

  static byte[] protobuf(EncodedRequest encoded) throws Exception {
    byte[] raw = SnappyBlock.uncompress(encoded.body(), 0, encoded.body().length, 64 << 20);
    assertThat(raw).hasSize(encoded.uncompressedBytes());
    return raw;
  }

  private Rw2Proto.Request encodeAndParse(MetricBatch... batches) throws Exception {
    return Rw2Proto.Request.parseFrom(protobuf(encoder.encode(List.of(batches))));
  }

  /** The series' labels as text, resolved through the request's symbols. */
  private static String labels(Rw2Proto.Request r, Rw2Proto.TimeSeries ts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ts.getLabelsRefsCount(); i += 2) {
      sb.append(i == 0 ? "" : ",").append(r.getSymbols(ts.getLabelsRefs(i))).append('=')
          .append(r.getSymbols(ts.getLabelsRefs(i + 1)));
    }
    return sb.toString();
  }

  @Test
  void writesSymbolsSamplesAndMetadataAsTheSpecSays() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "http_requests_total", "job", "api", "code", "200")
        .type(MetricType.COUNTER).help("Requests served.").unit("requests")
        .sample(T, 1, T - 60_000).sample(T + 1000, 2).add()
        .series("job", "api", "__name__", "up").sample(T, 1).add()
        .build();

    Rw2Proto.Request r = encodeAndParse(batch);

    assertThat(r.getSymbols(0)).isEmpty();
    assertThat(new HashSet<>(r.getSymbolsList())).hasSize(r.getSymbolsCount());
    assertThat(r.getTimeseriesList()).extracting(ts -> labels(r, ts)).containsExactly(
        "__name__=http_requests_total,code=200,job=api", "__name__=up,job=api");
    Rw2Proto.TimeSeries counter = r.getTimeseries(0);
    assertThat(counter.getSamplesList()).containsExactly(
        Rw2Proto.Sample.newBuilder().setValue(1).setTimestamp(T).setStartTimestamp(T - 60_000).build(),
        Rw2Proto.Sample.newBuilder().setValue(2).setTimestamp(T + 1000).build());
    assertThat(counter.getMetadata().getType()).isEqualTo(Rw2Proto.Metadata.MetricType.METRIC_TYPE_COUNTER);
    assertThat(r.getSymbols(counter.getMetadata().getHelpRef())).isEqualTo("Requests served.");
    assertThat(r.getSymbols(counter.getMetadata().getUnitRef())).isEqualTo("requests");
    assertThat(r.getTimeseries(1).hasMetadata()).isFalse();
  }

  @Test
  void writesLabelPairsSortedByName() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("zeta", "1", "__name__", "m", "alpha", "2", "Beta", "3").sample(T, 1).add().build();

    Rw2Proto.Request r = encodeAndParse(batch);

    Rw2Proto.TimeSeries ts = r.getTimeseries(0);
    for (int i = 2; i < ts.getLabelsRefsCount(); i += 2) {
      assertThat(LabelSetValidator.compareUtf8(r.getSymbols(ts.getLabelsRefs(i - 2)), r.getSymbols(ts.getLabelsRefs(i))))
          .isNegative();
    }
    assertThat(labels(r, ts)).isEqualTo("Beta=3,__name__=m,alpha=2,zeta=1");
  }

  @Test
  void sharesOneDeduplicatedSymbolTableAcrossBatches() throws Exception {
    MetricBatch a = new MetricBatchBuilder().series("__name__", "up", "job", "a").sample(T, 1).add().build();
    MetricBatchBuilder bb = new MetricBatchBuilder();
    bb.symbol("unused in b");
    MetricBatch b = bb.series("job", "b", "__name__", "up").sample(T, 0).add()
        .series("__name__", "down", "job", "a").sample(T, 2).add().build();

    Rw2Proto.Request r = encodeAndParse(a, b);

    assertThat(r.getSymbolsList()).containsExactly("", "__name__", "up", "job", "a", "b", "down");
    assertThat(r.getTimeseriesList()).extracting(ts -> labels(r, ts))
        .containsExactly("__name__=up,job=a", "__name__=up,job=b", "__name__=down,job=a");
  }

  @Test
  void writesHistogramsFieldForField() throws Exception {
    Histogram integer = TestHistogram.integer().resetHint(2).startTimestamp(T - 1).build();
    Histogram floating = TestHistogram.floating().resetHint(3).build();
    Histogram nhcb = TestHistogram.customBuckets().build();
    Histogram stale = new TestHistogram().sumBits(0x7ff0000000000002L).timestamp(T + 5).build();
    Histogram negativeEverything = TestHistogram.integer().schema(-4).timestamp(-5).startTimestamp(-7)
        .positive(new int[] {-100, 1}, 10).count(15).negative(new int[] {Integer.MIN_VALUE, 0, 3, 0}).build();
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "h").histogram(integer).histogram(stale).histogram(negativeEverything).add()
        .series("__name__", "f").histogram(floating).add()
        .series("__name__", "n").histogram(nhcb).add()
        .build();

    Rw2Proto.Request r = encodeAndParse(batch);

    assertThat(r.getTimeseries(0).getHistogramsList()).extracting(Rw2Fixture::fromProto)
        .containsExactly(integer, stale, negativeEverything);
    assertThat(r.getTimeseries(1).getHistograms(0)).extracting(Rw2Fixture::fromProto).isEqualTo(floating);
    assertThat(r.getTimeseries(2).getHistograms(0)).extracting(Rw2Fixture::fromProto).isEqualTo(nhcb);
    // The count oneof tells integer from float, so it is set even when zero.
    assertThat(r.getTimeseries(0).getHistograms(1).getCountCase()).isEqualTo(Rw2Proto.Histogram.CountCase.COUNT_INT);
  }

  @Test
  void producesTheBytesTheGeneratedSerializerWould() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "c", "job", "x").type(MetricType.GAUGE).unit("bytes")
        .sample(T, -0.0).sample(0, 0).sample(-T, Double.NaN, -3).exemplar(T, 0, "trace_id", "t").add()
        .series("__name__", "h").histogram(TestHistogram.integer().build())
        .histogram(TestHistogram.floating().build()).add()
        .build();

    byte[] ours = protobuf(encoder.encode(List.of(batch)));

    assertThat(Rw2Proto.Request.parseFrom(ours).toByteArray()).isEqualTo(ours);
  }

  @Test
  void attachesExemplarOnlySeriesToSeriesWithTheSameLabelsAcrossBatches() throws Exception {
    // Prometheus' RW 1.0 sender: exemplars in series of their own (remote-write.md §4.5).
    MetricBatch first = new MetricBatchBuilder()
        .series("__name__", "rpc_bucket", "le", "1").exemplar(T + 20, 0.9, "trace_id", "late").add()
        .series("__name__", "rpc_bucket", "le", "1").sample(T, 4).exemplar(T + 10, 0.7, "trace_id", "own").add()
        .build();
    MetricBatch second = new MetricBatchBuilder()
        .series("le", "1", "__name__", "rpc_bucket").exemplar(T + 5, 0.5, "trace_id", "early").add()
        .build();

    EncodedRequest encoded = encoder.encode(List.of(first, second));
    Rw2Proto.Request r = Rw2Proto.Request.parseFrom(protobuf(encoded));

    assertThat(r.getTimeseriesCount()).isEqualTo(1);
    Rw2Proto.TimeSeries ts = r.getTimeseries(0);
    assertThat(ts.getSamplesCount()).isEqualTo(1);
    assertThat(ts.getExemplarsList()).extracting(e -> r.getSymbols(e.getLabelsRefs(1)))
        .containsExactly("early", "own", "late");
    assertThat(ts.getExemplarsList()).extracting(Rw2Proto.Exemplar::getTimestamp)
        .containsExactly(T + 5, T + 10, T + 20);
    assertThat(encoded.series()).isEqualTo(1);
    assertThat(encoded.exemplars()).isEqualTo(3);
  }

  @Test
  void sendsExemplarsWithoutAMatchingSeriesInOneExemplarOnlySeriesPerLabelSet() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "a").exemplar(T, 1, "trace_id", "1").add()
        .series("__name__", "b").sample(T, 1).add()
        .series("__name__", "a").exemplar(T + 1, 2, "trace_id", "2").add()
        .series("__name__", "a", "x", "y").exemplar(T + 2, 3).add()
        .build();

    EncodedRequest encoded = encoder.encode(List.of(batch));
    Rw2Proto.Request r = Rw2Proto.Request.parseFrom(protobuf(encoded));

    assertThat(r.getTimeseriesList()).extracting(ts -> labels(r, ts) + " " + ts.getExemplarsCount())
        .containsExactly("__name__=a 2", "__name__=b 0", "__name__=a,x=y 1");
    assertThat(r.getTimeseries(0).getSamplesCount()).isZero();
    assertThat(encoded.exemplars()).isEqualTo(3);
  }

  @Test
  void leavesOutSeriesWithNothingInThem() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "empty").add()
        .series("__name__", "up").sample(T, 1).add().build();

    EncodedRequest encoded = encoder.encode(List.of(batch));

    assertThat(Rw2Proto.Request.parseFrom(protobuf(encoded)).getTimeseriesCount()).isEqualTo(1);
    assertThat(encoded.series()).isEqualTo(1);
  }

  @Test
  void reportsWhatTheRequestCarries() throws Exception {
    MetricBatch a = new MetricBatchBuilder()
        .series("__name__", "x").sample(T, 1).sample(T + 1, 2).exemplar(T, 1).add().build();
    MetricBatch b = new MetricBatchBuilder()
        .series("__name__", "h").histogram(TestHistogram.integer().build()).add().build();

    EncodedRequest encoded = encoder.encode(List.of(a, b));

    assertThat(encoded.series()).isEqualTo(2);
    assertThat(encoded.samples()).isEqualTo(2);
    assertThat(encoded.histograms()).isEqualTo(1);
    assertThat(encoded.exemplars()).isEqualTo(1);
    assertThat(SnappyBlock.declaredLength(encoded.body(), 0, encoded.body().length))
        .isEqualTo(encoded.uncompressedBytes());
  }

  @Test
  void encodesNoBatchesAsARequestWithOnlyTheEmptySymbol() throws Exception {
    Rw2Proto.Request r = Rw2Proto.Request.parseFrom(protobuf(encoder.encode(List.of())));
    assertThat(r.getSymbolsList()).containsExactly("");
    assertThat(r.getTimeseriesCount()).isZero();
  }

  @Test
  void encodesNonAsciiSymbols() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "temp", "path", "/ümlaut/日本/😀").sample(T, 1).add().build();

    Rw2Proto.Request r = encodeAndParse(batch);

    assertThat(labels(r, r.getTimeseries(0))).isEqualTo("__name__=temp,path=/ümlaut/日本/😀");
  }

  @Test
  void givesTheSameBytesFromManyThreads() throws Exception {
    MetricBatchBuilder builder = new MetricBatchBuilder();
    for (int i = 0; i < 200; i++) {
      builder.series("__name__", "m" + (i % 17), "i", Integer.toString(i)).sample(T, i).exemplar(T, i).add();
    }
    MetricBatch batch = builder.build();
    byte[] expected = encoder.encode(List.of(batch)).body();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> encoder.encode(List.of(batch)).body()));
      }
      for (Future<byte[]> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
