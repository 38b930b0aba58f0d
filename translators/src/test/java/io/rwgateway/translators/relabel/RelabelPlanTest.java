package io.rwgateway.translators.relabel;

import static io.rwgateway.translators.relabel.Labels.rule;
import static io.rwgateway.translators.relabel.RelabelAction.DROP;
import static io.rwgateway.translators.relabel.RelabelAction.HASHMOD;
import static io.rwgateway.translators.relabel.RelabelAction.KEEP;
import static io.rwgateway.translators.relabel.RelabelAction.KEEPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.LABELDROP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELMAP;
import static io.rwgateway.translators.relabel.RelabelAction.LOWERCASE;
import static io.rwgateway.translators.relabel.RelabelAction.REPLACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelabelPlanTest {
  private static MetricBatch batch(String[]... labelSets) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (String[] labels : labelSets) {
      b.series(labels).sample(1, 1).add();
    }
    return b.build();
  }

  /** The outputs as pairs (null for a dropped series) and the scratch's counts. */
  private record Run(String[][] out, long hits, long misses) {}

  /** Runs every series of {@code batch} through {@code plan}, as one batch. */
  private static Run run(RelabelPlan plan, MetricBatch batch) {
    PlanScratch scratch = plan.scratch(batch.symbols().size());
    String[][] out = new String[batch.series().size()][];
    WorkingLabels labels = new WorkingLabels();
    for (int i = 0; i < out.length; i++) {
      labels.load(batch.series().get(i).labelRefs(), batch.symbols());
      out[i] = plan.run(labels, scratch) ? labels.toPairs() : null;
    }
    return new Run(out, scratch.hits, scratch.misses);
  }

  @Test
  void describesWhatEachRuleReadsWritesAndCachesBy() {
    RelabelPlan plan = RelabelPlan.compile(List.of(
        rule(KEEP, "__name__", "node_[a-z]+", null, null),
        rule(DROP, "__name__", "go_.*", null, null),
        rule(REPLACE, "instance,job", "(.+):\\d+;(.*)", "host", "$1"),
        rule(LABELDROP, null, "tmp_[0-9]+", null, null),
        rule(LABELMAP, null, "__meta_(.*)", null, "$1"),
        rule(KEEPEQUAL, "a", null, "b", null),
        RelabelRule.of(HASHMOD, List.of("series_id"), null, "shard", null, 16L, null),
        rule(LOWERCASE, "a", null, "${1}", null)), 100);
    assertThat(plan.describe()).containsExactly(
        "1. keep reads values of [__name__], cached per tuple of values read",
        "2. drop reads values of [__name__], cached per nothing (evaluated per distinct value in a batch)",
        "3. replace reads values of [instance, job], writes host, cached per tuple of values read",
        "4. labeldrop reads label names, writes label names, cached per label name",
        "5. labelmap reads label names, writes label names, cached per label name",
        "6. keepequal reads values of [a, b], cached per nothing (evaluated per distinct value in a batch)",
        "7. hashmod reads values of [series_id], writes shard, cached per nothing (evaluated per distinct value in a batch)",
        "8. lowercase reads values of [a], writes ${1}, cached per nothing (evaluated per distinct value in a batch)");
  }

  @Test
  void aKeepOnTheMetricNameIsDecidedOncePerName() {
    RelabelPlan plan = RelabelPlan.compile(List.of(rule(KEEP, "__name__", "node_[a-z]+", null, null)), 100);
    Run run = run(plan, batch(
        Labels.of("__name__", "node_load", "pod", "a"),
        Labels.of("__name__", "node_load", "pod", "b"),
        Labels.of("__name__", "go_gc", "pod", "a"),
        Labels.of("__name__", "go_gc", "pod", "b"),
        Labels.of("__name__", "node_load", "pod", "c")));
    String[][] out = run.out();
    assertThat(out[0]).isNotNull();
    assertThat(out[2]).isNull();
    assertThat(out[4]).isNotNull();
    assertThat(run.misses()).isEqualTo(2);
    assertThat(run.hits()).isEqualTo(3);
  }

  @Test
  void aLabeldropIsDecidedOncePerLabelName() {
    RelabelPlan plan = RelabelPlan.compile(List.of(rule(LABELDROP, null, "tmp_[0-9]+", null, null)), 100);
    Run run = run(plan, batch(
        Labels.of("__name__", "m", "tmp_1", "x", "job", "a"),
        Labels.of("__name__", "n", "tmp_1", "y", "job", "b"),
        Labels.of("__name__", "o", "tmp_2", "z", "job", "c")));
    String[][] out = run.out();
    assertThat(out[0]).containsExactly("__name__", "m", "job", "a");
    assertThat(out[2]).containsExactly("__name__", "o", "job", "c");
    // names: __name__, job, tmp_1, tmp_2
    assertThat(run.misses()).isEqualTo(4);
    assertThat(run.hits()).isEqualTo(5);
  }

  @Test
  void aRuleReadsTheValueAnEarlierRuleWrote() {
    // Both series have the same "kind" once the replace has run, and different before: the
    // keep must be keyed by the value at its turn, not by the input's.
    RelabelPlan plan = RelabelPlan.compile(List.of(
        rule(REPLACE, "src", "([a-z]+)-.*", "kind", "$1"),
        rule(KEEP, "kind", "ap[i]", null, null)), 100);
    Run run = run(plan, batch(
        Labels.of("__name__", "m", "src", "api-1", "kind", "web"),
        Labels.of("__name__", "m", "src", "api-2", "kind", "db"),
        Labels.of("__name__", "m", "src", "web-1", "kind", "api")));
    String[][] out = run.out();
    assertThat(out[0]).containsExactly("__name__", "m", "kind", "api", "src", "api-1");
    assertThat(out[1]).containsExactly("__name__", "m", "kind", "api", "src", "api-2");
    assertThat(out[2]).isNull();
  }

  @Test
  void cachesAreBoundedPerRuleAndClearTogether() {
    RelabelPlan plan = RelabelPlan.compile(List.of(
        rule(REPLACE, "i", "([0-9]+)", "j", "$1"),
        rule(KEEP, "i", "[0-9]+", null, null)), 3);
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < 20; i++) {
      b.series("__name__", "m", "i", Integer.toString(i)).sample(1, 1).add();
    }
    run(plan, b.build());
    assertThat(plan.cacheSize()).isEqualTo(6);
    plan.clearCaches();
    assertThat(plan.cacheSize()).isZero();
  }
}
