package io.rwgateway.translators.otlp;

import static io.rwgateway.translators.otlp.Otlp.T0_MS;
import static io.rwgateway.translators.otlp.Otlp.T0_NS;
import static io.rwgateway.translators.otlp.Otlp.request;
import static io.rwgateway.translators.otlp.Otlp.samples;
import static io.rwgateway.translators.otlp.Otlp.str;
import static io.rwgateway.translators.otlp.Otlp.translate;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Explicit, NHCB and exponential histograms and summaries (otlp.md §2.3-§2.6). */
class HistogramTranslationTest {
  private static final AggregationTemporality CUMULATIVE = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  private static final long ST_NS = T0_NS - 60_000_000_000L;
  private static final long ST_MS = T0_MS - 60_000;

  static Metric histogram(String name, String unit, HistogramDataPoint.Builder... points) {
    Histogram.Builder h = Histogram.newBuilder().setAggregationTemporality(CUMULATIVE);
    for (HistogramDataPoint.Builder p : points) {
      h.addDataPoints(p);
    }
    return Metric.newBuilder().setName(name).setUnit(unit).setDescription("latency").setHistogram(h).build();
  }

  static HistogramDataPoint.Builder hpoint(long count, double sum, double[] bounds, long... counts) {
    HistogramDataPoint.Builder p = HistogramDataPoint.newBuilder().setTimeUnixNano(T0_NS).setStartTimeUnixNano(ST_NS)
        .setCount(count).setSum(sum);
    for (double b : bounds) {
      p.addExplicitBounds(b);
    }
    for (long c : counts) {
      p.addBucketCounts(c);
    }
    return p;
  }

  static Metric exponential(String name, ExponentialHistogramDataPoint.Builder... points) {
    ExponentialHistogram.Builder h = ExponentialHistogram.newBuilder().setAggregationTemporality(CUMULATIVE);
    for (ExponentialHistogramDataPoint.Builder p : points) {
      h.addDataPoints(p);
    }
    return Metric.newBuilder().setName(name).setUnit("By").setExponentialHistogram(h).build();
  }

  static ExponentialHistogramDataPoint.Builder epoint(int scale, int offset, long... counts) {
    ExponentialHistogramDataPoint.Buckets.Builder b = ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(offset);
    long total = 0;
    for (long c : counts) {
      b.addBucketCounts(c);
      total += c;
    }
    return ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(T0_NS).setStartTimeUnixNano(ST_NS)
        .setScale(scale).setCount(total).setSum(100).setPositive(b);
  }

  private static final String L = "instance=\"i-1\", job=\"svc\"";

  @Test
  void classicHistogramHasCumulativeBucketsInfEqualToCountAndPlainLe() {
    MetricBatch b = translate(request(histogram("http.server.request.duration", "s",
        hpoint(10, 4.5, new double[] {0.005, 1, 1000000}, 1, 2, 3, 4)))).batch();
    String n = "http_server_request_duration_seconds";
    String st = "@" + T0_MS + " st=" + ST_MS;
    assertThat(samples(b)).containsExactly(
        "{__name__=\"" + n + "_sum\", " + L + "} 4.5" + st,
        "{__name__=\"" + n + "_count\", " + L + "} 10.0" + st,
        "{__name__=\"" + n + "_bucket\", " + L + ", le=\"0.005\"} 1.0" + st,
        "{__name__=\"" + n + "_bucket\", " + L + ", le=\"1\"} 3.0" + st,
        "{__name__=\"" + n + "_bucket\", " + L + ", le=\"1000000\"} 6.0" + st,
        "{__name__=\"" + n + "_bucket\", " + L + ", le=\"+Inf\"} 10.0" + st);
    for (Series s : b.series()) {
      if (!"target_info".equals(b.labelValue(s, "__name__"))) {
        assertThat(s.type()).isEqualTo(MetricType.HISTOGRAM);
        assertThat(b.symbol(s.helpRef())).isEqualTo("latency");
        assertThat(b.symbol(s.unitRef())).isEqualTo("seconds");
      }
    }
  }

