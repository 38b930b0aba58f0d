package io.rwgateway.loadtest.workload;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;

/**
 * The OTLP twin of {@link RequestGenerator}: the same shard, rounds and values ({@link UnitValues}),
 * encoded as OTLP/HTTP protobuf {@code ExportMetricsServiceRequest}s. A unit becomes one data point:
 * counter -> monotonic cumulative Sum, gauge -> Gauge, classic histogram -> cumulative Histogram
 * (explicit bounds), native histogram -> cumulative ExponentialHistogram (scale = schema),
 * summary -> Summary. Resource attributes come from the target labels ({@code service.name} = job,
 * {@code service.instance.id} = instance), data point attributes are the other labels.
 *
 * <p>Samples are counted as Prometheus would after translation, so rates compare across protocols:
 * a counter or gauge point is 1 float sample, a histogram point its buckets (with +Inf) + _sum +
 * _count, a summary point its quantiles + _sum + _count, an exponential histogram point 1 native
 * histogram sample. A request holds whole units only, at most {@code samplesPerRequest} samples
 * (or one unit when a single unit is more). Not thread-safe: one generator thread per shard.
 */
public final class OtlpRequestGenerator implements PayloadSource {
  /** Target labels of a Kubernetes scrape and the resource attributes they come from. */
  private static final String[][] K8S_ATTRIBUTES = {
      {"namespace", "k8s.namespace.name"}, {"pod", "k8s.pod.name"}, {"container", "k8s.container.name"}};
  private final Map<String[], double[]> bounds = new IdentityHashMap<>();
  private static final double[] QUANTILES = quantiles();

  private final WorkloadSpec spec;
  private final SeriesSet set;
  private final boolean gzip;
  private final LongSupplier clock;
  private final long startMillis;
  private final Map<String, Resource> resources = new HashMap<>();
  private final List<KeyValue>[] attributes;
  private final int[] attributeGenerations;
  private long round = -1;
  private long roundTimestamp;
  private int nextUnit;

  /** @param gzip gzip the body ({@code Content-Encoding: gzip}); identity otherwise */
  @SuppressWarnings("unchecked")
  public OtlpRequestGenerator(WorkloadSpec spec, SeriesSet set, boolean gzip, LongSupplier clock) {
    this.spec = spec;
    this.set = set;
    this.gzip = gzip;
    this.clock = clock;
    this.startMillis = clock.getAsLong();
    this.nextUnit = set.size();
    this.attributes = new List[set.size()];
    this.attributeGenerations = new int[set.size()];
  }

  @Override
  public SeriesSet seriesSet() {
    return set;
  }

  @Override
  public Payload next() {
    if (set.size() == 0) {
      return null;
    }
    if (nextUnit >= set.size()) {
      startRound();
    }
    OtlpRequestBuilder b = new OtlpRequestBuilder();
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    int points = 0;
    while (nextUnit < set.size()) {
      SeriesKind kind = set.kind(nextUnit);
      int cost = kind == SeriesKind.NATIVE ? 1 : kind.seriesPerUnit();
      if (points > 0 && samples + histograms + cost > spec.samplesPerRequest()) {
        break;
      }
      exemplars += addPoint(b, nextUnit, kind);
      if (kind == SeriesKind.NATIVE) {
        histograms++;
      } else {
        samples += cost;
      }
      points++;
      nextUnit++;
    }
    byte[] raw = b.build().toByteArray();
    return new Payload(gzip ? gzip(raw) : raw, raw.length, samples, histograms, exemplars, 0, points);
  }

  private void startRound() {
    round++;
    long now = clock.getAsLong();
    roundTimestamp = round == 0 ? now : Math.max(now, roundTimestamp + 1);
    set.advanceTo(now - startMillis);
    nextUnit = 0;
  }

