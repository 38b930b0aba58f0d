package io.rwgateway.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
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
import io.opentelemetry.proto.resource.v1.Resource;
import io.rwgateway.translators.otlp.OtlpOptions;
import io.rwgateway.translators.otlp.OtlpTranslation;
import io.rwgateway.translators.otlp.OtlpTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * OTLP in: {@code ExportMetricsServiceRequest.parseFrom} + {@link OtlpTranslator#translate}, and the
 * OTLP/JSON path (protobuf-java-util {@code JsonFormat} parse + translate), with each parse and the
 * translation alone. The {@code samples} aux counter counts OTLP data points here (data points/s).
 * Workloads: {@code otel-js}, the OpenTelemetry JS exporter's request captured in
 * shared/fixtures/otlp-js (0001 protobuf, 0003 JSON; 5 metrics, 7 points); {@code synthetic}, one
 * Kubernetes-like resource with 2000 points (800 counter, 800 gauge, 200 histogram of 10 bounds, 100
 * exponential histogram of 40 buckets, 100 summary of 3 quantiles) of 5 attributes each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OtlpTranslateBenchmark {
  public static final String OTEL_JS = "otel-js";
  public static final String SYNTHETIC = "synthetic";

  @Param({OTEL_JS, SYNTHETIC})
  public String workload;

  private byte[] protobuf;
  private String json;
  private ExportMetricsServiceRequest parsed;
  private long points;
  private OtlpTranslator translator;
  private final JsonFormat.Parser jsonParser = JsonFormat.parser().ignoringUnknownFields();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (workload.equals(OTEL_JS)) {
      protobuf = resource("/fixtures/otlp-js/0001.body");
      json = new String(resource("/fixtures/otlp-js/0003.body"), StandardCharsets.UTF_8);
    } else {
      ExportMetricsServiceRequest r = synthetic();
      protobuf = r.toByteArray();
      json = JsonFormat.printer().omittingInsignificantWhitespace().print(r);
    }
    parsed = ExportMetricsServiceRequest.parseFrom(protobuf);
    translator = new OtlpTranslator(OtlpOptions.defaults());
    OtlpTranslation t = translator.translate(parsed);
    OtlpTranslation fromJson = translator.translate(parseJson());
    if (t.rejectedDataPoints() != 0 || !t.batch().equals(fromJson.batch()) && workload.equals(SYNTHETIC)) {
      throw new IllegalStateException("workload " + workload + " does not translate cleanly: " + t.rejectedPoints());
    }
    points = t.acceptedDataPoints();
  }

  private ExportMetricsServiceRequest parseJson() throws InvalidProtocolBufferException {
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    jsonParser.merge(json, b);
    return b.build();
  }

  @Benchmark
  public void protobufParseAndTranslate(SampleCounter counter, Blackhole bh) throws InvalidProtocolBufferException {
    bh.consume(translator.translate(ExportMetricsServiceRequest.parseFrom(protobuf)));
    counter.samples += points;
  }

  @Benchmark
  public void protobufParseOnly(SampleCounter counter, Blackhole bh) throws InvalidProtocolBufferException {
    bh.consume(ExportMetricsServiceRequest.parseFrom(protobuf));
    counter.samples += points;
  }

  @Benchmark
  public void translateOnly(SampleCounter counter, Blackhole bh) {
    bh.consume(translator.translate(parsed));
    counter.samples += points;
  }

  @Benchmark
  public void jsonParseAndTranslate(SampleCounter counter, Blackhole bh) throws InvalidProtocolBufferException {
    bh.consume(translator.translate(parseJson()));
    counter.samples += points;
  }

  @Benchmark
  public void jsonParseOnly(SampleCounter counter, Blackhole bh) throws InvalidProtocolBufferException {
    bh.consume(parseJson());
    counter.samples += points;
  }

  private static byte[] resource(String path) {
    try (InputStream in = OtlpTranslateBenchmark.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyValue attr(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }

  /** The synthetic workload (public for {@link OtlpCpuTimeCheck}). */
  public static ExportMetricsServiceRequest synthetic() {
    long t = 1_795_564_800_000_000_000L;
    long st = t - 3_600_000_000_000L;
    Resource resource = Resource.newBuilder().addAttributes(attr("service.name", "checkout"))
        .addAttributes(attr("service.namespace", "shop")).addAttributes(attr("service.instance.id", "checkout-7f9c-1"))
        .addAttributes(attr("k8s.pod.name", "checkout-7f9c-1")).addAttributes(attr("k8s.namespace.name", "shop"))
        .addAttributes(attr("host.name", "node-3")).build();
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder().setName("bench"));
    AggregationTemporality cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
    for (int m = 0; m < 20; m++) {
      Metric.Builder metric = Metric.newBuilder().setName("app.metric" + m + ".value").setDescription("metric " + m);
      int n = 100;
      if (m < 8) {
        Sum.Builder s = Sum.newBuilder().setIsMonotonic(true).setAggregationTemporality(cumulative);
        for (int i = 0; i < n; i++) {
          s.addDataPoints(NumberDataPoint.newBuilder().addAllAttributes(attrs(i)).setStartTimeUnixNano(st)
              .setTimeUnixNano(t).setAsDouble(i * 10.5));
        }
        metric.setUnit("{request}").setSum(s);
      } else if (m < 16) {
        Gauge.Builder g = Gauge.newBuilder();
        for (int i = 0; i < n; i++) {
          g.addDataPoints(NumberDataPoint.newBuilder().addAllAttributes(attrs(i)).setTimeUnixNano(t).setAsInt(i));
        }
        metric.setUnit("By").setGauge(g);
      } else if (m < 18) {
        Histogram.Builder h = Histogram.newBuilder().setAggregationTemporality(cumulative);
        for (int i = 0; i < n; i++) {
          HistogramDataPoint.Builder p = HistogramDataPoint.newBuilder().addAllAttributes(attrs(i))
              .setStartTimeUnixNano(st).setTimeUnixNano(t).setCount(110).setSum(42.5);
          for (int b = 0; b < 10; b++) {
            p.addExplicitBounds(0.005 * (1 << b)).addBucketCounts(b);
          }
          h.addDataPoints(p.addBucketCounts(65));
        }
        metric.setUnit("s").setHistogram(h);
      } else if (m == 18) {
        ExponentialHistogram.Builder h = ExponentialHistogram.newBuilder().setAggregationTemporality(cumulative);
        for (int i = 0; i < n; i++) {
          ExponentialHistogramDataPoint.Buckets.Builder b = ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(-3);
          for (int k = 0; k < 40; k++) {
            b.addBucketCounts(k % 3);
          }
          h.addDataPoints(ExponentialHistogramDataPoint.newBuilder().addAllAttributes(attrs(i)).setStartTimeUnixNano(st)
              .setTimeUnixNano(t).setScale(3).setCount(39).setSum(1000).setZeroCount(1).setPositive(b));
        }
        metric.setUnit("By").setExponentialHistogram(h);
      } else {
        Summary.Builder s = Summary.newBuilder();
        for (int i = 0; i < n; i++) {
          SummaryDataPoint.Builder p = SummaryDataPoint.newBuilder().addAllAttributes(attrs(i)).setStartTimeUnixNano(st)
              .setTimeUnixNano(t).setCount(100).setSum(12.5);
          for (double q : new double[] {0.5, 0.9, 0.99}) {
            p.addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(q).setValue(q * 2));
          }
          s.addDataPoints(p);
        }
        metric.setUnit("s").setSummary(s);
      }
      scope.addMetrics(metric);
    }
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder().setResource(resource).addScopeMetrics(scope)).build();
  }

  private static java.util.List<KeyValue> attrs(int i) {
    return java.util.List.of(attr("http.request.method", i % 2 == 0 ? "GET" : "POST"),
        attr("http.route", "/api/v1/items/" + (i % 25)), attr("http.response.status_code", String.valueOf(200 + i % 4)),
        attr("server.address", "checkout.shop.svc"), attr("network.protocol.version", "1.1"));
  }
}
