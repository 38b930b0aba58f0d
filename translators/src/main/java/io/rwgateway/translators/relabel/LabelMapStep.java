package io.rwgateway.translators.relabel;

import java.util.List;

/**
 * {@code labelmap}: every label whose name matches is copied to the name
 * {@code ReplaceAllString(name, replacement)} makes of it, iterating the labels as they were
 * before this rule, in name order, so a later copy overwrites an earlier one (relabel.go). The new
 * name depends on the old name alone: it is cached per label name. The copied value is the
 * label's own, so its input ref goes with it.
 */
final class LabelMapStep extends PlanStep {
  /** Cached for a name that does not match (a cache cannot hold null). */
  private static final String NO_MATCH = new String("no match");

  private final RelabelRegex regex;
  private final ExpandTemplate replacement;
  private final ClockCache<String, String> mapped;

  LabelMapStep(RelabelRule rule, int index, long maxEntries) {
    super(rule, index);
    this.regex = rule.compiledRegex();
    this.replacement = rule.replacementTemplate();
    this.mapped = new ClockCache<>(maxEntries);
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
    return Cache.LABEL_NAME;
  }

  @Override
  boolean apply(WorkingLabels labels, PlanScratch scratch) {
    Object[] memo = scratch.memo(index());
    int n = labels.size();
    String[] names = null;
    String[] values = null;
    int[] valueRefs = null;
    int copies = 0;
    for (int i = 0; i < n; i++) {
      int ref = labels.nameRef(i);
      String to = ref >= 0 ? (String) memo[ref] : null;
      if (to == null) {
        to = newName(labels.name(i), scratch);
        if (ref >= 0) {
          memo[ref] = to;
        }
      } else {
        scratch.hits++;
      }
      if (to == NO_MATCH) {
        continue;
      }
      if (names == null) {
        names = new String[n - i];
        values = new String[n - i];
        valueRefs = new int[n - i];
      }
      names[copies] = to;
      values[copies] = labels.value(i);
      valueRefs[copies] = labels.valueRef(i);
      copies++;
    }
    // Set only after reading them all: the rule iterates the labels as they were before it.
    for (int c = 0; c < copies; c++) {
      labels.set(names[c], WorkingLabels.MADE, values[c], valueRefs[c]);
    }
    return true;
  }

  /** The name label {@code name} is copied to, or {@link #NO_MATCH}. */
  private String newName(String name, PlanScratch scratch) {
    if (regex.cheapMatch() && !regex.matches(name)) {
      return NO_MATCH;
    }
    String to = mapped.get(name);
    if (to == null) {
      scratch.misses++;
      to = regex.matches(name) ? regex.replaceAll(name, replacement) : NO_MATCH;
      mapped.put(name, to);
    } else {
      scratch.hits++;
    }
    return to;
  }

  @Override
  long cacheSize() {
    return mapped.size();
  }

  @Override
  void clearCache() {
    mapped.clear();
  }
}
