package io.rwgateway.translators.relabel;

/**
 * {@code keep} and {@code drop}: the series stays when the joined source values match the regex
 * (keep) or do not (drop). Cached per tuple of source values (a keep on {@code __name__} is
 * decided once per metric name) unless the regex is a literal shape, which matches faster than a
 * lookup ({@link RelabelRegex#cheapMatch}).
 */
final class ValueFilterStep extends ValueStep<Boolean> {
  private final RelabelRegex regex;
  private final boolean keepMatching;

  ValueFilterStep(RelabelRule rule, int index, long maxEntries) {
    super(rule, index, maxEntries, !rule.compiledRegex().cheapMatch());
    this.regex = rule.compiledRegex();
    this.keepMatching = rule.action() == RelabelAction.KEEP;
  }

  @Override
  Boolean compute(String value) {
    return regex.matches(value);
  }

  @Override
  boolean apply(WorkingLabels labels, PlanScratch scratch) {
    return result(labels, scratch) == keepMatching;
  }
}
