package io.rwgateway.translators.rw1;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.FamilyMetadata;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rw1DecoderTest {
  static final long STALE_NAN = 0x7ff0000000000002L;

  private final MetadataStore store = new MetadataStore(1000, Duration.ofMinutes(10));
  private Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), store);

  static Rw1Proto.Label label(String name, String value) {
    return Rw1Proto.Label.newBuilder().setName(name).setValue(value).build();
  }

  static Rw1Proto.TimeSeries.Builder series(String... pairs) {
    Rw1Proto.TimeSeries.Builder b = Rw1Proto.TimeSeries.newBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.addLabels(label(pairs[i], pairs[i + 1]));
    }
    return b;
  }

  static Rw1Proto.Sample sample(double value, long ts) {
    return Rw1Proto.Sample.newBuilder().setValue(value).setTimestamp(ts).build();
  }

  static Rw1Proto.WriteRequest request(Rw1Proto.TimeSeries.Builder... series) {
    Rw1Proto.WriteRequest.Builder b = Rw1Proto.WriteRequest.newBuilder();
    for (Rw1Proto.TimeSeries.Builder s : series) {
      b.addTimeseries(s);
    }
    return b.build();
  }

  private DecodedRequest decode(byte[] bytes) throws InvalidPayloadException {
    return decoder.decode(bytes, 0, bytes.length);
  }

  private DecodedRequest decode(Rw1Proto.WriteRequest req) throws InvalidPayloadException {
    return decode(req.toByteArray());
  }

  private static List<String> lines(DecodedRequest d) {
    return BatchText.lines(d.batch());
  }

  @Test
  void decodesLabelsSamplesAndTimestamps() throws Exception {
    DecodedRequest d = decode(request(
        series("__name__", "up", "job", "a").addSamples(sample(1, 1000)).addSamples(sample(0, 2000)),
        series("__name__", "temp", "job", "b").addSamples(sample(-2.5, -5))));
    assertThat(lines(d)).containsExactly(
        "{__name__=\"up\", job=\"a\"} 1.0@1000 0.0@2000",
        "{__name__=\"temp\", job=\"b\"} -2.5@-5");
    assertThat(d.rejections().isEmpty()).isTrue();
    assertThat(d.metadataEntries()).isZero();
  }

  @Test
  void keepsStaleNaNAndOtherNaNBits() throws Exception {
    DecodedRequest d = decode(request(series("__name__", "up")
        .addSamples(sample(Double.longBitsToDouble(STALE_NAN), 1))
        .addSamples(sample(Double.longBitsToDouble(0x7ff8000000000001L), 2))
        .addSamples(sample(-0.0, 3))));
    Series s = d.batch().series().get(0);
    assertThat(s.valueBits(0)).isEqualTo(STALE_NAN);
    assertThat(s.valueBits(1)).isEqualTo(0x7ff8000000000001L);
    assertThat(s.valueBits(2)).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void sortsUnsortedLabels() throws Exception {
    DecodedRequest d = decode(request(series("zone", "z", "job", "a", "__name__", "up", "Alpha", "x")
        .addSamples(sample(1, 1))));
    assertThat(lines(d)).containsExactly("{Alpha=\"x\", __name__=\"up\", job=\"a\", zone=\"z\"} 1.0@1");
  }

  @Test
  void dropsLabelsWithEmptyValues() throws Exception {
    DecodedRequest d = decode(request(series("__name__", "up", "empty", "", "job", "a").addSamples(sample(1, 1))));
    assertThat(lines(d)).containsExactly("{__name__=\"up\", job=\"a\"} 1.0@1");
  }

  @Test
  void rejectsDuplicateLabelsAndKeepsTheRest() throws Exception {
    DecodedRequest d = decode(request(
        series("__name__", "up", "job", "a", "job", "b").addSamples(sample(1, 1)).addSamples(sample(2, 2)),
        series("__name__", "ok").addSamples(sample(3, 3))));
    assertThat(lines(d)).containsExactly("{__name__=\"ok\"} 3.0@3");
    assertThat(d.rejections().seriesByReason()).containsExactly(java.util.Map.entry("duplicate_label", 1L));
    assertThat(d.rejections().samples()).isEqualTo(2);
  }

  @Test
  void rejectsInvalidNativeHistogramsAndKeepsTheRest() throws Exception {
    // The compliance suite's bad_count_histogram: count 99, buckets summing to 23.
    Rw1Proto.Histogram badCount = Rw1Proto.Histogram.newBuilder().setCountInt(99).setSum(10).setSchema(0)
        .addPositiveSpans(ProtoOracle.span(0, 2)).addPositiveDeltas(10).addPositiveDeltas(3).setTimestamp(1).build();
    DecodedRequest d = decode(request(series("__name__", "h").addHistograms(badCount),
        series("__name__", "ok").addSamples(sample(3, 3))));
    assertThat(lines(d)).containsExactly("{__name__=\"ok\"} 3.0@3");
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("invalid_histogram");
    assertThat(d.rejections().histograms()).isEqualTo(1);
  }

  @Test
  void seesMetadataChangedInTheStoreBetweenRequests() throws Exception {
    Rw1Proto.WriteRequest req = request(series("__name__", "temp_celsius").addSamples(sample(1, 20)));
    assertThat(lines(decode(req))).containsExactly("{__name__=\"temp_celsius\"} 1.0@20");
    store.put("temp_celsius", new io.rwgateway.translators.metadata.FamilyMetadata(
        io.rwgateway.translators.model.MetricType.GAUGE, "Temperature.", "celsius"));
    assertThat(lines(decode(req))).containsExactly(
        "{__name__=\"temp_celsius\"} meta(GAUGE, help=\"Temperature.\", unit=\"celsius\") 1.0@20");
    assertThat(lines(decode(req))).containsExactly(
        "{__name__=\"temp_celsius\"} meta(GAUGE, help=\"Temperature.\", unit=\"celsius\") 1.0@20");
    store.put("temp_celsius", new io.rwgateway.translators.metadata.FamilyMetadata(
        io.rwgateway.translators.model.MetricType.GAUGE, "Temperature now.", "celsius"));
    assertThat(lines(decode(req))).containsExactly(
        "{__name__=\"temp_celsius\"} meta(GAUGE, help=\"Temperature now.\", unit=\"celsius\") 1.0@20");
  }

  @Test
  void rejectsSeriesWithoutMetricName() throws Exception {
    DecodedRequest d = decode(request(series("job", "a").addSamples(sample(1, 1))));
    assertThat(d.batch().isEmpty()).isTrue();
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("missing_metric_name");
  }

  @Test
  void rejectsEmptyMetricName() throws Exception {
    DecodedRequest d = decode(request(series("__name__", "", "job", "a").addSamples(sample(1, 1))));
    assertThat(d.batch().isEmpty()).isTrue();
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("missing_metric_name");
  }

  @Test
  void rejectsTooManyLabels() throws Exception {
    decoder = new Rw1Decoder(new DecodeLimits(1 << 20, 3, 100, 100), new StringInterner(), store);
    DecodedRequest d = decode(request(
        series("__name__", "up", "a", "1", "b", "2", "c", "3").addSamples(sample(1, 1)),
        series("__name__", "up", "a", "1", "b", "2").addSamples(sample(1, 1))));
    assertThat(d.batch().series()).hasSize(1);
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("too_many_labels");
  }

  @Test
  void rejectsTooLongLabelNamesAndValues() throws Exception {
    decoder = new Rw1Decoder(new DecodeLimits(1 << 20, 30, 8, 10), new StringInterner(), store);
    DecodedRequest d = decode(request(
        series("__name__", "up", "much_too_long", "x").addSamples(sample(1, 1)),
        series("__name__", "up", "job", "01234567890").addSamples(sample(1, 1)),
        series("__name__", "up", "job12345", "0123456789").addSamples(sample(1, 1))));
    assertThat(lines(d)).containsExactly("{__name__=\"up\", job12345=\"0123456789\"} 1.0@1");
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("label_name_too_long", "label_value_too_long");
  }

  @Test
  void rejectsInvalidUtf8InALabel() throws Exception {
    byte[] bad = {'a', (byte) 0xc3, 0x28};
    RawProto badSeries = new RawProto()
        .message(1, new RawProto().string(1, "__name__").string(2, "up"))
        .message(1, new RawProto().string(1, "job").bytes(2, bad))
        .message(2, new RawProto().fixed64(1, Double.doubleToRawLongBits(1)).varint(2, 1));
    RawProto good = new RawProto()
        .message(1, new RawProto().string(1, "__name__").string(2, "ok"))
        .message(2, new RawProto().fixed64(1, Double.doubleToRawLongBits(1)).varint(2, 1));
    DecodedRequest d = decode(new RawProto().message(1, badSeries).message(1, good).toByteArray());
    assertThat(lines(d)).containsExactly("{__name__=\"ok\"} 1.0@1");
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("invalid_utf8");
    assertThat(d.rejections().summary()).contains("UTF-8");
  }

  @Test
  void rejectsInvalidUtf8InAnExemplarLabel() throws Exception {
    byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
    RawProto series = new RawProto()
        .message(1, new RawProto().string(1, "__name__").string(2, "up"))
        .message(3, new RawProto().message(1, new RawProto().string(1, "trace_id").bytes(2, surrogate))
            .fixed64(2, Double.doubleToRawLongBits(1)).varint(3, 5));
    DecodedRequest d = decode(new RawProto().message(1, series).toByteArray());
    assertThat(d.batch().isEmpty()).isTrue();
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("invalid_utf8");
    assertThat(d.rejections().exemplars()).isEqualTo(1);
  }

  @Test
  void rejectedSeriesLeaveNoStringsInTheSymbolTable() throws Exception {
    DecodedRequest d = decode(request(
        series("__name__", "up", "secret", "x", "secret", "y").addSamples(sample(1, 1)),
        series("__name__", "ok").addSamples(sample(1, 1))));
    assertThat(Arrays.asList(d.batch().symbols().toArray())).containsExactly("", "__name__", "ok");
  }

  @Test
  void splitsSeriesMixingSamplesAndHistograms() throws Exception {
    Rw1Proto.Histogram h = Rw1Proto.Histogram.newBuilder().setCountInt(2).setSum(3).setSchema(1)
        .addPositiveSpans(ProtoOracle.span(0, 1)).addPositiveDeltas(2).setTimestamp(10).build();
    DecodedRequest d = decode(request(series("__name__", "mixed")
        .addSamples(sample(1, 10)).addHistograms(h)
        .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(label("trace_id", "t1")).setValue(1).setTimestamp(9))));
    List<Series> out = d.batch().series();
    assertThat(out).hasSize(2);
    assertThat(out.get(0).sameLabels(out.get(1))).isTrue();
    assertThat(out.get(0).sampleCount()).isEqualTo(1);
    assertThat(out.get(0).histograms()).isEmpty();
    assertThat(out.get(0).exemplars()).hasSize(1);
    assertThat(out.get(1).sampleCount()).isZero();
    assertThat(out.get(1).histograms()).containsExactly(ProtoOracle.toModel(h));
    assertThat(out.get(1).exemplars()).isEmpty();
  }

  @Test
  void keepsExemplarOnlySeries() throws Exception {
    DecodedRequest d = decode(request(series("__name__", "req_total", "job", "a")
        .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(label("trace_id", "abc"))
            .addLabels(label("job", "a")).setValue(0.5).setTimestamp(77))));
    assertThat(lines(d)).containsExactly(
        "{__name__=\"req_total\", job=\"a\"} exemplar{trace_id=\"abc\",job=\"a\"} 0.5@77");
    Series s = d.batch().series().get(0);
    assertThat(s.isExemplarOnly()).isTrue();
    // Exemplar labels share the batch's symbols: "job" and "a" have the series' refs.
    assertThat(s.exemplars().get(0).labelRefs()[2]).isEqualTo(s.labelNameRef(1));
    assertThat(s.exemplars().get(0).labelRefs()[3]).isEqualTo(s.labelValueRef(1));
  }

  @Test
  void dropsTimeSeriesWithNothingToWrite() throws Exception {
    DecodedRequest d = decode(request(series("__name__", "nothing"), series("job", "no name either")));
    assertThat(d.batch().isEmpty()).isTrue();
    assertThat(d.rejections().isEmpty()).isTrue();
  }

  @Test
  void decodesIntegerFloatAndCustomBucketHistograms() throws Exception {
    Rw1Proto.Histogram integer = Rw1Proto.Histogram.newBuilder().setCountInt(0).setSum(0).setSchema(-4)
        .setZeroThreshold(1e-128).setZeroCountInt(0).addNegativeSpans(ProtoOracle.span(-2, 2))
        .addNegativeDeltas(0).addNegativeDeltas(0).setResetHint(Rw1Proto.Histogram.ResetHint.NO)
        .setTimestamp(100).build();
    Rw1Proto.Histogram floating = Rw1Proto.Histogram.newBuilder().setCountFloat(4.5)
        .setSum(Double.longBitsToDouble(STALE_NAN)).setSchema(8).setZeroCountFloat(0.5)
        .addPositiveSpans(ProtoOracle.span(3, 2)).addPositiveSpans(ProtoOracle.span(1, 1))
        .addPositiveCounts(1).addPositiveCounts(2).addPositiveCounts(1)
        .setResetHint(Rw1Proto.Histogram.ResetHint.GAUGE).setTimestamp(101).build();
    Rw1Proto.Histogram custom = Rw1Proto.Histogram.newBuilder().setCountInt(5).setSum(12).setSchema(-53)
        .addPositiveSpans(ProtoOracle.span(0, 3)).addPositiveDeltas(1).addPositiveDeltas(2).addPositiveDeltas(-2)
        .addCustomValues(0.1).addCustomValues(1).setTimestamp(102).build();
    Rw1Proto.WriteRequest req = request(series("__name__", "h").addHistograms(integer).addHistograms(floating)
        .addHistograms(custom));
    DecodedRequest d = decode(req);
    Series s = d.batch().series().get(0);
    assertThat(s.histograms()).containsExactly(
        ProtoOracle.toModel(integer), ProtoOracle.toModel(floating), ProtoOracle.toModel(custom));
    assertThat(s.histograms().get(0).isFloat()).isFalse();
    assertThat(s.histograms().get(0).negativeSpans()).containsExactly(-2, 2);
    assertThat(s.histograms().get(0).resetHint()).isEqualTo(2);
    assertThat(s.histograms().get(1).isFloat()).isTrue();
    assertThat(s.histograms().get(1).sumBits()).isEqualTo(STALE_NAN);
    assertThat(s.histograms().get(1).positiveSpans()).containsExactly(3, 2, 1, 1);
    assertThat(s.histograms().get(2).schema()).isEqualTo(-53);
    assertThat(s.histograms().get(2).customValues()).containsExactly(0.1, 1.0);
    assertThat(s.histograms().get(2).positiveDeltas()).containsExactly(1L, 2L, -2L);
    assertThat(s.histograms().get(2).startTimestamp()).isZero();
    assertThat(lines(d)).isEqualTo(ProtoOracle.lines(req, store));
  }

  @Test
  void decodesPackedAndUnpackedRepeatedScalarsAlike() throws Exception {
    // Valid histograms (the decoder validates them as Prometheus does), wire forms varied.
    Rw1Proto.Histogram packed = Rw1Proto.Histogram.newBuilder().setCountFloat(13)
        .addPositiveSpans(ProtoOracle.span(0, 2)).addPositiveCounts(2).addPositiveCounts(4)
        .addNegativeSpans(ProtoOracle.span(0, 1)).addNegativeCounts(7).setTimestamp(5).build();
    Rw1Proto.Histogram packedDeltas = Rw1Proto.Histogram.newBuilder().setCountInt(4)
        .addPositiveSpans(ProtoOracle.span(0, 2)).addPositiveDeltas(1).addPositiveDeltas(1)
        .addNegativeSpans(ProtoOracle.span(0, 1)).addNegativeDeltas(1).setTimestamp(6).build();
    byte[] fromGenerated = request(series("__name__", "h").addHistograms(packed).addHistograms(packedDeltas))
        .toByteArray();
    RawProto unpackedFloat = new RawProto().fixed64(2, bits(13))
        .message(11, new RawProto().varint(2, 2)).message(8, new RawProto().varint(2, 1))
        .fixed64(13, bits(2)).fixed64(10, bits(7)).fixed64(13, bits(4))
        .varint(15, 5);
    // Mixed: one delta packed, the next unpacked; both forms may appear for one field.
    RawProto unpackedInt = new RawProto().varint(1, 4)
        .message(11, new RawProto().varint(2, 2))
        .raw(12 << 3 | 2, 1, 2).sint64(12, 1)
        .message(8, new RawProto().varint(2, 1)).sint64(9, 1).varint(15, 6);
    byte[] handWritten = new RawProto().message(1, new RawProto()
        .message(1, new RawProto().string(1, "__name__").string(2, "h"))
        .message(4, unpackedFloat).message(4, unpackedInt)).toByteArray();
    assertThat(lines(decode(handWritten))).isEqualTo(lines(decode(fromGenerated)));
    assertThat(decode(handWritten).batch().series().get(0).histograms())
        .containsExactly(ProtoOracle.toModel(packed), ProtoOracle.toModel(packedDeltas));
  }

  @Test
  void skipsUnknownFieldsOfEveryMessageAndReservedField2() throws Exception {
    Rw1Proto.WriteRequest plain = Rw1Proto.WriteRequest.newBuilder()
        .addTimeseries(series("__name__", "up", "job", "a").addSamples(sample(1, 2))
            .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(label("trace_id", "t")).setValue(1).setTimestamp(2)))
        .addTimeseries(series("__name__", "h").addHistograms(Rw1Proto.Histogram.newBuilder().setCountInt(1)
            .addPositiveSpans(ProtoOracle.span(0, 1)).addPositiveDeltas(1).setTimestamp(3)))
        .addMetadata(Rw1Proto.MetricMetadata.newBuilder().setMetricFamilyName("up")
            .setType(Rw1Proto.MetricMetadata.MetricType.GAUGE).setHelp("h"))
        .build();
    // Unknown fields of every wire type: varint, fixed64, bytes, fixed32 (field 96, 2-byte tag), a group.
    byte[] unknown = new RawProto().varint(99, 7).fixed64(98, 1).bytes(97, new byte[] {1, 2, 3})
        .raw(0x85, 0x06, 1, 2, 3, 4)
        .raw(0xa3, 0x01, 0xa8, 0x01, 5, 0xa4, 0x01) // group 20 { field 21 = 5 }
        .toByteArray();
    byte[] withUnknowns = new RawProto()
        .raw(unknown)
        .bytes(2, "cortex source".getBytes())
        .message(1, new RawProto().raw(unknown)
            .message(1, new RawProto().raw(unknown).string(1, "__name__").raw(unknown).string(2, "up"))
            .message(1, new RawProto().string(1, "job").string(2, "a").raw(unknown))
            .message(2, new RawProto().fixed64(1, bits(1)).raw(unknown).varint(2, 2))
            .message(3, new RawProto().message(1, new RawProto().string(1, "trace_id").string(2, "t").raw(unknown))
                .raw(unknown).fixed64(2, bits(1)).varint(3, 2)))
        .message(1, new RawProto()
            .message(1, new RawProto().string(1, "__name__").string(2, "h"))
            .message(4, new RawProto().varint(1, 1).raw(unknown)
                .message(11, new RawProto().raw(unknown).varint(2, 1)).raw(unknown)
                .bytes(12, new byte[] {2}).varint(15, 3)))
        .message(3, new RawProto().varint(1, 2).raw(unknown).string(2, "up").string(4, "h"))
        .raw(unknown)
        .toByteArray();
    MetadataStore other = new MetadataStore(10, Duration.ofMinutes(1));
    Rw1Decoder second = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), other);
    DecodedRequest expected = second.decode(plain.toByteArray(), 0, plain.getSerializedSize());
    DecodedRequest actual = decode(withUnknowns);
    assertThat(lines(actual)).isEqualTo(lines(expected)).hasSize(2);
    assertThat(lines(actual).get(0)).contains("meta(GAUGE, help=\"h\"");
    assertThat(actual.metadataEntries()).isEqualTo(1);
    // The generated parser reads the same content from both payloads.
    assertThat(ProtoOracle.lines(Rw1Proto.WriteRequest.parseFrom(withUnknowns), other)).isEqualTo(lines(actual));
  }

  @Test
  void metadataOnlyRequestYieldsAnEmptyBatchAndFillsTheStore() throws Exception {
    Rw1Proto.WriteRequest req = Rw1Proto.WriteRequest.newBuilder()
        .addMetadata(metadata("rpc_seconds", Rw1Proto.MetricMetadata.MetricType.HISTOGRAM, "Latency.", "seconds"))
        .addMetadata(metadata("up", Rw1Proto.MetricMetadata.MetricType.GAUGE, "Up.", ""))
        .build();
    DecodedRequest d = decode(req);
    assertThat(d.batch()).isSameAs(MetricBatch.EMPTY);
    assertThat(d.metadataEntries()).isEqualTo(2);
    assertThat(store.resolve("rpc_seconds_count"))
        .isEqualTo(new FamilyMetadata(MetricType.HISTOGRAM, "Latency.", "seconds"));
  }

  @Test
  void joinsMetadataFromAnEarlierRequest() throws Exception {
    decode(Rw1Proto.WriteRequest.newBuilder()
        .addMetadata(metadata("rpc_seconds", Rw1Proto.MetricMetadata.MetricType.HISTOGRAM, "Latency.", "seconds"))
        .addMetadata(metadata("demo_requests", Rw1Proto.MetricMetadata.MetricType.COUNTER, "Requests.", ""))
        .build());
    DecodedRequest d = decode(request(
        series("__name__", "rpc_seconds_bucket", "le", "+Inf").addSamples(sample(3, 1)),
        series("__name__", "demo_requests_total").addSamples(sample(4, 1)),
        series("__name__", "unknown_metric").addSamples(sample(5, 1))));
    assertThat(lines(d)).containsExactly(
        "{__name__=\"rpc_seconds_bucket\", le=\"+Inf\"} meta(HISTOGRAM, help=\"Latency.\", unit=\"seconds\") 3.0@1",
        "{__name__=\"demo_requests_total\"} meta(COUNTER, help=\"Requests.\", unit=\"\") 4.0@1",
        "{__name__=\"unknown_metric\"} 5.0@1");
    Series unknown = d.batch().series().get(2);
    assertThat(unknown.type()).isEqualTo(MetricType.UNSPECIFIED);
    assertThat(unknown.helpRef()).isZero();
    assertThat(unknown.unitRef()).isZero();
  }

  @Test
  void joinsMetadataCarriedAfterTheSeriesInTheSameRequest() throws Exception {
    Rw1Proto.WriteRequest req = Rw1Proto.WriteRequest.newBuilder()
        .addTimeseries(series("__name__", "gc_seconds_sum").addSamples(sample(1, 1)))
        .addMetadata(metadata("gc_seconds", Rw1Proto.MetricMetadata.MetricType.SUMMARY, "GC.", ""))
        .build();
    DecodedRequest d = decode(req);
    assertThat(lines(d)).containsExactly("{__name__=\"gc_seconds_sum\"} meta(SUMMARY, help=\"GC.\", unit=\"\") 1.0@1");
    assertThat(d.metadataEntries()).isEqualTo(1);
  }

  @Test
  void skipsMetadataEntriesWithoutAFamilyName() throws Exception {
    DecodedRequest d = decode(Rw1Proto.WriteRequest.newBuilder()
        .addMetadata(metadata("", Rw1Proto.MetricMetadata.MetricType.GAUGE, "nameless", "")).build());
    assertThat(d.metadataEntries()).isEqualTo(1);
    assertThat(store.size()).isZero();
  }

  static Rw1Proto.MetricMetadata metadata(String family, Rw1Proto.MetricMetadata.MetricType type, String help,
      String unit) {
    return Rw1Proto.MetricMetadata.newBuilder().setMetricFamilyName(family).setType(type).setHelp(help)
        .setUnit(unit).build();
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }
}
