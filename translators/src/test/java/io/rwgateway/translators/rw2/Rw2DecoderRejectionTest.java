package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.rw2.Rw2Fixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.Rejections;
import io.rwgateway.translators.codec.TestHistogram;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Series that are wrong on their own are left out and counted; the valid series next to them are
 * kept (RW 2.0 partial write, remote-write.md §2.5). Every test puts a valid series first.
 */
class Rw2DecoderRejectionTest {
  private static final long T = 1_700_000_000_000L;

  private final Rw2Fixture f = new Rw2Fixture();

  Rw2DecoderRejectionTest() {
    f.add(f.series("__name__", "ok", "job", "a").addSamples(sample(1, T)));
  }

  private DecodedRequest decode(DecodeLimits limits) throws Exception {
    byte[] payload = f.bytes();
    return new Rw2Decoder(limits).decode(payload, 0, payload.length);
  }

  /** Decodes, checks that only the valid series survived, returns the rejections. */
  private Rejections decodeRejectingOne(String reason) throws Exception {
    return decodeRejectingOne(reason, DecodeLimits.DEFAULTS);
  }

  private Rejections decodeRejectingOne(String reason, DecodeLimits limits) throws Exception {
    DecodedRequest decoded = decode(limits);
    assertThat(BatchText.lines(decoded.batch())).containsExactly("{__name__=\"ok\", job=\"a\"} 1.0@" + T);
    assertThat(decoded.rejections().series()).isEqualTo(1);
    assertThat(decoded.rejections().seriesByReason()).isEqualTo(Map.of(reason, 1L));
    return decoded.rejections();
  }

  @Test
  void rejectsOddLengthLabelRefsAndCountsWhatTheSeriesCarried() throws Exception {
    f.add(f.series("__name__", "bad", "job").addSamples(sample(1, T)).addSamples(sample(2, T + 1))
        .addExemplars(f.exemplar(1, T)));

    Rejections r = decodeRejectingOne("invalid_label_refs");

    assertThat(r.samples()).isEqualTo(2);
    assertThat(r.histograms()).isZero();
    assertThat(r.exemplars()).isEqualTo(1);
    assertThat(r.summary()).contains("rejected 1 series (2 samples, 0 histograms, 1 exemplars)", "even length");
  }

  @Test
  void rejectsOutOfRangeLabelRefs() throws Exception {
    f.add(f.series("__name__").addLabelsRefs(1000).addSamples(sample(1, T)));
    assertThat(decodeRejectingOne("invalid_label_refs").summary()).contains("label ref 1000", "out of range");
  }

  @Test
  void rejectsLabelRefsAboveTwoToThe31() throws Exception {
    f.add(f.series("__name__").addLabelsRefs(0xffffffff).addSamples(sample(1, T)));
    assertThat(decodeRejectingOne("invalid_label_refs").summary()).contains("4294967295");
  }

  @Test
  void rejectsDuplicateLabelNames() throws Exception {
    f.add(f.series("__name__", "x", "job", "a", "job", "b").addSamples(sample(1, T)));
    decodeRejectingOne("duplicate_label");
  }

  @Test
  void rejectsMissingOrEmptyMetricName() throws Exception {
    f.add(f.series("job", "a").addSamples(sample(1, T)));
    f.add(f.series("__name__", "", "job", "b").addSamples(sample(1, T)));
    DecodedRequest decoded = decode(DecodeLimits.DEFAULTS);
    assertThat(decoded.batch().series()).hasSize(1);
    assertThat(decoded.rejections().seriesByReason()).isEqualTo(Map.of("missing_metric_name", 2L));
  }

  @Test
  void rejectsTooManyLabels() throws Exception {
    f.add(f.series("__name__", "x", "a", "1", "b", "2", "c", "3").addSamples(sample(1, T)));
    decodeRejectingOne("too_many_labels", new DecodeLimits(1 << 20, 3, 100, 100));
  }

  @Test
  void rejectsSeriesReferringToInvalidUtf8Symbol() throws Exception {
    // The generated classes refuse to build invalid strings, so the symbol is appended by hand.
    Rw2Proto.TimeSeries.Builder series = f.series("__name__", "x", "job");
    int invalidRef = f.request().getSymbolsCount(); // the next symbol, appended below
    f.add(series.addLabelsRefs(invalidRef).addSamples(sample(1, T)));
    byte[] payload = withExtraSymbol(f.bytes(), new byte[] {'a', (byte) 0xc3, (byte) 0x28});

    DecodedRequest decoded = new Rw2Decoder(DecodeLimits.DEFAULTS).decode(payload, 0, payload.length);

    assertThat(decoded.batch().series()).hasSize(1);
    assertThat(decoded.rejections().seriesByReason()).isEqualTo(Map.of("invalid_utf8", 1L));
  }

