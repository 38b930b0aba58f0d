package io.rwgateway.translators.relabel;

import java.util.List;

/**
 * One rule of a {@link RelabelPlan}: what it reads, what it writes, how its result is cached, and
 * how it is applied to the labels as the previous rules left them. Every Prometheus 2.42 action
 * is a pure function of what it reads (the regex, templates and modulus are fixed per rule), which
 * is what makes a cache keyed by the read values exact.
 */
abstract class PlanStep {
  /** How a step's result is cached. */
  enum Cache {
    /**
     * No shared cache: cheaper to evaluate than to look up, or unique per series in practice
     * (within a batch, results are still remembered per input ref, {@link PlanScratch}).
     */
    NONE,
    /** One entry per distinct tuple of the values read ({@link SourceValues#key}). */
    READ_VALUES,
    /** One entry per label name (labelmap, labeldrop, labelkeep). */
    LABEL_NAME
  }

  private final RelabelRule rule;
  /** The step's position in its plan: where its per-batch memo sits in a {@link PlanScratch}. */
  private final int index;

  PlanStep(RelabelRule rule, int index) {
    this.rule = rule;
    this.index = index;
  }

  int index() {
    return index;
  }

  RelabelRule rule() {
    return rule;
  }

  /** The labels whose values the step reads (a missing one reads as ""). */
  abstract List<String> readsValuesOf();

  /** True when the step reads every label name (labelmap, labeldrop, labelkeep). */
  boolean readsNames() {
    return false;
  }

  /**
   * The label the step writes or deletes, as written in the rule ({@code target_label}, possibly
   * a template for replace); null when it writes none or changes the set of names instead.
   */
  String writes() {
    return null;
  }

  /** True when the step adds or removes labels by name (labelmap, labeldrop, labelkeep). */
  boolean writesNames() {
    return false;
  }

  abstract Cache cache();

  /** Applies the rule; false when it drops the series. */
  abstract boolean apply(WorkingLabels labels, PlanScratch scratch);

  /** Entries in the step's cache (0 without one). */
  long cacheSize() {
    return 0;
  }

  void clearCache() {}

  @Override
  public String toString() {
    return rule.action().yamlName() + " reads " + (readsNames() ? "label names" : "values of " + readsValuesOf())
        + (writes() != null ? ", writes " + writes() : writesNames() ? ", writes label names" : "")
        + ", cached per " + switch (cache()) {
          case NONE -> "nothing (evaluated per distinct value in a batch)";
          case READ_VALUES -> "tuple of values read";
          case LABEL_NAME -> "label name";
        };
  }
}
