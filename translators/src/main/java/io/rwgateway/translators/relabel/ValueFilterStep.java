package io.rwgateway.translators.relabel;

import java.util.List;

/**
 * {@code keep} and {@code drop}: the series stays when the joined source values match the regex
 * (keep) or do not (drop). Cached per tuple of source values (a keep on {@code __name__} is
 * decided once per metric name) unless the regex is a literal shape, which matches faster than a
 * lookup ({@link RelabelRegex#cheapMatch}).
 */
final class ValueFilterStep extends PlanStep {
  private final SourceValues sources;
  private final RelabelRegex regex;
  private final boolean keepMatching;
  private final ClockCache<Object, Boolean> matches;

  ValueFilterStep(RelabelRule rule, long maxEntries) {
    super(rule);
    this.sources = new SourceValues(rule);
    this.regex = rule.compiledRegex();
    this.keepMatching = rule.action() == RelabelAction.KEEP;
    this.matches = regex.cheapMatch() ? null : new ClockCache<>(maxEntries);
  }

  @Override
  List<String> readsValuesOf() {
    return sources.names();
  }

  @Override
  Cache cache() {
    return matches == null ? Cache.NONE : Cache.READ_VALUES;
  }

  @Override
  boolean apply(WorkingLabels labels, PlanCounts counts) {
    if (matches == null) {
      return regex.matches(sources.value(labels)) == keepMatching;
    }
    Object key = sources.key(labels);
    Boolean m = matches.get(key);
    if (m == null) {
      counts.misses++;
      m = regex.matches(sources.joined(key));
      matches.put(key, m);
    } else {
      counts.hits++;
    }
    return m == keepMatching;
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
