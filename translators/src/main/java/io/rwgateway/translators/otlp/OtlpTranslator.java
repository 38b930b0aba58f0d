package io.rwgateway.translators.otlp;

import com.github.benmanes.caffeine.cache.Ticker;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.rwgateway.translators.model.MetricType;
import java.util.function.LongSupplier;

/**
 * OTLP metrics → the canonical model, as Prometheus' OTLP receiver translates them (otlp.md §2-§5):
 * names by {@link TranslationStrategy}, job/instance/target_info from the resource, promoted
 * resource and scope labels, every point kind, metadata on every series, and deltas per
 * {@link DeltaMode}.
 *
 * <p>Nothing in a request fails it as a whole (otlp.md §1.2, prometheus#19338): a bad metric or
 * point is left out and counted in {@link OtlpTranslation#rejectedPoints()}, for partial_success.
 * Thread-safe: one translator serves every request; its only state is the to_cumulative running
 * totals, bounded and expiring.
 */
public final class OtlpTranslator {
  /** RW reset hints (remote-write.md): UNKNOWN for cumulative data, GAUGE for passed-through deltas. */
  static final int RESET_UNKNOWN = 0;
  static final int RESET_GAUGE = 3;
  private static final String DELTA_HINT = "set OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=cumulative"
      + " in the sender, or otlp.delta: to_cumulative or pass in the gateway";

  private final OtlpOptions options;
  private final MetricNamer metricNamer;
  private final LabelNamer labelNamer;
  private final DeltaAccumulator deltas;
  private final LongSupplier clockMillis;

  public OtlpTranslator(OtlpOptions options) {
    this(options, System::currentTimeMillis, Ticker.systemTicker());
  }

  /** With a wall clock (ms, for the future-timestamp check) and a ticker (to_cumulative expiry). */
  public OtlpTranslator(OtlpOptions options, LongSupplier clockMillis, Ticker ticker) {
    this.options = options;
    this.metricNamer = new MetricNamer(options.translationStrategy());
    this.labelNamer = new LabelNamer(options);
    this.clockMillis = clockMillis;
    this.deltas = options.delta() == DeltaMode.TO_CUMULATIVE
        ? new DeltaAccumulator(options.deltaMaxSeries(), options.deltaExpiry(), ticker) : null;
  }

  public OtlpOptions options() {
    return options;
  }

  /** Series whose delta running totals are held (0 unless to_cumulative); for a gauge. */
  public long deltaSeries() {
    return deltas == null ? 0 : deltas.size();
  }

