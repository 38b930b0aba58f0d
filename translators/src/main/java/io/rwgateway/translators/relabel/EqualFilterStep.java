package io.rwgateway.translators.relabel;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code keepequal} and {@code dropequal} (Prometheus 2.41+): the series stays when the joined
 * source values equal the value of {@code target_label} (keepequal) or differ from it
 * (dropequal). One string comparison: nothing to cache.
 */
final class EqualFilterStep extends PlanStep {
  private final SourceValues sources;
  private final String target;
  private final boolean keepEqual;

  EqualFilterStep(RelabelRule rule, int index) {
    super(rule, index);
    this.sources = new SourceValues(rule);
    this.target = rule.targetLabel();
    this.keepEqual = rule.action() == RelabelAction.KEEPEQUAL;
  }

  @Override
  List<String> readsValuesOf() {
    List<String> reads = new ArrayList<>(sources.names());
    reads.add(target);
    return reads;
  }

  @Override
  Cache cache() {
    return Cache.NONE;
  }

  @Override
  boolean apply(WorkingLabels labels, PlanScratch scratch) {
    return labels.get(target).equals(sources.value(labels)) == keepEqual;
  }
}
