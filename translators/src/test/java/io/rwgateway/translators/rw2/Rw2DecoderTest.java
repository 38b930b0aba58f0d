package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.rw2.Rw2Fixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.TestHistogram;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Decoding valid RW 2.0 payloads built with the generated classes (the oracle). */
class Rw2DecoderTest {
  private static final long T = 1_700_000_000_000L;
  private static final long STALE_NAN = 0x7ff0000000000002L;

  static DecodedRequest decode(byte[] payload) throws InvalidPayloadException {
    return new Rw2Decoder(DecodeLimits.DEFAULTS).decode(payload, 0, payload.length);
  }

  @Test
  void decodesSamplesMetadataAndExemplars() throws Exception {
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "http_requests_total", "code", "200", "job", "api")
        .addSamples(sample(1, T)).addSamples(sample(2.5, T + 1000))
        .addExemplars(f.exemplar(0.25, T + 500, "trace_id", "abc"))
        .setMetadata(f.metadata(Rw2Proto.Metadata.MetricType.METRIC_TYPE_COUNTER, "Requests served.", "requests")));
    f.add(f.series("__name__", "up", "job", "api").addSamples(sample(1, T)));

    DecodedRequest decoded = decode(f.bytes());

    MetricBatch expected = new MetricBatchBuilder()
        .series("__name__", "http_requests_total", "code", "200", "job", "api")
        .type(MetricType.COUNTER).help("Requests served.").unit("requests")
        .sample(T, 1).sample(T + 1000, 2.5).exemplar(T + 500, 0.25, "trace_id", "abc").add()
        .series("__name__", "up", "job", "api").sample(T, 1).add()
        .build();
    assertThat(BatchText.lines(decoded.batch())).isEqualTo(BatchText.lines(expected));
    assertThat(decoded.rejections().isEmpty()).isTrue();
    assertThat(decoded.metadataEntries()).isZero();
  }

  @Test
  void usesTheSendersSymbolTableAndRefsAsTheyAre() throws Exception {
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "up", "job", "a").addSamples(sample(1, T)));
    Rw2Proto.Request request = f.request();

    MetricBatch batch = decode(request.toByteArray()).batch();

    assertThat(batch.symbols().toArray()).containsExactlyElementsOf(request.getSymbolsList());
    assertThat(batch.series().get(0).labelRefs()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void decodesIntegerFloatAndCustomBucketHistograms() throws Exception {
    Histogram integer = TestHistogram.integer().resetHint(1).startTimestamp(T - 60_000).build();
    Histogram floating = TestHistogram.floating().resetHint(3).build();
    Histogram nhcb = TestHistogram.customBuckets().build();
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "latency_seconds", "job", "a").addHistograms(Rw2Fixture.toProto(integer)));
    f.add(f.series("__name__", "gauge_hist", "job", "a").addHistograms(Rw2Fixture.toProto(floating)));
    f.add(f.series("__name__", "nhcb", "job", "a").addHistograms(Rw2Fixture.toProto(nhcb)));

    DecodedRequest decoded = decode(f.bytes());

    assertThat(decoded.rejections().isEmpty()).isTrue();
    assertThat(decoded.batch().series()).extracting(s -> s.histograms().get(0))
        .containsExactly(integer, floating, nhcb);
  }

  @Test
  void keepsStaleNaNBitsOfSamplesAndHistogramSums() throws Exception {
    Histogram stale = new TestHistogram().sumBits(STALE_NAN).timestamp(T).build();
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "up", "job", "a")
        .addSamples(sample(Double.longBitsToDouble(STALE_NAN), T))
        .addSamples(sample(Double.longBitsToDouble(0x7ff8000000000001L), T + 1)));
    f.add(f.series("__name__", "h", "job", "a").addHistograms(Rw2Fixture.toProto(stale)));

    MetricBatch batch = decode(f.bytes()).batch();

    assertThat(batch.series().get(0).valueBits(0)).isEqualTo(STALE_NAN);
    assertThat(batch.series().get(0).valueBits(1)).isEqualTo(0x7ff8000000000001L);
    assertThat(batch.series().get(1).histograms().get(0).sumBits()).isEqualTo(STALE_NAN);
  }

  @Test
  void sortsUnsortedLabelsAndDropsEmptyValues() throws Exception {
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("job", "a", "zone", "", "__name__", "up", "instance", "x").addSamples(sample(1, T)));

    MetricBatch batch = decode(f.bytes()).batch();

    assertThat(BatchText.lines(batch)).containsExactly("{__name__=\"up\", instance=\"x\", job=\"a\"} 1.0@" + T);
  }

  @Test
  void keepsSampleStartTimestamps() throws Exception {
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "c_total").addSamples(sample(1, T, T - 5000)).addSamples(sample(2, T + 1)));

    MetricBatch batch = decode(f.bytes()).batch();

    assertThat(BatchText.lines(batch)).containsExactly(
        "{__name__=\"c_total\"} 1.0@" + T + "(st=" + (T - 5000) + ") 2.0@" + (T + 1));
  }

  @Test
  void readsFieldSixAsStartTimestampWhereSamplesHaveNone() throws Exception {
    // rc.0-rc.3 senders (Prometheus <= 3.7, the compliance suite) put the created timestamp in
    // TimeSeries field 6; remote-write.md §4.6.
    long created = T - 3_600_000;
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "c_total").setCreatedTimestamp(created)
        .addSamples(sample(1, T)).addSamples(sample(2, T + 1, T - 10)));
    Histogram own = TestHistogram.integer().startTimestamp(T - 20).build();
    f.add(f.series("__name__", "h").setCreatedTimestamp(created)
        .addHistograms(Rw2Fixture.toProto(TestHistogram.integer().build()))
        .addHistograms(Rw2Fixture.toProto(own)));

    MetricBatch batch = decode(f.bytes()).batch();

    assertThat(batch.series().get(0).startTimestamp(0)).isEqualTo(created);
    assertThat(batch.series().get(0).startTimestamp(1)).isEqualTo(T - 10);
    assertThat(batch.series().get(1).histograms()).extracting(Histogram::startTimestamp)
        .containsExactly(created, T - 20);
  }

  @Test
  void acceptsExemplarOnlySeries() throws Exception {
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "rpc_seconds_bucket", "le", "0.5").addExemplars(f.exemplar(0.3, T, "trace_id", "t1")));

    DecodedRequest decoded = decode(f.bytes());

    assertThat(decoded.rejections().isEmpty()).isTrue();
    assertThat(decoded.batch().series().get(0).isExemplarOnly()).isTrue();
    assertThat(decoded.batch().exemplarCount()).isEqualTo(1);
  }

  @Test
  void keepsSeveralSeriesWithTheSameLabels() throws Exception {
    Rw2Fixture f = new Rw2Fixture();
    for (int i = 0; i < 3; i++) {
      f.add(f.series("__name__", "up").addSamples(sample(i, T + i)));
    }
    assertThat(decode(f.bytes()).batch().series()).hasSize(3);
  }

  @Test
  void remapsWhenTheSendersFirstSymbolIsNotEmpty() throws Exception {
    // Lenient receiver (remote-write.md §5): symbols[0] == "" is the sender's MUST, not ours.
    Rw2Proto.Request request = Rw2Proto.Request.newBuilder()
        .addSymbols("__name__").addSymbols("up").addSymbols("job").addSymbols("a").addSymbols("Help.")
        .addTimeseries(Rw2Proto.TimeSeries.newBuilder().addLabelsRefs(0).addLabelsRefs(1)
            .addLabelsRefs(2).addLabelsRefs(3).addSamples(sample(1, T))
            .setMetadata(Rw2Proto.Metadata.newBuilder().setType(Rw2Proto.Metadata.MetricType.METRIC_TYPE_GAUGE)))
        .addTimeseries(Rw2Proto.TimeSeries.newBuilder().addLabelsRefs(0).addLabelsRefs(1)
            .addSamples(sample(2, T)).setMetadata(Rw2Proto.Metadata.newBuilder().setHelpRef(4)))
        .build();

    MetricBatch batch = decode(request.toByteArray()).batch();

    assertThat(batch.symbol(0)).isEmpty();
    assertThat(BatchText.lines(batch)).containsExactly(
        "{__name__=\"up\", job=\"a\"} meta(GAUGE, help=\"\", unit=\"\") 1.0@" + T,
        "{__name__=\"up\"} meta(UNSPECIFIED, help=\"Help.\", unit=\"\") 2.0@" + T);
  }

  @Test
  void decodesEmptyPayloadAsEmptyBatch() throws Exception {
    DecodedRequest decoded = decode(new byte[0]);
    assertThat(decoded.batch().isEmpty()).isTrue();
    assertThat(decoded.batch().symbols().size()).isEqualTo(1);
  }

  @Test
  void acceptsUnpackedRepeatedScalars() throws Exception {
    Histogram h = new TestHistogram().count(3).sum(2).schema(-53).customValues(1.0, 2.0)
        .positive(new int[] {0, 2}, 1, 1).timestamp(T).build();
    Histogram f = new TestHistogram().countFloat(3).sum(2).schema(0)
        .positiveCounts(new int[] {0, 2}, 1, 2).timestamp(T).build();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(body);
    for (String s : new String[] {"", "__name__", "h", "trace_id", "x"}) {
      out.writeString(4, s);
    }
    out.writeByteArray(5, unpackedSeries(new int[] {1, 2}, unpackedHistogram(h, true), new int[] {3, 4}));
    out.writeByteArray(5, unpackedSeries(new int[] {1, 2}, unpackedHistogram(f, false), new int[0]));
    out.flush();

    MetricBatch batch = decode(body.toByteArray()).batch();

    assertThat(BatchText.lines(batch)).containsExactly(
        "{__name__=\"h\"} " + h + " exemplar{trace_id=\"x\"} 0.0@" + T,
        "{__name__=\"h\"} " + f);
  }

  private static byte[] unpackedSeries(int[] labelRefs, byte[] histogram, int[] exemplarRefs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (int ref : labelRefs) {
      out.writeUInt32(1, ref);
    }
    out.writeByteArray(3, histogram);
    if (exemplarRefs.length > 0) {
      ByteArrayOutputStream ex = new ByteArrayOutputStream();
      CodedOutputStream exOut = CodedOutputStream.newInstance(ex);
      for (int ref : exemplarRefs) {
        exOut.writeUInt32(1, ref);
      }
      exOut.writeInt64(3, T);
      exOut.flush();
      out.writeByteArray(4, ex.toByteArray());
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** The histogram with every repeated scalar written one element per tag. */
  private static byte[] unpackedHistogram(Histogram h, boolean integer) throws IOException {
    Rw2Proto.Histogram packed = Rw2Fixture.toProto(h);
    Rw2Proto.Histogram scalarsOnly = packed.toBuilder().clearPositiveDeltas().clearPositiveCounts()
        .clearCustomValues().build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    scalarsOnly.writeTo(out);
    if (integer) {
      for (long d : h.positiveDeltas()) {
        out.writeSInt64(12, d);
      }
    } else {
      for (double c : h.positiveCounts()) {
        out.writeDouble(13, c);
      }
    }
    for (double c : h.customValues()) {
      out.writeDouble(16, c);
    }
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  void skipsUnknownFieldsAtEveryLevel() throws Exception {
    UnknownFieldSet unknown = UnknownFieldSet.newBuilder()
        .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(7).addFixed32(1).addFixed64(2)
            .addLengthDelimited(ByteString.copyFromUtf8("junk")).build())
        .build();
    Rw2Fixture f = new Rw2Fixture();
    Rw2Proto.Histogram h = Rw2Fixture.toProto(TestHistogram.integer().build()).toBuilder()
        .setUnknownFields(unknown).build();
    f.add(f.series("__name__", "a").setUnknownFields(unknown)
        .addSamples(sample(1, T).toBuilder().setUnknownFields(unknown))
        .addExemplars(f.exemplar(1, T, "k", "v").toBuilder().setUnknownFields(unknown))
        .setMetadata(Rw2Proto.Metadata.newBuilder().setUnknownFields(unknown)));
    f.add(f.series("__name__", "b").addHistograms(h));
    byte[] payload = f.request().toBuilder().setUnknownFields(unknown).build().toByteArray();

    MetricBatch batch = decode(payload).batch();

    assertThat(BatchText.lines(batch)).containsExactly(
        "{__name__=\"a\"} 1.0@" + T + " exemplar{k=\"v\"} 1.0@" + T,
        "{__name__=\"b\"} " + TestHistogram.integer().build());
  }

  @Test
  void mergesRepeatedMetadataFieldByField() throws Exception {
    Rw2Fixture f = new Rw2Fixture();
    Rw2Proto.TimeSeries first = f.series("__name__", "a").addSamples(sample(1, T))
        .setMetadata(f.metadata(Rw2Proto.Metadata.MetricType.METRIC_TYPE_GAUGE, "Help.", "")).build();
    Rw2Proto.TimeSeries second = Rw2Proto.TimeSeries.newBuilder()
        .setMetadata(Rw2Proto.Metadata.newBuilder().setUnitRef(f.ref("bytes"))).build();
    byte[] series = concat(first.toByteArray(), second.toByteArray());
    Rw2Proto.Request symbolsOnly = f.request();
    byte[] payload = concat(symbolsOnly.toByteArray(), lengthDelimited(5, series));

    assertThat(BatchText.lines(decode(payload).batch())).containsExactly(
        "{__name__=\"a\"} meta(GAUGE, help=\"Help.\", unit=\"bytes\") 1.0@" + T);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] lengthDelimited(int field, byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeByteArray(field, body);
    out.flush();
    return bytes.toByteArray();
  }
}
