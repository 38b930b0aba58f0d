package io.rwgateway.translators.relabel;

import static io.rwgateway.translators.relabel.Labels.rule;
import static io.rwgateway.translators.relabel.RelabelAction.DROP;
import static io.rwgateway.translators.relabel.RelabelAction.KEEP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELDROP;
import static io.rwgateway.translators.relabel.RelabelAction.REPLACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.TestHistogram;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchRelabelerTest {
  private static final Histogram HISTOGRAM = TestHistogram.integer().build();

  /** Drops job="debug", renames env to environment, and strips __name__ from "nameless" series. */
  private static Relabeler rules() {
    return new Relabeler(List.of(
        rule(DROP, "job", "debug", null, null),
        rule(REPLACE, "env", null, "environment", null),
        rule(LABELDROP, null, "env", null, null),
        rule(REPLACE, "strip", "yes", "__name__", "")));
  }

  private static MetricBatch input() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    b.series("__name__", "http_requests_total", "job", "api", "env", "prod")
        .type(MetricType.COUNTER).help("Requests.").unit("requests")
        .sample(1000, 1.5).sample(2000, 2.5, 900)
        .exemplar(2000, 1.0, "env", "prod", "trace_id", "abc")
        .add();
    b.series("__name__", "debug_only", "job", "debug").sample(1000, 7).sample(2000, 8)
        .exemplar(1000, 3, "trace_id", "zzz").add();
    b.series("__name__", "latency", "job", "api", "strip", "yes").histogram(HISTOGRAM).add();
    b.series("__name__", "latency_native", "job", "api").type(MetricType.HISTOGRAM)
        .histogram(HISTOGRAM).add();
    return b.build();
  }

  @Test
  void returnsTheInputItselfWithoutRules() {
    MetricBatch in = input();
    BatchRelabeler.Result r = new BatchRelabeler(new Relabeler(List.of()), 100).relabel(in);
    assertThat(r.batch()).isSameAs(in);
    assertThat(r.droppedSeries()).isZero();
    assertThat(r.droppedSeriesByReason()).isEmpty();
  }

  @Test
  void relabelsSeriesAndCarriesSamplesHistogramsExemplarsAndMetadata() {
    BatchRelabeler.Result r = new BatchRelabeler(rules(), 100).relabel(input());

    MetricBatchBuilder expected = new MetricBatchBuilder();
    expected.series("__name__", "http_requests_total", "job", "api", "environment", "prod")
        .type(MetricType.COUNTER).help("Requests.").unit("requests")
        .sample(1000, 1.5).sample(2000, 2.5, 900)
        .exemplar(2000, 1.0, "env", "prod", "trace_id", "abc") // exemplar labels are not relabeled
        .add();
    expected.series("__name__", "latency_native", "job", "api").type(MetricType.HISTOGRAM)
        .histogram(HISTOGRAM).add();
    assertThat(BatchText.lines(r.batch())).containsExactlyElementsOf(BatchText.lines(expected.build()));
  }

  @Test
  void countsDropsByReasonWithTheirSamplesHistogramsAndExemplars() {
    BatchRelabeler.Result r = new BatchRelabeler(rules(), 100).relabel(input());
    assertThat(r.droppedSeries()).isEqualTo(2);
    assertThat(r.droppedSamples()).isEqualTo(2);
    assertThat(r.droppedHistograms()).isEqualTo(1);
    assertThat(r.droppedExemplars()).isEqualTo(1);
    assertThat(r.droppedSeriesByReason())
        .containsExactlyInAnyOrderEntriesOf(Map.of("relabel_drop", 1L, "relabel_no_name", 1L));
    assertThat(r.batch().series()).hasSize(2);
    assertThat(r.batch().sampleCount()).isEqualTo(2);
  }

  @Test
  void dropsSeriesLeftWithoutLabelsOrWithoutName() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    b.series("__name__", "a", "job", "x").sample(1, 1).add();
    b.series("__name__", "b", "job", "y").sample(1, 1).sample(2, 2).add();
    Relabeler dropEverything = new Relabeler(List.of(rule(LABELDROP, null, ".*", null, null)));
    BatchRelabeler.Result r = new BatchRelabeler(dropEverything, 10).relabel(b.build());
    assertThat(r.batch().series()).isEmpty();
    assertThat(r.droppedSamples()).isEqualTo(3);
    assertThat(r.droppedSeriesByReason()).isEqualTo(Map.of("relabel_no_name", 2L));
  }

  @Test
  void buildsAFreshSymbolTableWithoutStringsOfDroppedSeries() {
    BatchRelabeler.Result r = new BatchRelabeler(rules(), 100).relabel(input());
    List<String> symbols = Arrays.asList(r.batch().symbols().toArray());
    assertThat(symbols).contains("environment", "prod", "Requests.", "requests", "trace_id", "abc")
        .doesNotContain("debug_only", "debug", "zzz", "latency", "strip").doesNotHaveDuplicates();
    assertThat(symbols.get(0)).isEmpty();
  }

  @Test
  void cachesEachRuleByTheValuesItReadsNotByLabelSet() {
    // Only the replace on "strip" (regex "yes") is cached; the other rules match literal shapes
    // or the default (.*) and run directly. Its keys: strip="" (two series) and strip="yes".
    BatchRelabeler relabeler = new BatchRelabeler(rules(), 100);
    BatchRelabeler.Result first = relabeler.relabel(input());
    assertThat(relabeler.cacheMisses()).isEqualTo(2);
    assertThat(relabeler.cacheHits()).isEqualTo(1);
    assertThat(relabeler.cacheSize()).isEqualTo(2);

    BatchRelabeler.Result second = relabeler.relabel(input());
    assertThat(relabeler.cacheMisses()).isEqualTo(2);
    assertThat(relabeler.cacheHits()).isEqualTo(4);
    assertThat(BatchText.lines(second.batch())).isEqualTo(BatchText.lines(first.batch()));
    assertThat(second.droppedSeriesByReason()).isEqualTo(first.droppedSeriesByReason());
  }

  @Test
  void decidesAKeepOnTheMetricNameOncePerName() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < 300; i++) {
      b.series("__name__", "m" + (i % 3), "pod", "p" + i).sample(1, i).add();
    }
    BatchRelabeler relabeler = new BatchRelabeler(new Relabeler(List.of(rule(KEEP, "__name__", "m[01]", null, null))), 100);
    BatchRelabeler.Result r = relabeler.relabel(b.build());
    assertThat(r.batch().series()).hasSize(200);
    assertThat(relabeler.cacheMisses()).isEqualTo(3);
    assertThat(relabeler.cacheHits()).isEqualTo(297);
  }

  @Test
  void invalidateEmptiesTheCache() {
    BatchRelabeler relabeler = new BatchRelabeler(rules(), 100);
    relabeler.relabel(input());
    assertThat(relabeler.cacheSize()).isEqualTo(2);
    relabeler.invalidate();
    assertThat(relabeler.cacheSize()).isZero();
    relabeler.relabel(input());
    assertThat(relabeler.cacheMisses()).isEqualTo(4);
    assertThat(relabeler.cacheHits()).isEqualTo(2);
  }

  @Test
  void keepsEachRulesCacheBoundedAndStaysRightWhenItEvicts() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < 50; i++) {
      b.series("__name__", "m", "i", Integer.toString(i)).sample(1, i).add();
    }
    Relabeler lastDigit = new Relabeler(List.of(rule(REPLACE, "i", "[0-9]*([0-9])", "digit", "$1")));
    BatchRelabeler relabeler = new BatchRelabeler(lastDigit, 10);
    for (int pass = 0; pass < 2; pass++) {
      BatchRelabeler.Result r = relabeler.relabel(b.build());
      assertThat(r.batch().series()).hasSize(50);
      assertThat(BatchText.lines(r.batch()).get(47)).isEqualTo("{__name__=\"m\", digit=\"7\", i=\"47\"} 47.0@1");
      assertThat(relabeler.cacheSize()).isLessThanOrEqualTo(10);
    }
    assertThat(relabeler.cacheMisses()).isEqualTo(100);
  }

  @Test
  void keepsSeriesThatMapToTheSameLabelsApartAsPrometheusDoes() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    b.series("__name__", "m", "pod", "a").sample(1, 1).add();
    b.series("__name__", "m", "pod", "b").sample(1, 2).add();
    Relabeler dropPod = new Relabeler(List.of(rule(LABELDROP, null, "pod", null, null)));
    BatchRelabeler.Result r = new BatchRelabeler(dropPod, 10).relabel(b.build());
    assertThat(BatchText.lines(r.batch())).containsExactly("{__name__=\"m\"} 1.0@1", "{__name__=\"m\"} 2.0@1");
  }
}
