package io.rwgateway.translators.relabel;

import java.util.List;

/**
 * {@code replace}, as Prometheus 2.42 does it: no match, nothing happens; an expanded target that
 * is not a valid label name, or an empty expanded replacement, deletes the label named by the
 * target as WRITTEN (the template text; 2.49 changed both cases, PR #13308); otherwise the
 * expanded target is set to the expanded replacement. The effect is cached per tuple of source
 * values (a regex over {@code instance} runs once per instance), except with the default regex
 * {@code (.*)}, whose match is one scan for a newline.
 */
final class ReplaceStep extends PlanStep {
  /** What the rule does to a series with given source values. */
  private record Effect(String name, String value) {
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

  private final SourceValues sources;
  private final ClockCache<Object, Effect> effects;

  ReplaceStep(RelabelRule rule, long maxEntries) {
    super(rule);
    this.sources = new SourceValues(rule);
    this.effects = rule.compiledRegex().matchesAll() ? null : new ClockCache<>(maxEntries);
  }

  @Override
  List<String> readsValuesOf() {
    return sources.names();
  }

  @Override
  String writes() {
    return rule().targetLabel();
  }

  @Override
  Cache cache() {
    return effects == null ? Cache.NONE : Cache.READ_VALUES;
  }

  @Override
  boolean apply(WorkingLabels labels, PlanCounts counts) {
    if (effects == null) {
      effect(sources.value(labels)).applyTo(labels);
      return true;
    }
    Object key = sources.key(labels);
    Effect e = effects.get(key);
    if (e == null) {
      counts.misses++;
      e = effect(sources.joined(key));
      effects.put(key, e);
    } else {
      counts.hits++;
    }
    e.applyTo(labels);
    return true;
  }

  private Effect effect(String val) {
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

  @Override
  long cacheSize() {
    return effects == null ? 0 : effects.size();
  }

  @Override
  void clearCache() {
    if (effects != null) {
      effects.clear();
    }
  }
}
