package io.rwgateway.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class OtlpRequestGeneratorTest {
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

  private OtlpRequestGenerator otlp(WorkloadSpec spec, boolean gzip) {
    return new OtlpRequestGenerator(spec, new SeriesSet(spec, new TypeLayout(spec.series(), spec.mix()), 0, 1), gzip, clock::get);
  }

  /** A whole round in one request (samples per request above the series count). */
  private static ExportMetricsServiceRequest round(OtlpRequestGenerator g) throws Exception {
    Payload p = g.next();
    assertThat(p.points()).as("one request per round").isEqualTo(g.seriesSet().seriesCount());
    return ExportMetricsServiceRequest.parseFrom(p.body());
  }

  /** Every metric of a request with the resource it came under. */
  private static List<Map.Entry<ResourceMetrics, Metric>> metrics(ExportMetricsServiceRequest r) {
    List<Map.Entry<ResourceMetrics, Metric>> out = new ArrayList<>();
    for (ResourceMetrics rm : r.getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          out.add(Map.entry(rm, m));
        }
      }
    }
    return out;
  }

  private static Map<String, String> attrs(List<KeyValue> kvs) {
    Map<String, String> m = new HashMap<>();
    for (KeyValue kv : kvs) {
      m.put(kv.getKey(), kv.getValue().getStringValue());
    }
    return m;
  }

  @Test
  void mapsEveryKindToItsOtlpTypeAsCumulativeData() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(1000).withLabelShape(LabelShape.SYNTHETIC);
    ExportMetricsServiceRequest r = round(otlp(spec, false));
    Map<Metric.DataCase, Integer> points = new EnumMap<>(Metric.DataCase.class);
    for (Map.Entry<ResourceMetrics, Metric> e : metrics(r)) {
      Metric m = e.getValue();
      AggregationTemporality cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
      int n = switch (m.getDataCase()) {
        case SUM -> {
          assertThat(m.getSum().getIsMonotonic()).isTrue();
          assertThat(m.getSum().getAggregationTemporality()).isEqualTo(cumulative);
          assertThat(m.getName()).startsWith("rwlt_counter_");
          yield m.getSum().getDataPointsCount();
        }
        case GAUGE -> m.getGauge().getDataPointsCount();
        case HISTOGRAM -> {
          assertThat(m.getHistogram().getAggregationTemporality()).isEqualTo(cumulative);
          for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
            assertThat(p.getExplicitBoundsList()).containsExactly(0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0);
            assertThat(p.getBucketCountsCount()).isEqualTo(8);
            assertThat(p.getBucketCountsList().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.getCount());
          }
          yield m.getHistogram().getDataPointsCount();
        }
        case EXPONENTIAL_HISTOGRAM -> {
          assertThat(m.getExponentialHistogram().getAggregationTemporality()).isEqualTo(cumulative);
          for (ExponentialHistogramDataPoint p : m.getExponentialHistogram().getDataPointsList()) {
            assertThat(p.getScale()).isEqualTo(3);
            long buckets = p.getPositive().getBucketCountsList().stream().mapToLong(Long::longValue).sum();
            assertThat(buckets + p.getZeroCount()).isEqualTo(p.getCount());
          }
          yield m.getExponentialHistogram().getDataPointsCount();
        }
        case SUMMARY -> {
          for (SummaryDataPoint p : m.getSummary().getDataPointsList()) {
            assertThat(p.getQuantileValuesList()).extracting(SummaryDataPoint.ValueAtQuantile::getQuantile)
                .containsExactly(0.5, 0.9, 0.99);
          }
          yield m.getSummary().getDataPointsCount();
        }
        default -> throw new AssertionError("unexpected data " + m.getDataCase());
      };
      points.merge(m.getDataCase(), n, Integer::sum);
    }
    // Default mix of 1000 series: 400 counters, 400 gauges, 10 histograms (100 series), 50 natives, 10 summaries (50 series).
    assertThat(points).containsEntry(Metric.DataCase.SUM, 400).containsEntry(Metric.DataCase.GAUGE, 400)
        .containsEntry(Metric.DataCase.HISTOGRAM, 10).containsEntry(Metric.DataCase.EXPONENTIAL_HISTOGRAM, 50)
        .containsEntry(Metric.DataCase.SUMMARY, 10);
  }

  @Test
  void targetLabelsBecomeTheResourceAndTheOtherLabelsPointAttributes() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(200).withLabelShape(LabelShape.SYNTHETIC).withLabels(2, 10);
    ExportMetricsServiceRequest r = round(otlp(spec, false));
    // --targets 10: one resource per instance.
    assertThat(r.getResourceMetricsCount()).isEqualTo(10);
    for (Map.Entry<ResourceMetrics, Metric> e : metrics(r)) {
      Map<String, String> resource = attrs(e.getKey().getResource().getAttributesList());
      assertThat(resource).containsOnlyKeys("service.name", "service.instance.id").containsEntry("service.name", "rwlt");
      assertThat(resource.get("service.instance.id")).matches("target-\\d+:9100");
      List<KeyValue> pointAttrs = switch (e.getValue().getDataCase()) {
        case SUM -> e.getValue().getSum().getDataPoints(0).getAttributesList();
        case GAUGE -> e.getValue().getGauge().getDataPoints(0).getAttributesList();
        case HISTOGRAM -> e.getValue().getHistogram().getDataPoints(0).getAttributesList();
        case EXPONENTIAL_HISTOGRAM -> e.getValue().getExponentialHistogram().getDataPoints(0).getAttributesList();
        case SUMMARY -> e.getValue().getSummary().getDataPoints(0).getAttributesList();
        default -> throw new AssertionError();
      };
      assertThat(attrs(pointAttrs)).containsOnlyKeys("series_id", "label_0", "label_1");
    }
  }

  @Test
  void carriesTheSameValuesAsTheRemoteWriteWorkload() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(1000).withLabelShape(LabelShape.SYNTHETIC).withRequests(5000, 30, false);
    SeriesSet rwSet = new SeriesSet(spec, new TypeLayout(1000, spec.mix()), 0, 1);
    Payload rw = new RequestGenerator(spec, rwSet, new Rw2Encoder(), false, clock::get).next();
    byte[] raw = SnappyBlock.uncompress(rw.body(), 0, rw.body().length, 1 << 26);
    MetricBatch b = new Rw2Decoder(DecodeLimits.DEFAULTS).decode(raw, 0, raw.length).batch();
    Map<String, Series> rwSeries = new HashMap<>();
    for (Series s : b.series()) {
      String le = b.labelValue(s, "le");
      String q = b.labelValue(s, "quantile");
      rwSeries.put(b.labelValue(s, "__name__") + "|" + b.labelValue(s, "series_id") + "|" + (le != null ? le : q != null ? q : ""), s);
    }
    OtlpRequestGenerator g = otlp(spec, false);
    ExportMetricsServiceRequest r = round(g);
    int compared = 0;
    long exemplars = 0;
    for (Map.Entry<ResourceMetrics, Metric> e : metrics(r)) {
      Metric m = e.getValue();
      String name = m.getName();
      switch (m.getDataCase()) {
        case SUM -> {
          for (NumberDataPoint p : m.getSum().getDataPointsList()) {
            Series s = rwSeries.get(name + "_total|" + id(p.getAttributesList()) + "|");
            assertThat(p.getAsDouble()).isEqualTo(s.value(0));
            assertThat(p.getTimeUnixNano()).isEqualTo(s.timestamp(0) * 1_000_000L);
            assertThat(p.getExemplarsCount()).isEqualTo(s.exemplars().size());
            exemplars += p.getExemplarsCount();
            compared++;
          }
        }
        case GAUGE -> {
          for (NumberDataPoint p : m.getGauge().getDataPointsList()) {
            assertThat(p.getAsDouble()).isEqualTo(rwSeries.get(name + "|" + id(p.getAttributesList()) + "|").value(0));
            compared++;
          }
        }
        case HISTOGRAM -> {
          for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
            String id = id(p.getAttributesList());
            long cumulative = 0;
            for (int k = 0; k < 8; k++) {
              cumulative += p.getBucketCounts(k);
              String le = k < 7 ? ClassicBuckets.BOUNDS[k] : "+Inf";
              Series bucket = rwSeries.get(name + "_bucket|" + id + "|" + le);
              assertThat((double) cumulative).as("le=%s", le).isEqualTo(bucket.value(0));
              exemplars -= bucket.exemplars().size();
            }
            exemplars += p.getExemplarsCount();
            assertThat(p.getSum()).isEqualTo(rwSeries.get(name + "_sum|" + id + "|").value(0));
            assertThat((double) p.getCount()).isEqualTo(rwSeries.get(name + "_count|" + id + "|").value(0));
            compared++;
          }
        }
        case EXPONENTIAL_HISTOGRAM -> {
          for (ExponentialHistogramDataPoint p : m.getExponentialHistogram().getDataPointsList()) {
            Histogram h = rwSeries.get(name + "|" + id(p.getAttributesList()) + "|").histograms().get(0);
            assertThat(p.getScale()).isEqualTo(h.schema());
            assertThat(p.getCount()).isEqualTo(h.countInt());
            assertThat(p.getZeroCount()).isEqualTo(h.zeroCountInt());
            assertThat(p.getSum()).isEqualTo(h.sum());
            // RW spans {0, 4}, deltas {n, 0, 0, 0}: buckets 0..3 of n each; OTLP index = Prometheus index - 1.
            assertThat(h.positiveSpans()).containsExactly(0, 4);
            assertThat(p.getPositive().getOffset()).isEqualTo(h.positiveSpans()[0] - 1);
            long n = h.positiveDeltas()[0];
            assertThat(p.getPositive().getBucketCountsList()).containsExactly(n, n, n, n);
            compared++;
          }
        }
        case SUMMARY -> {
          for (SummaryDataPoint p : m.getSummary().getDataPointsList()) {
            String id = id(p.getAttributesList());
            for (SummaryDataPoint.ValueAtQuantile q : p.getQuantileValuesList()) {
              String quantile = q.getQuantile() == 0.5 ? "0.5" : q.getQuantile() == 0.9 ? "0.9" : "0.99";
              assertThat(q.getValue()).isEqualTo(rwSeries.get(name + "|" + id + "|" + quantile).value(0));
            }
            assertThat(p.getSum()).isEqualTo(rwSeries.get(name + "_sum|" + id + "|").value(0));
            assertThat((double) p.getCount()).isEqualTo(rwSeries.get(name + "_count|" + id + "|").value(0));
            compared++;
          }
        }
        default -> throw new AssertionError();
      }
    }
    assertThat(compared).isEqualTo(400 + 400 + 10 + 50 + 10);
    // Counter exemplars matched one by one; histogram points carry as many as their _bucket series.
    assertThat(exemplars).isEqualTo(b.series().stream().filter(s -> b.labelValue(s, "__name__").endsWith("_total"))
        .mapToLong(s -> s.exemplars().size()).sum()).isPositive();
  }

  @Test
  void requestsHoldWholeUnitsUpToSamplesPerRequestCountedAsPrometheusSamples() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(1000).withLabelShape(LabelShape.SYNTHETIC).withRequests(300, 20, false);
    OtlpRequestGenerator g = otlp(spec, true);
    long samples = 0;
    long histograms = 0;
    long points = 0;
    long exemplars = 0;
    while (samples + histograms < 1000) {
      Payload p = g.next();
      assertThat(p.points()).isLessThanOrEqualTo(300);
      byte[] raw;
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(p.body()))) {
        raw = in.readAllBytes();
      }
      assertThat(raw).hasSize(p.uncompressedBytes());
      ExportMetricsServiceRequest r = ExportMetricsServiceRequest.parseFrom(raw);
      assertThat(r.getResourceMetricsCount()).isPositive();
      samples += p.samples();
      histograms += p.histograms();
      points += p.series();
      exemplars += p.exemplars();
    }
    // A round is exactly the --series count, as with RW: 950 float samples, 50 native histograms, 870 points.
    assertThat(samples).isEqualTo(950);
    assertThat(histograms).isEqualTo(50);
    assertThat(points).isEqualTo(870);
    SeriesSet rwSet = new SeriesSet(spec, new TypeLayout(1000, spec.mix()), 0, 1);
    RequestGenerator rw = new RequestGenerator(spec, rwSet, new Rw2Encoder(), false, clock::get);
    long rwExemplars = 0;
    for (long n = 0; n < 1000; ) {
      Payload p = rw.next();
      n += p.points();
      rwExemplars += p.exemplars();
    }
    assertThat(exemplars).isEqualTo(rwExemplars).isPositive();
  }

  private static String id(List<KeyValue> attributes) {
    return attrs(attributes).get("series_id");
  }
}
