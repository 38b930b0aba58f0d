package io.rwgateway.translators.otlp;

import static io.rwgateway.translators.otlp.Otlp.T0_MS;
import static io.rwgateway.translators.otlp.Otlp.T0_NS;
import static io.rwgateway.translators.otlp.Otlp.counter;
import static io.rwgateway.translators.otlp.Otlp.gauge;
import static io.rwgateway.translators.otlp.Otlp.point;
import static io.rwgateway.translators.otlp.Otlp.request;
import static io.rwgateway.translators.otlp.Otlp.samples;
import static io.rwgateway.translators.otlp.Otlp.str;
import static io.rwgateway.translators.otlp.Otlp.sum;
import static io.rwgateway.translators.otlp.Otlp.translate;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gauge and Sum points (otlp.md §2.0-§2.2, §2.8, §5). */
class NumberPointTranslationTest {
  private static final AggregationTemporality CUMULATIVE = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;

  @Test
  void gaugeBecomesOneGaugeSeriesWithJobInstanceAndMetadata() {
    OtlpTranslation t = translate(request(gauge("process.memory.usage", "By", point(42, str("pool", "heap")))));
    MetricBatch b = t.batch();
    assertThat(samples(b)).containsExactly(
        "{__name__=\"process_memory_usage_bytes\", instance=\"i-1\", job=\"svc\", pool=\"heap\"} 42.0@" + T0_MS);
    Series s = Otlp.one(b, "process_memory_usage_bytes");
    assertThat(s.type()).isEqualTo(MetricType.GAUGE);
    assertThat(b.symbol(s.helpRef())).isEqualTo("help of process.memory.usage");
    assertThat(b.symbol(s.unitRef())).isEqualTo("bytes");
    assertThat(t.acceptedPoints()).isEqualTo(Map.of(PointKind.GAUGE, 1L));
  }

  @Test
  void gaugeWithUnitOneGetsRatioAndNoStartTimestamp() {
    MetricBatch b = translate(request(gauge("cpu.utilization", "1",
        point(0.5).setStartTimeUnixNano(T0_NS - 1_000_000_000)))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"cpu_utilization_ratio\", instance=\"i-1\", job=\"svc\"} 0.5@" + T0_MS);
    assertThat(b.symbol(Otlp.one(b, "cpu_utilization_ratio").unitRef())).isEmpty();
  }

  @Test
  void gaugeMarkedPrometheusTypeUnknownIsUntyped() {
    Metric m = gauge("g", "", point(1)).toBuilder()
        .addMetadata(str("prometheus.type", "unknown")).build();
    MetricBatch b = translate(request(m)).batch();
    assertThat(Otlp.one(b, "g").type()).isEqualTo(MetricType.UNSPECIFIED);
  }

  @Test
  void intValuesBecomeDoublesAndNanosecondsTruncateToMilliseconds() {
    MetricBatch b = translate(request(gauge("g", "", point(0).setAsInt(7).setTimeUnixNano(T0_NS + 1_999_999)))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"g\", instance=\"i-1\", job=\"svc\"} 7.0@" + (T0_MS + 1));
  }

  @Test
  void monotonicCumulativeSumIsACounterWithTotalStartTimestampAndExemplars() {
    Exemplar ex = Exemplar.newBuilder().setAsDouble(3).setTimeUnixNano(T0_NS - 5_000_000)
        .setTraceId(Otlp.hex("0102030405060708090a0b0c0d0e0f10")).setSpanId(Otlp.hex("A1A2A3A4A5A6A7A8"))
        .addFilteredAttributes(str("user", "u1")).build();
    MetricBatch b = translate(request(counter("http.server.requests", "{request}",
        point(10).setStartTimeUnixNano(T0_NS - 60_000_000_000L).addExemplars(ex)))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"http_server_requests_total\", instance=\"i-1\", job=\"svc\"} 10.0@"
        + T0_MS + " st=" + (T0_MS - 60_000));
    Series s = Otlp.one(b, "http_server_requests_total");
    assertThat(s.type()).isEqualTo(MetricType.COUNTER);
    assertThat(Otlp.exemplars(b, s)).containsExactly("{span_id=\"a1a2a3a4a5a6a7a8\", "
        + "trace_id=\"0102030405060708090a0b0c0d0e0f10\", user=\"u1\"} 3.0@" + (T0_MS - 5));
  }