  /** Translates one request. Never throws for bad content: what cannot be translated is counted. */
  public OtlpTranslation translate(ExportMetricsServiceRequest request) {
    TranslationRun run = new TranslationRun(options, labelNamer, clockMillis.getAsLong(), pointCount(request));
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      run.startResource(new ResourceContext(rm.getResource(), options, labelNamer, run.tally));
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        run.startScope(sm.getScope(), sm.getSchemaUrl());
        for (Metric m : sm.getMetricsList()) {
          translateMetric(run, m);
        }
      }
      if (run.resourceMinMillis <= run.resourceMaxMillis) {
        TargetInfo.write(run, rm.getResource(), options);
      }
    }
    return run.tally.result(run.sink.build());
  }

  /** The request's data points, counted without touching them (each list knows its size). */
  private static int pointCount(ExportMetricsServiceRequest request) {
    long n = 0;
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          n += switch (m.getDataCase()) {
            case GAUGE -> m.getGauge().getDataPointsCount();
            case SUM -> m.getSum().getDataPointsCount();
            case HISTOGRAM -> m.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> m.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> m.getSummary().getDataPointsCount();
            default -> 0;
          };
        }
      }
    }
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  private void translateMetric(TranslationRun run, Metric m) {
    switch (m.getDataCase()) {
      case GAUGE -> {
        if (empty(run, m, m.getGauge().getDataPointsCount())) {
          return;
        }
        // The spec lets metadata prometheus.type=unknown mark a gauge as untyped (§2.1).
        MetricType type = "unknown".equals(metadataValue(m, "prometheus.type")) ? MetricType.UNSPECIFIED : MetricType.GAUGE;
        TranslationRun.Family f = family(run, m, MetricNamer.Kind.GAUGE, type, PointKind.GAUGE, false, false,
            RESET_UNKNOWN, m.getGauge().getDataPointsCount());
        if (f != null) {
          NumberPoints.write(run, f, m.getGauge().getDataPointsList(), null);
        }
      }
      case SUM -> {
        var sum = m.getSum();
        int n = sum.getDataPointsCount();
        if (empty(run, m, n)) {
          return;
        }
        boolean monotonic = sum.getIsMonotonic();
        Temporality t = temporality(run, m, sum.getAggregationTemporality(), PointKind.SUM, n);
        if (t == null) {
          return;
        }
        MetricNamer.Kind kind = monotonic ? MetricNamer.Kind.MONOTONIC_COUNTER : MetricNamer.Kind.NON_MONOTONIC_COUNTER;
        MetricType type = t == Temporality.PASS ? MetricType.UNSPECIFIED
            : monotonic ? MetricType.COUNTER : MetricType.GAUGE;
        boolean counter = monotonic && t != Temporality.PASS;
        TranslationRun.Family f = family(run, m, kind, type, PointKind.SUM, counter, counter, RESET_UNKNOWN, n);
        if (f != null) {
          NumberPoints.write(run, f, sum.getDataPointsList(), t == Temporality.ACCUMULATE ? deltas : null);
        }
      }
      case HISTOGRAM -> {
        var h = m.getHistogram();
        HistogramFamily hf = histogramFamily(run, m, MetricNamer.Kind.HISTOGRAM, PointKind.HISTOGRAM,
            h.getAggregationTemporality(), h.getDataPointsCount());
        if (hf != null) {
          ExplicitHistograms.write(run, hf.family(), h.getDataPointsList(), options.convertHistogramsToNhcb(),
              hf.deltas());
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        var h = m.getExponentialHistogram();
        HistogramFamily hf = histogramFamily(run, m, MetricNamer.Kind.EXPONENTIAL_HISTOGRAM,
            PointKind.EXPONENTIAL_HISTOGRAM, h.getAggregationTemporality(), h.getDataPointsCount());
        if (hf != null) {
          ExponentialHistograms.write(run, hf.family(), h.getDataPointsList(), hf.deltas());
        }
      }
      case SUMMARY -> {
        int n = m.getSummary().getDataPointsCount();
        if (empty(run, m, n)) {
          return;
        }
        TranslationRun.Family f = family(run, m, MetricNamer.Kind.SUMMARY, MetricType.SUMMARY, PointKind.SUMMARY,
            true, false, RESET_UNKNOWN, n);
        if (f != null) {
          Summaries.write(run, f, m.getSummary().getDataPointsList());
        }
      }
      default -> empty(run, m, 0);
    }
  }

  /** §2.0: a metric with zero data points is dropped with a warning; the rest of the request is kept. */
  /** A histogram family to write into, and the delta accumulator when its deltas are summed (else null). */
  private record HistogramFamily(TranslationRun.Family family, DeltaAccumulator deltas) {}

  /**
   * The family of an explicit or exponential histogram metric of {@code n} points, or null when
   * none of them is written (no points, deltas dropped, or a refused name): both kinds share the
   * type (histogram; unknown when deltas pass as they are) and reset rules.
   */
  private HistogramFamily histogramFamily(TranslationRun run, Metric m, MetricNamer.Kind kind, PointKind pointKind,
      AggregationTemporality temporality, int n) {
    if (empty(run, m, n)) {
      return null;
    }
    Temporality t = temporality(run, m, temporality, pointKind, n);
    if (t == null) {
      return null;
    }
    boolean pass = t == Temporality.PASS;
    TranslationRun.Family f = family(run, m, kind, pass ? MetricType.UNSPECIFIED : MetricType.HISTOGRAM, pointKind,
        !pass, true, pass ? RESET_GAUGE : RESET_UNKNOWN, n);
    return f == null ? null : new HistogramFamily(f, t == Temporality.ACCUMULATE ? deltas : null);
  }

  private static boolean empty(TranslationRun run, Metric m, int points) {
    if (points > 0) {
      return false;
    }
    run.tally.warn(OtlpTranslation.Reasons.EMPTY_METRIC, "metric \"" + m.getName() + "\" has no data points");
    return true;
  }

  private enum Temporality { CUMULATIVE, PASS, ACCUMULATE }

  /** How points of this temporality are written, or null after rejecting them all (§2.0, §2.7). */
  private Temporality temporality(TranslationRun run, Metric m, AggregationTemporality t, PointKind kind, int points) {
    if (t == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE) {
      return Temporality.CUMULATIVE;
    }
    if (t == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA) {
      switch (options.delta()) {
        case PASS:
          return Temporality.PASS;
        case TO_CUMULATIVE:
          return Temporality.ACCUMULATE;
        default:
          run.tally.reject(OtlpTranslation.Reasons.DELTA_TEMPORALITY, points, "metric \"" + m.getName()
              + "\" has delta temporality, which this gateway drops; " + DELTA_HINT);
          return null;
      }
    }
    run.tally.reject(OtlpTranslation.Reasons.INVALID_TEMPORALITY, points,
        "invalid temporality and type combination for metric \"" + m.getName() + "\"");
    return null;
  }

  private TranslationRun.Family family(TranslationRun run, Metric m, MetricNamer.Kind kind, MetricType type,
      PointKind pointKind, boolean startTimestamps, boolean exemplars, int resetHint, int points) {
    String name;
    try {
      name = metricNamer.build(m.getName(), m.getUnit(), kind);
    } catch (MetricNamer.InvalidNameException e) {
      run.tally.reject(OtlpTranslation.Reasons.INVALID_NAME, points, e.getMessage());
      return null;
    }
    String unit = UnitNamer.unitWord(m.getUnit(), options.translationStrategy().escapes());
    return new TranslationRun.Family(m.getName(), name, m.getDescription(), unit, type, pointKind,
        startTimestamps, exemplars, resetHint);
  }

  private static String metadataValue(Metric m, String key) {
    for (KeyValue kv : m.getMetadataList()) {
      if (kv.getKey().equals(key)) {
        return AttributeText.of(kv.getValue());
      }
    }
    return null;
  }
}
