package io.rwgateway.translators.relabel;

import java.util.List;

/**
 * {@code labeldrop} and {@code labelkeep}: every label whose name matches the regex is removed
 * (labeldrop) or kept (labelkeep). The decision depends on the name alone, so it is cached per
 * label name (a handful of names across all series) unless the regex is a literal shape, which
 * matches faster than a lookup ({@link RelabelRegex#cheapMatch}).
 */
final class NameFilterStep extends PlanStep {
  private final RelabelRegex regex;
  private final boolean keepMatching;
  private final ClockCache<String, Boolean> matches;

  NameFilterStep(RelabelRule rule, long maxEntries) {
    super(rule);
    this.regex = rule.compiledRegex();
    this.keepMatching = rule.action() == RelabelAction.LABELKEEP;
    this.matches = regex.cheapMatch() ? null : new ClockCache<>(maxEntries);
  }

  @Override
  List<String> readsValuesOf() {
    return List.of();
  }

  @Override
  boolean readsNames() {
    return true;
  }

  @Override
  boolean writesNames() {
    return true;
  }

  @Override
  Cache cache() {
    return matches == null ? Cache.NONE : Cache.LABEL_NAME;
  }

  @Override
  boolean apply(WorkingLabels labels, PlanCounts counts) {
    int i = 0;
    while (i < labels.size()) {
      if (matches(labels.name(i), counts) == keepMatching) {
        i++;
      } else {
        labels.removeAt(i);
      }
    }
    return true;
  }

  private boolean matches(String name, PlanCounts counts) {
    if (matches == null) {
      return regex.matches(name);
    }
    Boolean m = matches.get(name);
    if (m == null) {
      counts.misses++;
      m = regex.matches(name);
      matches.put(name, m);
    } else {
      counts.hits++;
    }
    return m;
  }

  @Override
  long cacheSize() {
    return matches == null ? 0 : matches.size();
  }

  @Override
  void clearCache() {
    if (matches != null) {
      matches.clear();
    }
  }
}