  private int addPoint(OtlpRequestBuilder b, int i, SeriesKind kind) {
    String[] labels = set.labels(i, 0);
    Metric.Builder m = b.metric(resource(labels), set.familyName(i), kind,
        spec.metadata() ? set.help(i) : null);
    int u = set.unit(i);
    long r = UnitValues.round(spec, kind, round, u);
    long time = roundTimestamp * 1_000_000L;
    long start = startMillis * 1_000_000L;
    List<KeyValue> attrs = attributes(i);
    int exemplars = 0;
    switch (kind) {
      case COUNTER -> {
        NumberDataPoint.Builder p = NumberDataPoint.newBuilder().addAllAttributes(attrs)
            .setStartTimeUnixNano(start).setTimeUnixNano(time).setAsDouble(UnitValues.counter(r, u));
        exemplars = addExemplars(u, 0, 1, time, p::addExemplars);
        m.getSumBuilder().addDataPoints(p);
      }
      case GAUGE -> m.getGaugeBuilder().addDataPoints(NumberDataPoint.newBuilder().addAllAttributes(attrs)
          .setTimeUnixNano(time).setAsDouble(UnitValues.gauge(spec, r, u)));
      case HISTOGRAM -> {
        long count = UnitValues.observations(r);
        HistogramDataPoint.Builder p = HistogramDataPoint.newBuilder().addAllAttributes(attrs)
            .setStartTimeUnixNano(start).setTimeUnixNano(time).setCount(count)
            .setSum(UnitValues.observationSum(count));
        long below = 0;
        for (int k = 0; k < ClassicBuckets.BOUNDS.length; k++) {
          long cumulative = UnitValues.cumulativeBucket(count, k);
          p.addBucketCounts(cumulative - below);
          below = cumulative;
        }
        for (double bound : finiteBounds(set.bounds(i))) {
          p.addExplicitBounds(bound);
        }
        exemplars = addExemplars(u, 0, ClassicBuckets.BOUNDS.length, time, p::addExemplars);
        m.getHistogramBuilder().addDataPoints(p);
      }
      case NATIVE -> {
        long count = UnitValues.nativeCount(r);
        ExponentialHistogramDataPoint.Buckets.Builder positive = ExponentialHistogramDataPoint.Buckets.newBuilder()
            // Prometheus bucket i is (base^(i-1), base^i], OTLP bucket k is (base^k, base^(k+1)]: k = i - 1.
            .setOffset(-1);
        for (int k = 0; k < UnitValues.NATIVE_BUCKETS; k++) {
          positive.addBucketCounts(UnitValues.nativePerBucket(r));
        }
        m.getExponentialHistogramBuilder().addDataPoints(ExponentialHistogramDataPoint.newBuilder()
            .addAllAttributes(attrs).setStartTimeUnixNano(start).setTimeUnixNano(time).setCount(count)
            .setSum(UnitValues.nativeSum(count)).setScale(UnitValues.NATIVE_SCHEMA)
            .setZeroCount(UnitValues.NATIVE_ZERO_COUNT).setZeroThreshold(UnitValues.NATIVE_ZERO_THRESHOLD)
            .setPositive(positive));
      }
      case SUMMARY -> {
        long count = UnitValues.observations(r);
        SummaryDataPoint.Builder p = SummaryDataPoint.newBuilder().addAllAttributes(attrs)
            .setStartTimeUnixNano(start).setTimeUnixNano(time).setCount(count)
            .setSum(UnitValues.observationSum(count));
        for (int q = 0; q < QUANTILES.length; q++) {
          p.addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder()
              .setQuantile(QUANTILES[q]).setValue(UnitValues.quantile(spec, r, q)));
        }
        m.getSummaryBuilder().addDataPoints(p);
      }
    }
    return exemplars;
  }

  /**
   * Exemplars of members {@code first..end-1} (the counter, or the _bucket series), chosen as the
   * RW generator chooses them, so both protocols carry as many.
   */
  private int addExemplars(int u, int first, int end, long time, Consumer<Exemplar> sink) {
    int n = 0;
    for (int member = first; member < end; member++) {
      if (UnitValues.wantsExemplar(spec, u, member, round)) {
        sink.accept(Exemplar.newBuilder().setTimeUnixNano(time).setAsDouble(UnitValues.EXEMPLAR_VALUE)
            .setTraceId(traceId(UnitValues.traceId(u, member, round))).build());
        n++;
      }
    }
    return n;
  }

  /** OTLP trace ids are 16 bytes: the 64-bit hex id in the low half. */
  private static ByteString traceId(String hex) {
    byte[] id = new byte[16];
    for (int k = 0; k < 8; k++) {
      id[8 + k] = (byte) Integer.parseInt(hex, 2 * k, 2 * k + 2, 16);
    }
    return ByteString.copyFrom(id);
  }

  private Resource resource(String[] labels) {
    String job = value(labels, "job");
    String instance = value(labels, "instance");
    return resources.computeIfAbsent(job + "\n" + instance, k -> {
      Resource.Builder r = Resource.newBuilder()
          .addAttributes(attribute("service.name", job))
          .addAttributes(attribute("service.instance.id", instance));
      for (String[] kv : K8S_ATTRIBUTES) {
        String v = value(labels, kv[0]);
        if (!v.isEmpty()) {
          r.addAttributes(attribute(kv[1], v));
        }
      }
      return r.build();
    });
  }

  /** The unit's labels but the name and the target ones, rebuilt when churn gave it a new generation. */
  private List<KeyValue> attributes(int i) {
    if (attributes[i] == null || attributeGenerations[i] != set.generation(i)) {
      String[] labels = set.labels(i, 0);
      List<KeyValue> out = new ArrayList<>(labels.length / 2);
      for (int k = 0; k < labels.length; k += 2) {
        switch (labels[k]) {
          case "__name__", "job", "instance", "le", "quantile", "namespace", "pod", "container" -> { }
          default -> out.add(attribute(labels[k], labels[k + 1]));
        }
      }
      attributes[i] = List.copyOf(out);
      attributeGenerations[i] = set.generation(i);
    }
    return attributes[i];
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static String value(String[] labels, String name) {
    for (int k = 0; k < labels.length; k += 2) {
      if (labels[k].equals(name)) {
        return labels[k + 1];
      }
    }
    return "";
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gzip OTLP request: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The finite bounds of a bucket layout (its {@code le} values but +Inf), parsed once per layout. */
  private double[] finiteBounds(String[] le) {
    return bounds.computeIfAbsent(le, x -> {
      double[] b = new double[x.length - 1];
      for (int k = 0; k < b.length; k++) {
        b[k] = Double.parseDouble(x[k]);
      }
      return b;
    });
  }

  private static double[] quantiles() {
    double[] q = new double[ClassicBuckets.QUANTILES.length];
    for (int k = 0; k < q.length; k++) {
      q[k] = Double.parseDouble(ClassicBuckets.QUANTILES[k]);
    }
    return q;
  }
}