  @Test
  void counterWithUnitOneGetsTotalOnly() {
    MetricBatch b = translate(request(counter("requests", "1", point(1)))).batch();
    assertThat(Otlp.one(b, "requests_total")).isNotNull();
  }

  @Test
  void nonMonotonicSumIsAGaugeWithoutTotalRatioStartTimestampOrExemplars() {
    Exemplar ex = Exemplar.newBuilder().setAsInt(1).setTraceId(Otlp.hex("0102030405060708090a0b0c0d0e0f10")).build();
    MetricBatch b = translate(request(sum("pool.in_use", "1", false, CUMULATIVE,
        point(5).setStartTimeUnixNano(T0_NS - 1_000_000_000).addExemplars(ex)))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"pool_in_use\", instance=\"i-1\", job=\"svc\"} 5.0@" + T0_MS);
    assertThat(Otlp.one(b, "pool_in_use").type()).isEqualTo(MetricType.GAUGE);
    assertThat(Otlp.one(b, "pool_in_use").exemplars()).isEmpty();
  }

  @Test
  void gaugeExemplarsAreDropped() {
    Exemplar ex = Exemplar.newBuilder().setAsInt(1).setTraceId(Otlp.hex("0102030405060708090a0b0c0d0e0f10")).build();
    MetricBatch b = translate(request(gauge("g", "", point(1).addExemplars(ex)))).batch();
    assertThat(b.exemplarCount()).isZero();
  }

  @Test
  void unsetStartTimestampStaysUnsetAndOneAfterTheTimeIsDropped() {
    MetricBatch b = translate(request(
        counter("a", "", point(1)),
        counter("b", "", point(1).setStartTimeUnixNano(T0_NS + 1_000_000_000)),
        counter("c", "", point(1).setStartTimeUnixNano(T0_NS)))).batch();
    assertThat(Otlp.one(b, "a_total").hasStartTimestamps()).isFalse();
    assertThat(Otlp.one(b, "b_total").hasStartTimestamps()).isFalse();
    assertThat(Otlp.one(b, "c_total").startTimestamp(0)).isEqualTo(T0_MS); // ST = T: a fresh counter
  }

  @Test
  void noRecordedValueIsTheStaleNanBitPattern() {
    MetricBatch b = translate(request(gauge("g", "", point(1).setFlags(1)),
        counter("c", "", point(2).setFlags(1)))).batch();
    assertThat(Otlp.one(b, "g").valueBits(0)).isEqualTo(0x7ff0000000000002L);
    assertThat(Otlp.one(b, "c_total").valueBits(0)).isEqualTo(0x7ff0000000000002L);
  }

  @Test
  void aTimeAboveLongMaxIsRejectedAsInvalidTimestamp() {
    OtlpTranslation t = translate(request(gauge("g", "", point(1).setTimeUnixNano(-5), point(2))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.INVALID_TIMESTAMP, 1L));
    assertThat(samples(t.batch())).hasSize(1);
  }

  @Test
  void aPointTooFarInTheFutureIsRejected() {
    long farAhead = (Otlp.NOW_MS + 11 * 60_000) * 1_000_000;
    long nearAhead = (Otlp.NOW_MS + 9 * 60_000) * 1_000_000;
    OtlpTranslation t = translate(request(gauge("g", "", point(1).setTimeUnixNano(farAhead),
        point(2).setTimeUnixNano(nearAhead))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.FUTURE_TIMESTAMP, 1L));
    assertThat(samples(t.batch())).hasSize(1);
  }

