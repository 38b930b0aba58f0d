package io.rwgateway.translators.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Builds OTLP input and renders translated batches as text, for the translation tests. */
final class Otlp {
  /** 2026-11-25T00:00:00Z in ns; the tests' clock is this plus one hour. */
  static final long T0_NS = 1_795_564_800_000_000_000L;
  static final long T0_MS = T0_NS / 1_000_000;
  static final long NOW_MS = T0_MS + 3_600_000;
  static final KeyValue[] SERVICE = {str("service.name", "svc"), str("service.instance.id", "i-1")};

  private Otlp() {}

  static KeyValue str(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static ByteString hex(String h) {
    return ByteString.copyFrom(HexFormat.of().parseHex(h));
  }

  /** A request with one resource (these attributes) and one scope holding {@code metrics}. */
  static ExportMetricsServiceRequest request(KeyValue[] resource, Metric... metrics) {
    return request(resource, InstrumentationScope.getDefaultInstance(), "", metrics);
  }

  static ExportMetricsServiceRequest request(KeyValue[] resource, InstrumentationScope scope, String schemaUrl,
      Metric... metrics) {
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAllAttributes(Arrays.asList(resource)))
        .addScopeMetrics(ScopeMetrics.newBuilder().setScope(scope).setSchemaUrl(schemaUrl)
            .addAllMetrics(Arrays.asList(metrics)))).build();
  }

  static ExportMetricsServiceRequest request(Metric... metrics) {
    return request(SERVICE, metrics);
  }

  static NumberDataPoint.Builder point(double value, KeyValue... attrs) {
    return NumberDataPoint.newBuilder().setTimeUnixNano(T0_NS).setAsDouble(value)
        .addAllAttributes(Arrays.asList(attrs));
  }

  static Metric gauge(String name, String unit, NumberDataPoint.Builder... points) {
    Gauge.Builder g = Gauge.newBuilder();
    for (NumberDataPoint.Builder p : points) {
      g.addDataPoints(p);
    }
    return Metric.newBuilder().setName(name).setUnit(unit).setDescription("help of " + name).setGauge(g).build();
  }

  static Metric sum(String name, String unit, boolean monotonic, AggregationTemporality t,
      NumberDataPoint.Builder... points) {
    Sum.Builder s = Sum.newBuilder().setIsMonotonic(monotonic).setAggregationTemporality(t);
    for (NumberDataPoint.Builder p : points) {
      s.addDataPoints(p);
    }
    return Metric.newBuilder().setName(name).setUnit(unit).setDescription("help of " + name).setSum(s).build();
  }

  static Metric counter(String name, String unit, NumberDataPoint.Builder... points) {
    return sum(name, unit, true, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, points);
  }

  static OtlpTranslation translate(OtlpOptions options, ExportMetricsServiceRequest request) {
    return new OtlpTranslator(options, () -> NOW_MS, () -> 0L).translate(request);
  }

  static OtlpTranslation translate(ExportMetricsServiceRequest request) {
    return translate(OtlpOptions.defaults(), request);
  }

  /**
   * Every float sample as {@code {labels} value@ms} (value as Java prints it, {@code stale} for
   * the StaleNaN bits, {@code st=} when a start timestamp is set), series without target_info
   * unless asked, in output order.
   */
  static List<String> samples(MetricBatch b, boolean withTargetInfo) {
    List<String> out = new ArrayList<>();
    for (Series s : b.series()) {
      if (!withTargetInfo && "target_info".equals(b.labelValue(s, "__name__"))) {
        continue;
      }
      for (int i = 0; i < s.sampleCount(); i++) {
        String v = s.valueBits(i) == TranslationRun.STALE_NAN_BITS ? "stale" : String.valueOf(s.value(i));
        String st = s.startTimestamp(i) == 0 ? "" : " st=" + s.startTimestamp(i);
        out.add(b.labelsText(s) + " " + v + "@" + s.timestamp(i) + st);
      }
    }
    return out;
  }

  static List<String> samples(MetricBatch b) {
    return samples(b, false);
  }

  /** The series named {@code name} (exactly one expected). */
  static Series one(MetricBatch b, String name) {
    Series found = null;
    for (Series s : b.series()) {
      if (name.equals(b.labelValue(s, "__name__"))) {
        if (found != null) {
          throw new AssertionError("more than one series named " + name);
        }
        found = s;
      }
    }
    if (found == null) {
      throw new AssertionError("no series named " + name + " in " + samples(b, true));
    }
    return found;
  }

  static Histogram histogram(MetricBatch b, String name) {
    Series s = one(b, name);
    if (s.histograms().size() != 1) {
      throw new AssertionError(name + " has " + s.histograms().size() + " histograms");
    }
    return s.histograms().get(0);
  }

  /** Exemplars of a series as {@code {labels} value@ms}. */
  static List<String> exemplars(MetricBatch b, Series s) {
    List<String> out = new ArrayList<>();
    for (io.rwgateway.translators.model.Exemplar e : s.exemplars()) {
      StringBuilder sb = new StringBuilder("{");
      int[] r = e.labelRefs();
      for (int i = 0; i < r.length; i += 2) {
        sb.append(i == 0 ? "" : ", ").append(b.symbol(r[i])).append("=\"").append(b.symbol(r[i + 1])).append('"');
      }
      out.add(sb.append("} ").append(e.value()).append('@').append(e.timestamp()).toString());
    }
    return out;
  }
}
