package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import java.util.List;

/**
 * Test helper: runs label sets through a {@link RelabelPlan} the way {@link BatchRelabeler} does
 * (labels loaded from a batch's symbol table), so example tests written for the plain
 * {@link Relabeler} can check that the plan agrees with it.
 */
final class PlanRuns {
  private PlanRuns() {}

  /**
   * The plan's output for {@code labels} (pairs, any order), or null when a rule drops the series.
   * Runs twice through the same plan, cold and then from its caches, and checks both agree.
   */
  static String[] apply(List<RelabelRule> rules, String[] labels) {
    RelabelPlan plan = RelabelPlan.compile(rules, 16);
    String[] cold = once(plan, labels);
    String[] warm = once(plan, labels);
    assertThat(warm).as("from the caches").isEqualTo(cold);
    return cold;
  }

  private static String[] once(RelabelPlan plan, String[] labels) {
    MetricBatch batch = new MetricBatchBuilder().series(labels).sample(1, 1).add().build();
    WorkingLabels working = new WorkingLabels();
    working.load(batch.series().get(0).labelRefs(), batch.symbols());
    return plan.run(working, plan.scratch(batch.symbols().size())) ? working.toPairs() : null;
  }

  /** The plain relabeler's output, after checking that the plan gives the same. */
  static String[] applyBoth(List<RelabelRule> rules, String[] labels) {
    String[] plain = new Relabeler(rules).apply(labels);
    assertThat(apply(rules, labels)).as("plan for " + rules).isEqualTo(plain);
    return plain;
  }
}
