package io.rwgateway.translators.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.rwgateway.translators.model.Histogram;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the translation that must hold for any input (jqwik). */
class TranslationPropertiesTest {
  private static final Pattern LEGACY_METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /**
   * Every OTLP bucket's count lands in the Prometheus bucket whose range holds the OTLP bucket's
   * range (otlp.md §2.5), whatever the scale, offset and down-scaling: Prometheus bucket j of schema
   * s covers (2^((j-1)/2^s), 2^(j/2^s)], so it must hold exactly the OTLP buckets idx of scale c with
   * (j-1)·2^(c-s) ≤ idx < j·2^(c-s). Checked by decoding the spans and deltas back.
   */
  @Property(tries = 300)
  void exponentialBucketsLandInTheNativeBucketCoveringThem(@ForAll @IntRange(min = -4, max = 20) int scale,
      @ForAll @IntRange(min = -300, max = 300) int offset,
      @ForAll @Size(max = 60) List<@LongRange(min = 0, max = 1000) Long> counts) {
    ExponentialHistogramDataPoint.Buckets.Builder b = ExponentialHistogramDataPoint.Buckets.newBuilder()
        .setOffset(offset).addAllBucketCounts(counts);
    long total = counts.stream().mapToLong(Long::longValue).sum();
    Metric m = Metric.newBuilder().setName("e").setExponentialHistogram(ExponentialHistogram.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
        .addDataPoints(ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(Otlp.T0_NS).setScale(scale)
            .setCount(total).setSum(1).setPositive(b))).build();
    Histogram h = Otlp.histogram(Otlp.translate(Otlp.request(m)).batch(), "e");
    int schema = Math.min(scale, 8);
    assertThat(h.schema()).isEqualTo(schema);
    TreeMap<Long, Long> decoded = decode(h.positiveSpans(), h.positiveDeltas());
    long factor = 1L << (scale - schema);
    long seen = 0;
    for (var e : decoded.entrySet()) {
      long j = e.getKey();
      long expected = 0;
      for (int i = 0; i < counts.size(); i++) {
        long idx = offset + i;
        if ((j - 1) * factor <= idx && idx < j * factor) {
          expected += counts.get(i);
        }
      }
      assertThat(e.getValue()).as("bucket %d", j).isEqualTo(expected).isPositive();
      seen += e.getValue();
    }
    assertThat(seen).isEqualTo(total);
  }

  private static TreeMap<Long, Long> decode(int[] spans, long[] deltas) {
    TreeMap<Long, Long> out = new TreeMap<>();
    long index = 0;
    long count = 0;
    int d = 0;
    for (int s = 0; s < spans.length; s += 2) {
      assertThat(spans[s + 1]).isPositive();
      if (s > 0) {
        assertThat(spans[s]).isPositive(); // a span after the first starts after a gap
      }
      index += spans[s];
      for (int k = 0; k < spans[s + 1]; k++) {
        count += deltas[d++];
        out.put(index, count);
        index++;
      }
    }
    assertThat(d).isEqualTo(deltas.length);
    return out;
  }

  /** {@code le} text reads back as the same double and never uses exponent form (otlp.md §2.3). */
  @Property(tries = 2000)
  void leTextRoundTripsWithoutExponent(@ForAll double bound) {
    if (Double.isNaN(bound) || Double.isInfinite(bound)) {
      return;
    }
    String text = NumberText.plain(bound);
    assertThat(text).doesNotContain("E").doesNotContain("e");
    assertThat(Double.parseDouble(text)).isEqualTo(bound);
  }

  /** Under the default strategy a metric name is a legacy Prometheus name, or the metric is dropped. */
  @Property(tries = 1000)
  void defaultStrategyNamesAreLegacyValidOrRejected(@ForAll @StringLength(max = 30) String name,
      @ForAll @StringLength(max = 8) String unit, @ForAll MetricNamer.Kind kind) {
    try {
      String out = new MetricNamer(TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES).build(name, unit, kind);
      assertThat(out).matches(LEGACY_METRIC_NAME);
    } catch (MetricNamer.InvalidNameException e) {
      assertThat(name.chars().noneMatch(c -> Character.isLetterOrDigit(c) && c < 128)).isTrue();
    }
  }

  /** Label names under the escaping strategies are legacy-valid, or the attribute is refused. */
  @Property(tries = 1000)
  void escapedLabelNamesAreLegacyValidOrRefused(@ForAll @StringLength(max = 20) String key) {
    try {
      assertThat(new LabelNamer(true, true, true).build(key)).matches("[a-zA-Z_][a-zA-Z0-9_]*");
    } catch (LabelNamer.InvalidLabelException e) {
      assertThat(key.chars().noneMatch(c -> Character.isLetterOrDigit(c) && c < 128)).isTrue();
    }
  }
}