  @Test
  void classicHistogramWithoutSumHasNoSumSeriesAndWithoutBucketsJustCountAndInf() {
    MetricBatch b = translate(request(histogram("h", "", hpoint(3, 0, new double[0]).clearSum()))).batch();
    assertThat(samples(b)).containsExactly(
        "{__name__=\"h_count\", " + L + "} 3.0@" + T0_MS + " st=" + ST_MS,
        "{__name__=\"h_bucket\", " + L + ", le=\"+Inf\"} 3.0@" + T0_MS + " st=" + ST_MS);
  }

  @Test
  void anLeAttributeIsOverwrittenByTheBucketBoundAndKeptOnSumAndCountAsPrometheusDoes() {
    MetricBatch b = translate(request(histogram("h", "", hpoint(1, 1, new double[] {2}, 1, 0).addAttributes(str("le", "x"))))).batch();
    assertThat(samples(b)).filteredOn(s -> s.contains("_bucket")).allMatch(s -> !s.contains("le=\"x\""))
        .hasSize(2);
    assertThat(samples(b)).filteredOn(s -> !s.contains("_bucket")).hasSize(2).allMatch(s -> s.contains("le=\"x\""));
  }

  @Test
  void histogramExemplarsGoToTheFirstBucketAtOrAboveTheirValueAndAboveTheLastToInf() {
    HistogramDataPoint.Builder p = hpoint(4, 10, new double[] {1, 5}, 1, 2, 1)
        .addExemplars(Exemplar.newBuilder().setAsDouble(7).setSpanId(Otlp.hex("0000000000000007")))
        .addExemplars(Exemplar.newBuilder().setAsDouble(0.5).setSpanId(Otlp.hex("0000000000000001")))
        .addExemplars(Exemplar.newBuilder().setAsDouble(5).setSpanId(Otlp.hex("0000000000000005")));
    MetricBatch b = translate(request(histogram("h", "", p))).batch();
    for (Series s : b.series()) {
      String name = b.labelValue(s, "__name__");
      String le = b.labelValue(s, "le");
      List<String> ex = Otlp.exemplars(b, s);
      if (name.equals("h_bucket") && le.equals("1")) {
        assertThat(ex).containsExactly("{span_id=\"0000000000000001\"} 0.5@0");
      } else if (name.equals("h_bucket") && le.equals("5")) {
        assertThat(ex).containsExactly("{span_id=\"0000000000000005\"} 5.0@0");
      } else if (name.equals("h_bucket")) {
        assertThat(ex).containsExactly("{span_id=\"0000000000000007\"} 7.0@0");
      } else {
        assertThat(ex).as(name).isEmpty();
      }
    }
  }

  @Test
  void classicHistogramNoRecordedValueIsStaleOnEverySeries() {
    MetricBatch b = translate(request(histogram("h", "", hpoint(1, 1, new double[] {2}, 1, 0).setFlags(1)))).batch();
    assertThat(samples(b)).hasSize(4).allMatch(s -> s.contains(" stale@"));
  }

  @Test
  void invalidBoundsOrTooManyBucketCountsRejectThePoint() {
    OtlpTranslation t = translate(request(histogram("h", "",
        hpoint(1, 1, new double[] {Double.NaN}, 1),
        hpoint(1, 1, new double[] {2, 1}, 1),
        hpoint(1, 1, new double[] {1}, 1, 0, 0),
        hpoint(1, 1, new double[] {1}, 1, 0).setTimeUnixNano(T0_NS + 1_000_000))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.INVALID_HISTOGRAM, 3L));
    assertThat(t.acceptedPoints()).isEqualTo(Map.of(PointKind.HISTOGRAM, 1L));
  }