  @Test
  void aMetricWithoutPointsIsDroppedWithAWarningAndTheRestIsWritten() {
    Metric empty = Metric.newBuilder().setName("nothing").setGauge(io.opentelemetry.proto.metrics.v1.Gauge.getDefaultInstance()).build();
    OtlpTranslation t = translate(request(empty, gauge("g", "", point(1))));
    assertThat(t.warnings()).containsEntry(OtlpTranslation.Reasons.EMPTY_METRIC, 1L);
    assertThat(t.rejectedDataPoints()).isZero();
    assertThat(t.errorMessage()).contains("nothing");
    assertThat(samples(t.batch())).hasSize(1);
  }

  @Test
  void anEmptyRequestTranslatesToAnEmptyBatchWithoutPartialSuccess() {
    OtlpTranslation t = translate(io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest.getDefaultInstance());
    assertThat(t.batch().isEmpty()).isTrue();
    assertThat(t.hasPartialSuccess()).isFalse();
  }

  @Test
  void unspecifiedTemporalityIsRejectedUnderEveryDeltaMode() {
    for (DeltaMode mode : DeltaMode.values()) {
      OtlpTranslation t = translate(OtlpOptions.builder().delta(mode).build(), request(
          sum("s", "", true, AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED, point(1), point(2))));
      assertThat(t.rejectedPoints()).as(mode.name()).isEqualTo(Map.of(OtlpTranslation.Reasons.INVALID_TEMPORALITY, 2L));
      assertThat(t.errorMessage()).contains("invalid temporality and type combination for metric \"s\"");
    }
  }

  @Test
  void aMetricNameThatEscapesToNothingRejectsItsPointsOnly() {
    OtlpTranslation t = translate(request(gauge("...", "", point(1)), gauge("ok", "", point(1))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.INVALID_NAME, 1L));
    assertThat(samples(t.batch())).hasSize(1);
  }

  @Test
  void anAttributeThatCannotBeALabelNameRejectsThatPointOnly() {
    OtlpTranslation t = translate(request(gauge("g", "", point(1, str("..", "x")), point(2, str("a", "b")))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.INVALID_LABEL_NAME, 1L));
    assertThat(samples(t.batch())).hasSize(1);
  }

  @Test
  void exemplarWithATraceIdOfTheWrongLengthIsDroppedAloneAndThePointKept() {
    Exemplar bad = Exemplar.newBuilder().setAsDouble(1).setTraceId(Otlp.hex("0102")).build();
    Exemplar good = Exemplar.newBuilder().setAsDouble(2).setSpanId(Otlp.hex("0102030405060708")).build();
    OtlpTranslation t = translate(request(counter("c", "", point(1).addExemplars(bad).addExemplars(good))));
    assertThat(t.rejectedDataPoints()).isZero();
    assertThat(t.warnings()).containsEntry(OtlpTranslation.Reasons.INVALID_EXEMPLAR, 1L);
    assertThat(t.hasPartialSuccess()).isTrue(); // "accepted with a warning"
    MetricBatch b = t.batch();
    assertThat(Otlp.exemplars(b, Otlp.one(b, "c_total"))).containsExactly("{span_id=\"0102030405060708\"} 2.0@0");
  }

  @Test
  void exemplarAttributesBeyond128RunesAreDroppedKeepingTheIds() {
    String longValue = "v".repeat(100);
    Exemplar ex = Exemplar.newBuilder().setAsDouble(1).setTraceId(Otlp.hex("0102030405060708090a0b0c0d0e0f10"))
        .addFilteredAttributes(str("k", longValue)).build();
    MetricBatch b = translate(request(counter("c", "", point(1).addExemplars(ex)))).batch();
    assertThat(Otlp.exemplars(b, Otlp.one(b, "c_total")))
        .containsExactly("{trace_id=\"0102030405060708090a0b0c0d0e0f10\"} 1.0@0");
  }

  @Test
  void exemplarTraceIdWinsOverAClashingAttributeAndAllZeroIdsAreLeftOut() {
    Exemplar ex = Exemplar.newBuilder().setAsDouble(1).setTraceId(Otlp.hex("0102030405060708090a0b0c0d0e0f10"))
        .setSpanId(Otlp.hex("0000000000000000")).addFilteredAttributes(str("trace_id", "mine")).build();
    MetricBatch b = translate(request(counter("c", "", point(1).addExemplars(ex)))).batch();
    assertThat(Otlp.exemplars(b, Otlp.one(b, "c_total")))
        .containsExactly("{trace_id=\"0102030405060708090a0b0c0d0e0f10\"} 1.0@0");
  }