  @Test
  void rejectsMetadataReferringToInvalidUtf8Symbol() throws Exception {
    Rw2Proto.TimeSeries.Builder series = f.series("__name__", "x");
    int invalidRef = f.request().getSymbolsCount(); // the next symbol, appended below
    f.add(series.addSamples(sample(1, T)).setMetadata(Rw2Proto.Metadata.newBuilder().setHelpRef(invalidRef)));
    byte[] payload = withExtraSymbol(f.bytes(), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}); // a surrogate

    DecodedRequest decoded = new Rw2Decoder(DecodeLimits.DEFAULTS).decode(payload, 0, payload.length);

    assertThat(decoded.batch().series()).hasSize(1);
    assertThat(decoded.rejections().seriesByReason()).isEqualTo(Map.of("invalid_utf8", 1L));
  }

  private static byte[] withExtraSymbol(byte[] payload, byte[] symbol) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeByteArray(4, symbol);
    out.flush();
    return Rw2DecoderTest.concat(payload, bytes.toByteArray());
  }

  @Test
  void rejectsOutOfRangeMetadataRefs() throws Exception {
    f.add(f.series("__name__", "x").addSamples(sample(1, T))
        .setMetadata(Rw2Proto.Metadata.newBuilder().setUnitRef(77)));
    assertThat(decodeRejectingOne("invalid_metadata_refs").summary()).contains("unit_ref 77");
  }

  @Test
  void rejectsOddOrOutOfRangeExemplarLabelRefs() throws Exception {
    f.add(f.series("__name__", "x").addSamples(sample(1, T))
        .addExemplars(Rw2Proto.Exemplar.newBuilder().addLabelsRefs(f.ref("trace_id")).setTimestamp(T)));
    f.add(f.series("__name__", "y").addSamples(sample(1, T))
        .addExemplars(Rw2Proto.Exemplar.newBuilder().addLabelsRefs(f.ref("trace_id")).addLabelsRefs(500)));

    DecodedRequest decoded = decode(DecodeLimits.DEFAULTS);

    assertThat(decoded.batch().series()).hasSize(1);
    assertThat(decoded.rejections().seriesByReason()).isEqualTo(Map.of("invalid_label_refs", 2L));
    assertThat(decoded.rejections().exemplars()).isEqualTo(2);
  }

  @Test
  void rejectsSeriesWithSamplesAndHistograms() throws Exception {
    f.add(f.series("__name__", "x").addSamples(sample(1, T))
        .addHistograms(Rw2Fixture.toProto(TestHistogram.integer().build())));
    Rejections r = decodeRejectingOne("samples_and_histograms");
    assertThat(r.samples()).isEqualTo(1);
    assertThat(r.histograms()).isEqualTo(1);
  }

  @Test
  void rejectsSeriesWithNothingInIt() throws Exception {
    f.add(f.series("__name__", "x"));
    decodeRejectingOne("no_samples");
  }

  @Test
  void rejectsSeriesWithAnInvalidHistogram() throws Exception {
    // The compliance suite's bad_count_histogram: count 99, buckets summing to 23.
    Rw2Proto.Histogram bad = Rw2Proto.Histogram.newBuilder().setCountInt(99).setSum(100).setSchema(1)
        .setZeroThreshold(0.001).setZeroCountInt(3)
        .addPositiveSpans(Rw2Proto.BucketSpan.newBuilder().setOffset(0).setLength(4))
        .addPositiveDeltas(5).addPositiveDeltas(0).addPositiveDeltas(0).addPositiveDeltas(0)
        .setTimestamp(T).build();
    f.add(f.series("__name__", "h").addHistograms(Rw2Fixture.toProto(TestHistogram.integer().build())).addHistograms(bad));

    Rejections r = decodeRejectingOne("invalid_histogram");

    assertThat(r.histograms()).isEqualTo(2);
    assertThat(r.summary()).contains("count 99 differs from the 23 observations");
  }

  @Test
  void acceptsStaleMarkerHistogramWithoutBuckets() throws Exception {
    Rw2Proto.Histogram stale = Rw2Proto.Histogram.newBuilder().setCountInt(5)
        .setSum(Double.longBitsToDouble(0x7ff0000000000002L)).setTimestamp(T).build();
    f.add(f.series("__name__", "h").addHistograms(stale));

    DecodedRequest decoded = decode(DecodeLimits.DEFAULTS);

    assertThat(decoded.rejections().isEmpty()).isTrue();
    assertThat(decoded.batch().histogramCount()).isEqualTo(1);
  }

  @Test
  void countsEveryRejectedSeriesByReason() throws Exception {
    f.add(f.series("__name__", "x", "job"));
    f.add(f.series("__name__", "y"));
    f.add(f.series("job", "z").addSamples(sample(1, T)));
    f.add(f.series("__name__", "fine").addSamples(sample(1, T)));

    DecodedRequest decoded = decode(DecodeLimits.DEFAULTS);

    assertThat(decoded.batch().series()).hasSize(2);
    assertThat(decoded.rejections().seriesByReason()).isEqualTo(
        Map.of("invalid_label_refs", 1L, "no_samples", 1L, "missing_metric_name", 1L));
  }
}
