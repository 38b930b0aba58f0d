package io.rwgateway.loadtest.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class OtlpCounterTest {
  private static final Path FIXTURES = Path.of(System.getProperty("rwgateway.fixtures", "../../shared/fixtures"));
  private final OtlpCounter counter = new OtlpCounter(1 << 20);

  /**
   * 7 data points: 2 gauge, 1 sum with 2 exemplars, a histogram with 3 bounds and a sum (4 buckets +
   * _sum + _count = 6 samples), one without a sum (5), a summary of 2 quantiles (4), an exponential
   * histogram (1 native histogram): 2 + 1 + 6 + 5 + 4 = 18 float samples.
   */
  static ExportMetricsServiceRequest knownRequest() {
    NumberDataPoint n = NumberDataPoint.newBuilder().setAsDouble(1).build();
    HistogramDataPoint.Builder h = HistogramDataPoint.newBuilder().setCount(4)
        .addExplicitBounds(1).addExplicitBounds(2).addExplicitBounds(3)
        .addBucketCounts(1).addBucketCounts(1).addBucketCounts(1).addBucketCounts(1);
    Metric gauge = Metric.newBuilder().setName("g").setGauge(Gauge.newBuilder().addDataPoints(n).addDataPoints(n)).build();
    Metric sum = Metric.newBuilder().setName("s").setSum(Sum.newBuilder().setIsMonotonic(true).addDataPoints(
        n.toBuilder().addExemplars(Exemplar.newBuilder().setAsDouble(1)).addExemplars(Exemplar.newBuilder().setAsDouble(2)))).build();
    Metric histogram = Metric.newBuilder().setName("h").setHistogram(Histogram.newBuilder()
        .addDataPoints(h.clone().setSum(9)).addDataPoints(h)).build();
    Metric summary = Metric.newBuilder().setName("q").setSummary(Summary.newBuilder().addDataPoints(
        SummaryDataPoint.newBuilder().setCount(3).setSum(3)
            .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.5).setValue(1))
            .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.9).setValue(2)))).build();
    Metric exp = Metric.newBuilder().setName("e").setExponentialHistogram(
        io.opentelemetry.proto.metrics.v1.ExponentialHistogram.newBuilder().addDataPoints(
            ExponentialHistogramDataPoint.newBuilder().setScale(2).setCount(1).setZeroCount(1))).build();
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(gauge).addMetrics(sum))
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(histogram).addMetrics(summary).addMetrics(exp))).build();
  }

  static byte[] gzip(byte[] raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void countsDataPointsAndPrometheusEquivalentSamples() throws Exception {
    byte[] raw = knownRequest().toByteArray();
    RequestCounts c = counter.count(raw, raw.length, false);
    assertThat(c.protocol()).isEqualTo(WireProtocol.OTLP);
    assertThat(c.series()).isEqualTo(7);
    assertThat(c.samples()).isEqualTo(18);
    assertThat(c.histograms()).isEqualTo(1);
    assertThat(c.exemplars()).isEqualTo(2);
    assertThat(c.bytes()).isEqualTo(raw.length);
    assertThat(c.decodedBytes()).isEqualTo(raw.length);
  }

  @Test
  void countsGzipBodiesTheSameAndReportsBothSizes() throws Exception {
    byte[] raw = knownRequest().toByteArray();
    byte[] z = gzip(raw);
    RequestCounts c = counter.count(z, z.length, true);
    assertThat(c.samples()).isEqualTo(18);
    assertThat(c.bytes()).isEqualTo(z.length);
    assertThat(c.decodedBytes()).isEqualTo(raw.length);
  }

  @Test
  void countsTheCapturedOpenTelemetryJsRequests() throws Exception {
    // MANIFEST.md: 5 metrics, 7 points: 1 exponential histogram, 3 sum points, 2 gauge points and one
    // histogram with 10 bounds and a sum (11 buckets + _sum + _count = 13): 5 + 13 = 18 float samples.
    byte[] identity = Files.readAllBytes(FIXTURES.resolve("otlp-js/0001.body"));
    RequestCounts c = counter.count(identity, identity.length, false);
    assertThat(c).extracting(RequestCounts::series, RequestCounts::samples, RequestCounts::histograms)
        .containsExactly(7L, 18L, 1L);
    byte[] gzipped = Files.readAllBytes(FIXTURES.resolve("otlp-js/0004.body"));
    assertThat(counter.count(gzipped, gzipped.length, true))
        .extracting(RequestCounts::series, RequestCounts::samples, RequestCounts::histograms).containsExactly(7L, 18L, 1L);
  }

  @Test
  void refusesBodiesThatDoNotDecodeAndOnesThatInflateTooFar() throws Exception {
    byte[] junk = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertThatThrownBy(() -> counter.count(junk, junk.length, false)).isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("cannot decode OTLP");
    assertThatThrownBy(() -> counter.count(junk, junk.length, true)).isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("cannot gunzip");
    byte[] bomb = gzip(new byte[2 << 20]);
    assertThatThrownBy(() -> counter.count(bomb, bomb.length, true)).isInstanceOf(PayloadTooLargeException.class);
  }
}