  @Test
  void aDuplicateLabelsAndTimestampWithinTheRequestIsDroppedAndCounted() {
    // "a.b" and "a_b" escape to the same name: the second gauge's sample is a duplicate.
    OtlpTranslation t = translate(request(gauge("a.b", "", point(1)), gauge("a_b", "", point(2))));
    assertThat(samples(t.batch())).containsExactly("{__name__=\"a_b\", instance=\"i-1\", job=\"svc\"} 1.0@" + T0_MS);
    assertThat(t.warnings()).containsEntry(OtlpTranslation.Reasons.DUPLICATE_SERIES, 1L);
  }

  @Test
  void twoPointsOfOneSeriesAtDifferentTimesShareASeriesInTimeOrder() {
    MetricBatch b = translate(request(gauge("g", "", point(2).setTimeUnixNano(T0_NS + 1_000_000_000), point(1)))).batch();
    Series s = Otlp.one(b, "g");
    assertThat(s.sampleCount()).isEqualTo(2);
    assertThat(s.timestamp(0)).isEqualTo(T0_MS);
    assertThat(s.value(0)).isEqualTo(1.0);
  }

  @Test
  void nonStringAttributesAreStringified() {
    MetricBatch b = translate(request(gauge("g", "", point(1,
        Otlp.kv("b", AnyValue.newBuilder().setBoolValue(false).build()),
        Otlp.kv("i", AnyValue.newBuilder().setIntValue(200).build()),
        Otlp.kv("d", AnyValue.newBuilder().setDoubleValue(1e21).build()),
        Otlp.kv("e", AnyValue.getDefaultInstance()))))).batch();
    assertThat(samples(b)).containsExactly(
        "{__name__=\"g\", b=\"false\", d=\"1e+21\", i=\"200\", instance=\"i-1\", job=\"svc\"} 1.0@" + T0_MS);
  }

  @Test
  void escapedAttributeCollisionsJoinValuesInOriginalKeyOrder() {
    OtlpTranslation t = translate(request(gauge("g", "", point(1, str("k8s_pod_name", "b"), str("k8s.pod.name", "a"),
        str("k8s-pod-name", ""), str("x", "1")))));
    assertThat(samples(t.batch())).containsExactly(
        "{__name__=\"g\", instance=\"i-1\", job=\"svc\", k8s_pod_name=\"a;b\", x=\"1\"} 1.0@" + T0_MS);
    assertThat(t.warnings()).containsEntry(OtlpTranslation.Reasons.LABEL_COLLISION, 1L);
  }

  @Test
  void labelNamesFollowTheStrategy() {
    var in = request(gauge("g", "", point(1, str("http.method", "GET"), str("123abc", "2"), str("_foo", "3"))));
    assertThat(samples(translate(OtlpOptions.builder().translationStrategy(TranslationStrategy.NO_UTF8_ESCAPING_WITH_SUFFIXES)
        .build(), in).batch())).containsExactly(
        "{123abc=\"2\", __name__=\"g\", _foo=\"3\", http.method=\"GET\", instance=\"i-1\", job=\"svc\"} 1.0@" + T0_MS);
    assertThat(samples(translate(in).batch())).containsExactly(
        "{__name__=\"g\", http_method=\"GET\", instance=\"i-1\", job=\"svc\", key_123abc=\"2\", key_foo=\"3\"} 1.0@" + T0_MS);
  }

  @Test
  void attributesNamedNameLeOrQuantileOnAGaugeNeverRenameIt() {
    MetricBatch b = translate(request(gauge("g", "", point(1, str("__name__", "evil"), str("le", "1"))))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"g\", instance=\"i-1\", job=\"svc\", le=\"1\"} 1.0@" + T0_MS);
  }
}
