package io.rwgateway.translators.otlp;

import static io.rwgateway.translators.otlp.Otlp.T0_MS;
import static io.rwgateway.translators.otlp.Otlp.T0_NS;
import static io.rwgateway.translators.otlp.Otlp.point;
import static io.rwgateway.translators.otlp.Otlp.request;
import static io.rwgateway.translators.otlp.Otlp.samples;
import static io.rwgateway.translators.otlp.Otlp.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Delta temporality under drop, pass and to_cumulative (otlp.md §2.7). */
class DeltaTranslationTest {
  private static final AggregationTemporality DELTA = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
  private static final long S = 1_000_000_000L;
  private static final String L = "instance=\"i-1\", job=\"svc\"";

  private static Metric deltaCounter(long startNs, long timeNs, double v) {
    return sum("reqs", "", true, DELTA, point(v).setStartTimeUnixNano(startNs).setTimeUnixNano(timeNs));
  }

  private final AtomicLong ticker = new AtomicLong();

  private OtlpTranslator translator(DeltaMode mode) {
    return new OtlpTranslator(OtlpOptions.builder().delta(mode).deltaMaxSeries(2).deltaExpiry(Duration.ofMinutes(1))
        .build(), () -> Otlp.NOW_MS, ticker::get);
  }

  @Test
  void dropRejectsDeltaSumHistogramAndExponentialPerMetricAndKeepsTheRest() {
    Metric h = Metric.newBuilder().setName("h").setHistogram(Histogram.newBuilder().setAggregationTemporality(DELTA)
        .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(T0_NS).setCount(1))).build();
    Metric e = Metric.newBuilder().setName("e").setExponentialHistogram(ExponentialHistogram.newBuilder()
        .setAggregationTemporality(DELTA).addDataPoints(ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(T0_NS)))
        .build();
    OtlpTranslation t = translator(DeltaMode.DROP).translate(request(deltaCounter(T0_NS - S, T0_NS, 1), h, e,
        sum("up_down", "", false, DELTA, point(1)), Otlp.gauge("g", "", point(1))));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.DELTA_TEMPORALITY, 4L));
    assertThat(t.errorMessage()).contains("\"reqs\"", "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=cumulative");
    assertThat(samples(t.batch())).containsExactly("{__name__=\"g\", " + L + "} 1.0@" + T0_MS);
  }

  @Test
  void passWritesDeltasAsTheyAreTypedUnknownWithoutStartTimestamp() {
    Metric e = Metric.newBuilder().setName("e").setExponentialHistogram(ExponentialHistogram.newBuilder()
        .setAggregationTemporality(DELTA).addDataPoints(ExponentialHistogramDataPoint.newBuilder()
            .setTimeUnixNano(T0_NS).setStartTimeUnixNano(T0_NS - S).setCount(1).setSum(1)
            .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().addBucketCounts(1)))).build();
    MetricBatch b = translator(DeltaMode.PASS).translate(request(deltaCounter(T0_NS - S, T0_NS, 3), e)).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"reqs_total\", " + L + "} 3.0@" + T0_MS);
    assertThat(Otlp.one(b, "reqs_total").type()).isEqualTo(MetricType.UNSPECIFIED);
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(b, "e");
    assertThat(h.resetHint()).isEqualTo(3); // GAUGE
    assertThat(h.startTimestamp()).isZero();
    assertThat(Otlp.one(b, "e").type()).isEqualTo(MetricType.UNSPECIFIED);
  }

  @Test
  void toCumulativeSumsContiguousDeltasWithTheFirstStartAsStartTimestamp() {
    OtlpTranslator tr = translator(DeltaMode.TO_CUMULATIVE);
    List<String> out = samples(tr.translate(request(deltaCounter(T0_NS - S, T0_NS, 2))).batch());
    out.addAll(samples(tr.translate(request(deltaCounter(T0_NS, T0_NS + S, 3))).batch()));
    out.addAll(samples(tr.translate(request(deltaCounter(T0_NS + S, T0_NS + 2 * S, 0))).batch()));
    long st = T0_MS - 1000;
    assertThat(out).containsExactly(
        "{__name__=\"reqs_total\", " + L + "} 2.0@" + T0_MS + " st=" + st,
        "{__name__=\"reqs_total\", " + L + "} 5.0@" + (T0_MS + 1000) + " st=" + st,
        "{__name__=\"reqs_total\", " + L + "} 5.0@" + (T0_MS + 2000) + " st=" + st);
    assertThat(Otlp.one(tr.translate(request(deltaCounter(T0_NS + 2 * S, T0_NS + 3 * S, 1))).batch(), "reqs_total").type())
        .isEqualTo(MetricType.COUNTER);
    assertThat(tr.deltaSeries()).isEqualTo(1);
  }

  @Test
  void toCumulativeStartsANewRunWhenTheSenderRestartsWithANewStartTime() {
    OtlpTranslator tr = translator(DeltaMode.TO_CUMULATIVE);
    tr.translate(request(deltaCounter(T0_NS - S, T0_NS, 2)));
    tr.translate(request(deltaCounter(T0_NS, T0_NS + S, 3)));
    List<String> restarted = samples(tr.translate(request(deltaCounter(T0_NS + 5 * S, T0_NS + 6 * S, 4))).batch());
    assertThat(restarted).containsExactly("{__name__=\"reqs_total\", " + L + "} 4.0@" + (T0_MS + 6000) + " st=" + (T0_MS + 5000));
  }

  @Test
  void toCumulativeRefusesADeltaThatOverlapsWhatWasSummed() {
    OtlpTranslator tr = translator(DeltaMode.TO_CUMULATIVE);
    tr.translate(request(deltaCounter(T0_NS - S, T0_NS, 2)));
    OtlpTranslation again = tr.translate(request(deltaCounter(T0_NS - S, T0_NS, 2)));
    assertThat(again.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.DELTA_OUT_OF_ORDER, 1L));
    assertThat(samples(again.batch())).isEmpty();
  }

  @Test
  void toCumulativeForgetsIdleSeriesAfterTheExpiry() {
    OtlpTranslator tr = translator(DeltaMode.TO_CUMULATIVE);
    tr.translate(request(deltaCounter(T0_NS - S, T0_NS, 2)));
    ticker.addAndGet(Duration.ofMinutes(2).toNanos());
    List<String> after = samples(tr.translate(request(deltaCounter(T0_NS, T0_NS + S, 3))).batch());
    assertThat(after).containsExactly("{__name__=\"reqs_total\", " + L + "} 3.0@" + (T0_MS + 1000) + " st=" + T0_MS);
  }

  @Test
  void toCumulativeKeepsAtMostTheConfiguredNumberOfSeries() {
    OtlpTranslator tr = translator(DeltaMode.TO_CUMULATIVE);
    for (int i = 0; i < 10; i++) {
      tr.translate(request(sum("m" + i, "", true, DELTA, point(1).setStartTimeUnixNano(T0_NS - S))));
    }
    assertThat(tr.deltaSeries()).isLessThanOrEqualTo(2);
  }

  @Test
  void toCumulativeSumsHistogramBucketsAndExponentialBucketsAcrossScales() {
    OtlpTranslator tr = translator(DeltaMode.TO_CUMULATIVE);
    HistogramDataPoint.Builder hp = HistogramDataPoint.newBuilder().setStartTimeUnixNano(T0_NS - S).setTimeUnixNano(T0_NS)
        .setCount(3).setSum(3).addExplicitBounds(1).addBucketCounts(1).addBucketCounts(2);
    Metric h1 = Metric.newBuilder().setName("h").setHistogram(Histogram.newBuilder().setAggregationTemporality(DELTA)
        .addDataPoints(hp)).build();
    Metric h2 = Metric.newBuilder().setName("h").setHistogram(Histogram.newBuilder().setAggregationTemporality(DELTA)
        .addDataPoints(hp.clone().setStartTimeUnixNano(T0_NS).setTimeUnixNano(T0_NS + S))).build();
    tr.translate(request(h1));
    List<String> second = samples(tr.translate(request(h2)).batch());
    String at = "@" + (T0_MS + 1000) + " st=" + (T0_MS - 1000);
    assertThat(second).containsExactly(
        "{__name__=\"h_sum\", " + L + "} 6.0" + at,
        "{__name__=\"h_count\", " + L + "} 6.0" + at,
        "{__name__=\"h_bucket\", " + L + ", le=\"1\"} 2.0" + at,
        "{__name__=\"h_bucket\", " + L + ", le=\"+Inf\"} 6.0" + at);

    ExponentialHistogramDataPoint.Builder e1 = ExponentialHistogramDataPoint.newBuilder().setStartTimeUnixNano(T0_NS - S)
        .setTimeUnixNano(T0_NS).setScale(1).setCount(2).setSum(2)
        .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(0).addBucketCounts(1).addBucketCounts(1));
    ExponentialHistogramDataPoint.Builder e2 = ExponentialHistogramDataPoint.newBuilder().setStartTimeUnixNano(T0_NS)
        .setTimeUnixNano(T0_NS + S).setScale(0).setCount(1).setSum(1)
        .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(0).addBucketCounts(1));
    tr.translate(request(exp(e1)));
    io.rwgateway.translators.model.Histogram merged = Otlp.histogram(tr.translate(request(exp(e2))).batch(), "e");
    // scale 1 indexes 0,1 → scale 0 index 0; plus the new point's index 0: 3 in Prometheus bucket 1.
    assertThat(merged.schema()).isZero();
    assertThat(merged.countInt()).isEqualTo(3);
    assertThat(merged.positiveSpans()).containsExactly(1, 1);
    assertThat(merged.positiveDeltas()).containsExactly(3);
    assertThat(merged.startTimestamp()).isEqualTo(T0_MS - 1000);
  }

  @Test
  void toCumulativeMergesFarApartExponentialDeltasInsteadOfGrowingADenseArray() {
    OtlpTranslator tr = translator(DeltaMode.TO_CUMULATIVE);
    tr.translate(request(exp(ExponentialHistogramDataPoint.newBuilder().setStartTimeUnixNano(T0_NS - S)
        .setTimeUnixNano(T0_NS).setScale(20).setCount(1).setSum(1)
        .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(-2_000_000_000).addBucketCounts(1)))));
    OtlpTranslation t = tr.translate(request(exp(ExponentialHistogramDataPoint.newBuilder().setStartTimeUnixNano(T0_NS)
        .setTimeUnixNano(T0_NS + S).setScale(20).setCount(1).setSum(1)
        .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(2_000_000_000).addBucketCounts(1)))));
    io.rwgateway.translators.model.Histogram h = Otlp.histogram(t.batch(), "e");
    assertThat(h.countInt()).isEqualTo(2);
    assertThat(h.schema()).isLessThan(8);
    assertThat(h.positiveDeltas()).hasSize(2);
  }

  private static Metric exp(ExponentialHistogramDataPoint.Builder p) {
    return Metric.newBuilder().setName("e").setExponentialHistogram(ExponentialHistogram.newBuilder()
        .setAggregationTemporality(DELTA).addDataPoints(p)).build();
  }
}
