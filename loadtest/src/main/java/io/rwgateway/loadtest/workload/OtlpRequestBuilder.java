package io.rwgateway.loadtest.workload;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the data points of one OTLP request: one {@code ResourceMetrics} per resource (a
 * Prometheus target), one {@code Metric} per family name inside it, in first-seen order.
 */
final class OtlpRequestBuilder {
  static final InstrumentationScope SCOPE = InstrumentationScope.newBuilder().setName("rw-loadtest").build();

  private final Map<Resource, Map<String, Metric.Builder>> resources = new LinkedHashMap<>();

  /** The metric {@code name} of {@code resource}, created with the data type of {@code kind}. */
  Metric.Builder metric(Resource resource, String name, SeriesKind kind, String description) {
    Map<String, Metric.Builder> metrics = resources.computeIfAbsent(resource, r -> new LinkedHashMap<>());
    Metric.Builder m = metrics.get(name);
    if (m == null) {
      m = Metric.newBuilder().setName(name);
      if (description != null) {
        m.setDescription(description);
      }
      AggregationTemporality cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
      switch (kind) {
        case COUNTER -> m.getSumBuilder().setIsMonotonic(true).setAggregationTemporality(cumulative);
        case GAUGE -> m.getGaugeBuilder();
        case HISTOGRAM -> m.getHistogramBuilder().setAggregationTemporality(cumulative);
        case NATIVE -> m.getExponentialHistogramBuilder().setAggregationTemporality(cumulative);
        case SUMMARY -> m.getSummaryBuilder();
      }
      metrics.put(name, m);
    }
    return m;
  }

  ExportMetricsServiceRequest build() {
    ExportMetricsServiceRequest.Builder req = ExportMetricsServiceRequest.newBuilder();
    for (Map.Entry<Resource, Map<String, Metric.Builder>> e : resources.entrySet()) {
      ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(SCOPE);
      for (Metric.Builder m : e.getValue().values()) {
        scope.addMetrics(m);
      }
      req.addResourceMetrics(ResourceMetrics.newBuilder().setResource(e.getKey()).addScopeMetrics(scope));
    }
    return req.build();
  }
}