  @Test
  void nhcbFollowsTheSpecExample() {
    OtlpOptions nhcb = OtlpOptions.builder().convertHistogramsToNhcb(true).build();
    MetricBatch b = translate(nhcb, request(histogram("h", "s",
        hpoint(37, 12.5, new double[] {-2, -1, 0, 1, 2}, 10, 0, 0, 20, 5, 2)))).batch();
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "h_seconds");
    assertThat(h.schema()).isEqualTo(-53);
    assertThat(h.customValues()).containsExactly(-2, -1, 0, 1, 2);
    assertThat(h.positiveSpans()).containsExactly(0, 1, 2, 3);
    assertThat(h.positiveDeltas()).containsExactly(10, 10, -15, -3);
    assertThat(h.countInt()).isEqualTo(37);
    assertThat(h.sum()).isEqualTo(12.5);
    assertThat(h.resetHint()).isZero();
    assertThat(h.zeroThreshold()).isZero();
    assertThat(h.negativeSpans()).isEmpty();
    assertThat(h.startTimestamp()).isEqualTo(ST_MS);
    assertThat(h.timestamp()).isEqualTo(T0_MS);
    assertThat(Otlp.one(b, "h_seconds").type()).isEqualTo(MetricType.HISTOGRAM);
  }

  @Test
  void nhcbSkipsLeadingEmptyBucketsAndWritesSumZeroWhenAbsent() {
    OtlpOptions nhcb = OtlpOptions.builder().convertHistogramsToNhcb(true).build();
    MetricBatch b = translate(nhcb, request(histogram("h", "", hpoint(3, 0, new double[] {1, 2, 3}, 0, 0, 3, 0).clearSum()))).batch();
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "h");
    assertThat(h.positiveSpans()).containsExactly(2, 1);
    assertThat(h.positiveDeltas()).containsExactly(3);
    assertThat(h.sum()).isZero();
  }

  @Test
  void nhcbNoRecordedValueHasStaleSumZeroCountAndNoBuckets() {
    OtlpOptions nhcb = OtlpOptions.builder().convertHistogramsToNhcb(true).build();
    MetricBatch b = translate(nhcb, request(histogram("h", "", hpoint(3, 1, new double[] {1}, 1, 2).setFlags(1)))).batch();
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "h");
    assertThat(h.sumBits()).isEqualTo(0x7ff0000000000002L);
    assertThat(h.countInt()).isZero();
    assertThat(h.positiveSpans()).isEmpty();
  }

  @Test
  void exponentialScaleThreeWithOffsetMinusFiveMapsToIndexOffsetPlusIPlusOne() {
    ExponentialHistogramDataPoint.Builder p = epoint(3, -5, 1, 2, 0, 4)
        .setNegative(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(2).addBucketCounts(7))
        .setZeroCount(2).setZeroThreshold(0.001);
    p.setCount(16);
    MetricBatch b = translate(request(exponential("rpc.payload.size", p))).batch();
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "rpc_payload_size_bytes");
    assertThat(h.schema()).isEqualTo(3);
    assertThat(h.positiveSpans()).containsExactly(-4, 2, 1, 1);
    assertThat(h.positiveDeltas()).containsExactly(1, 1, 2);
    assertThat(h.negativeSpans()).containsExactly(3, 1);
    assertThat(h.negativeDeltas()).containsExactly(7);
    assertThat(h.zeroCountInt()).isEqualTo(2);
    assertThat(h.zeroThreshold()).isEqualTo(0.001);
    assertThat(h.countInt()).isEqualTo(16);
    assertThat(h.sum()).isEqualTo(100);
    assertThat(h.isFloat()).isFalse();
    assertThat(h.startTimestamp()).isEqualTo(ST_MS);
    assertThat(Otlp.one(b, "rpc_payload_size_bytes").type()).isEqualTo(MetricType.HISTOGRAM);
  }

  @Test
  void exponentialSpecExampleOffsetThree() {
    MetricBatch b = translate(request(exponential("e", epoint(0, 3, 10, 0, 0, 20, 5, 2)))).batch();
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "e_bytes");
    assertThat(h.positiveSpans()).containsExactly(4, 1, 2, 3);
    assertThat(h.positiveDeltas()).containsExactly(10, 10, -15, -3);
  }

  @Test
  void exponentialZeroThresholdDefaultsTo1e128() {
    MetricBatch b = translate(request(exponential("e", epoint(0, 0, 1)))).batch();
    assertThat(Otlp.histogram(b, "e_bytes").zeroThreshold()).isEqualTo(1e-128);
  }

  @Test
  void exponentialScaleTenDownscalesToEightMergingWithFloorForNegativeOffsets() {
    // scale 10 → 8: k = 2, groups of 4. OTLP indexes -6..-1 → (i >> 2) + 1: -6,-5 → -1; -4..-1 → 0.
    MetricBatch b = translate(request(exponential("e", epoint(10, -6, 1, 2, 3, 4, 5, 6)))).batch();
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "e_bytes");
    assertThat(h.schema()).isEqualTo(8);
    assertThat(h.positiveSpans()).containsExactly(-1, 2);
    assertThat(h.positiveDeltas()).containsExactly(3, 15);
  }

  @Test
  void exponentialScaleBelowMinusFourIsRejected() {
    OtlpTranslation t = translate(request(exponential("e", epoint(-5, 0, 1))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.INVALID_HISTOGRAM, 1L));
    assertThat(t.batch().histogramCount()).isZero();
  }

  @Test
  void exponentialBucketsPastTheIntRangeAreRejected() {
    OtlpTranslation t = translate(request(exponential("e", epoint(0, Integer.MAX_VALUE - 1, 1, 1))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.INVALID_HISTOGRAM, 1L));
  }

  @Test
  void exponentialWithoutSumIsWrittenWithSumZeroAndWarned() {
    OtlpTranslation t = translate(request(exponential("e", epoint(0, 0, 1).clearSum())));
    assertThat(Otlp.histogram(t.batch(), "e_bytes").sum()).isZero();
    assertThat(t.warnings()).containsEntry(OtlpTranslation.Reasons.MISSING_SUM, 1L);
  }

  @Test
  void exponentialNoRecordedValueHasStaleSumAndZeroCount() {
    MetricBatch b = translate(request(exponential("e", epoint(0, 0, 1).setFlags(1)))).batch();
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "e_bytes");
    assertThat(h.sumBits()).isEqualTo(0x7ff0000000000002L);
    assertThat(h.countInt()).isZero();
    assertThat(h.positiveSpans()).isEmpty();
  }

  @Test
  void exponentialExemplarsAreAFlatList() {
    MetricBatch b = translate(request(exponential("e", epoint(0, 0, 1)
        .addExemplars(Exemplar.newBuilder().setAsDouble(1).setSpanId(Otlp.hex("0000000000000001")))
        .addExemplars(Exemplar.newBuilder().setAsDouble(2).setSpanId(Otlp.hex("0000000000000002")))))).batch();
    assertThat(Otlp.one(b, "e_bytes").exemplars()).hasSize(2);
  }

  @Test
  void summaryHasSumCountAndAQuantileSeriesPerEntryWithStartTimestamps() {
    SummaryDataPoint.Builder p = SummaryDataPoint.newBuilder().setTimeUnixNano(T0_NS).setStartTimeUnixNano(ST_NS)
        .setCount(5).setSum(2.5).addAttributes(str("quantile", "x"))
        .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.5).setValue(0.4))
        .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(1).setValue(0.9));
    Metric m = Metric.newBuilder().setName("rpc.latency").setUnit("s").setSummary(Summary.newBuilder().addDataPoints(p)).build();
    MetricBatch b = translate(request(m)).batch();
    String st = "@" + T0_MS + " st=" + ST_MS;
    assertThat(samples(b)).containsExactly(
        "{__name__=\"rpc_latency_seconds_sum\", " + L + ", quantile=\"x\"} 2.5" + st,
        "{__name__=\"rpc_latency_seconds_count\", " + L + ", quantile=\"x\"} 5.0" + st,
        "{__name__=\"rpc_latency_seconds\", " + L + ", quantile=\"0.5\"} 0.4" + st,
        "{__name__=\"rpc_latency_seconds\", " + L + ", quantile=\"1\"} 0.9" + st);
    assertThat(Otlp.one(b, "rpc_latency_seconds_sum").type()).isEqualTo(MetricType.SUMMARY);
  }

  @Test
  void summaryNoRecordedValueIsStaleOnEverySeries() {
    SummaryDataPoint.Builder p = SummaryDataPoint.newBuilder().setTimeUnixNano(T0_NS).setFlags(1).setCount(5)
        .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.5).setValue(0.4));
    Metric m = Metric.newBuilder().setName("s").setSummary(Summary.newBuilder().addDataPoints(p)).build();
    assertThat(samples(translate(request(m)).batch())).hasSize(3).allMatch(s -> s.contains(" stale@"));
  }
}
