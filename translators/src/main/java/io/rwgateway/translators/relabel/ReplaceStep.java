package io.rwgateway.translators.relabel;

/**
 * {@code replace}, as Prometheus 2.42 does it: no match, nothing happens; an expanded target that
 * is not a valid label name, or an empty expanded replacement, deletes the label named by the
 * target as WRITTEN (the template text; 2.49 changed both cases, PR #13308); otherwise the
 * expanded target is set to the expanded replacement. The effect is cached per tuple of source
 * values (a regex over {@code instance} runs once per instance), except with the default regex
 * {@code (.*)}, whose match is one scan for a newline.
 */
final class ReplaceStep extends ValueStep<ReplaceStep.Effect> {
  /** What the rule does to a series with given source values. */
  record Effect(String name, String value) {
    /** No match: the labels stay as they are. */
    static final Effect NONE = new Effect(null, null);

    void applyTo(WorkingLabels labels) {
      if (name == null) {
        return;
      }
      if (value == null) {
        labels.delete(name);
      } else {
        labels.set(name, value);
      }
    }
  }

  ReplaceStep(RelabelRule rule, int index, long maxEntries) {
    super(rule, index, maxEntries, !rule.compiledRegex().matchesAll());
  }

  @Override
  String writes() {
    return rule().targetLabel();
  }

  @Override
  boolean apply(WorkingLabels labels, PlanScratch scratch) {
    result(labels, scratch).applyTo(labels);
    return true;
  }

  @Override
  Effect compute(String val) {
    RelabelRule rule = rule();
    int[] match = rule.compiledRegex().findSubmatchIndex(val);
    if (match == null) {
      return Effect.NONE;
    }
    String target = rule.targetTemplate().expand(val, match);
    if (!LabelNames.isValid(target)) {
      return new Effect(rule.targetLabel(), null);
    }
    String res = rule.replacementTemplate().expand(val, match);
    if (res.isEmpty()) {
      return new Effect(rule.targetLabel(), null);
    }
    return new Effect(target, res);
  }
}
