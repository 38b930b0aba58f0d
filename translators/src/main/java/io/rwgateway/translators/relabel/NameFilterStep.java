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

  NameFilterStep(RelabelRule rule, int index, long maxEntries) {
    super(rule, index);
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
  boolean apply(WorkingLabels labels, PlanScratch scratch) {
    Object[] memo = scratch.memo(index());
    int i = 0;
    while (i < labels.size()) {
      if (matches(labels, i, memo, scratch) == keepMatching) {
        i++;
      } else {
        labels.removeAt(i);
      }
    }
    return true;
  }

  /** Whether label {@code i}'s name matches: from the batch memo, the cache, or the regex. */
  private boolean matches(WorkingLabels labels, int i, Object[] memo, PlanScratch scratch) {
    int ref = labels.nameRef(i);
    if (ref >= 0 && memo[ref] != null) {
      if (matches != null) {
        scratch.hits++;
      }
      return (Boolean) memo[ref];
    }
    String name = labels.name(i);
    Boolean m;
    if (matches == null) {
      m = regex.matches(name);
    } else {
      m = matches.get(name);
      if (m == null) {
        scratch.misses++;
        m = regex.matches(name);
        matches.put(name, m);
      } else {
        scratch.hits++;
      }
    }
    if (ref >= 0) {
      memo[ref] = m;
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
