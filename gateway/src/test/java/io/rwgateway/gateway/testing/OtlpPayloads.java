package io.rwgateway.gateway.testing;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** OTLP requests built with the opentelemetry-proto classes (the oracle), and the captured fixtures. */
public final class OtlpPayloads {
  public static final long T_NANOS = 1_700_000_000_123_456_789L;

  private OtlpPayloads() {}

  public static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  public static NumberDataPoint point(double value, long timeNanos, KeyValue... attrs) {
    return NumberDataPoint.newBuilder().setAsDouble(value).setTimeUnixNano(timeNanos)
        .addAllAttributes(List.of(attrs)).build();
  }

  public static Metric gauge(String name, NumberDataPoint... points) {
    return Metric.newBuilder().setName(name).setDescription("help of " + name)
        .setGauge(Gauge.newBuilder().addAllDataPoints(List.of(points))).build();
  }

  /** A monotonic sum in the given temporality, with a start time one minute before each point. */
  public static Metric counter(String name, AggregationTemporality temporality, NumberDataPoint... points) {
    Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true).setAggregationTemporality(temporality);
    for (NumberDataPoint p : points) {
      sum.addDataPoints(p.toBuilder().setStartTimeUnixNano(p.getTimeUnixNano() - 60_000_000_000L));
    }
    return Metric.newBuilder().setName(name).setDescription("help of " + name).setSum(sum).build();
  }

  public static Exemplar exemplar(double value, long timeNanos, byte[] traceId, byte[] spanId) {
    return Exemplar.newBuilder().setAsDouble(value).setTimeUnixNano(timeNanos)
        .setTraceId(ByteString.copyFrom(traceId)).setSpanId(ByteString.copyFrom(spanId)).build();
  }

  /** One resource (service.name = job, service.instance.id = instance) and one scope with these metrics. */
  public static ExportMetricsServiceRequest request(String job, String instance, Metric... metrics) {
    List<KeyValue> resource = new ArrayList<>();
    resource.add(attr("service.name", job));
    if (instance != null) {
      resource.add(attr("service.instance.id", instance));
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAllAttributes(resource))
        .addScopeMetrics(ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder().setName("test"))
            .addAllMetrics(List.of(metrics)))).build();
  }

  public static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code zeros} zero bytes, gzipped in a stream: a small body that inflates to a huge one. */
  public static byte[] gzipBomb(long zeros) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] block = new byte[1 << 20];
    try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16)) {
      for (long left = zeros; left > 0; left -= block.length) {
        z.write(block, 0, (int) Math.min(block.length, left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A captured OTLP body from the shared fixtures, e.g. {@code fixture("otlp-js/0003.body")}. */
  public static byte[] fixture(String file) {
    try {
      return Files.readAllBytes(Path.of(System.getProperty("rwgateway.fixtures"), file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
