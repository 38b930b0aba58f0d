package io.rwgateway.translators.relabel;

import java.util.List;

/**
 * Applies a rule list to one label set exactly as Prometheus 2.42 {@code relabel.Process} does:
 * rules in order, each seeing the labels the previous one left, the first rule that drops ending
 * the run. Immutable and thread-safe. Written for clarity before speed: it is the reference the
 * hot path is tested against ({@link BatchRelabeler} runs the same rules compiled into a
 * {@link RelabelPlan}, and {@code RelabelPlanPropertiesTest} requires both to agree).
 */
public final class Relabeler {
  private final RelabelRule[] rules;

  public Relabeler(List<RelabelRule> rules) {
    this.rules = rules.toArray(new RelabelRule[0]);
  }

  public boolean isEmpty() {
    return rules.length == 0;
  }

  public List<RelabelRule> rules() {
    return List.of(rules);
  }

  /**
   * @param labels flat sorted (name, value, name, value, ...) pairs; not modified
   * @return a new flat array sorted by name (UTF-8 byte order), or null when a rule drops the series
   */
  public String[] apply(String[] labels) {
    if ((labels.length & 1) != 0) {
      throw new IllegalArgumentException("cannot relabel labels (" + labels.length
          + " strings): they must come in name/value pairs");
    }
    LabelSet set = new LabelSet(labels);
    for (RelabelRule rule : rules) {
      if (!applyRule(rule, set)) {
        return null;
      }
    }
    return set.toPairs();
  }

  /** One rule; false when it drops the series. relabel.go {@code relabel()}. */
  private static boolean applyRule(RelabelRule rule, LabelSet set) {
    String val = sourceValue(rule, set);
    RelabelRegex regex = rule.compiledRegex();
    switch (rule.action()) {
      case DROP -> {
        return !regex.matches(val);
      }
      case KEEP -> {
        return regex.matches(val);
      }
      case DROPEQUAL -> {
        return !set.get(rule.targetLabel()).equals(val);
      }
      case KEEPEQUAL -> {
        return set.get(rule.targetLabel()).equals(val);
      }
      case REPLACE -> replace(rule, set, val);
      case LOWERCASE -> set.set(rule.targetLabel(), GoStrings.toLower(val));
      case UPPERCASE -> set.set(rule.targetLabel(), GoStrings.toUpper(val));
      case HASHMOD -> set.set(rule.targetLabel(), HashMod.bucket(val, rule.modulus()));
      case LABELMAP -> labelMap(rule, set);
      case LABELDROP -> set.retainNames(regex, false);
      case LABELKEEP -> set.retainNames(regex, true);
      default -> throw new IllegalStateException("cannot relabel: unknown action " + rule.action());
    }
    return true;
  }

  /** The source label values joined by the separator; a missing label contributes "". */
  private static String sourceValue(RelabelRule rule, LabelSet set) {
    List<String> sources = rule.sourceLabels();
    if (sources.isEmpty()) {
      return "";
    }
    if (sources.size() == 1) {
      return set.get(sources.get(0));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sources.size(); i++) {
      if (i > 0) {
        sb.append(rule.separator());
      }
      sb.append(set.get(sources.get(i)));
    }
    return sb.toString();
  }

  /**
   * Prometheus 2.42: no match, nothing happens; an expanded target that is not a valid label name,
   * or an empty expanded replacement, deletes the label named by the target as WRITTEN (the
   * template text, not its expansion; 2.49 changed both cases, see PR #13308).
   */
  private static void replace(RelabelRule rule, LabelSet set, String val) {
    int[] match = rule.compiledRegex().findSubmatchIndex(val);
    if (match == null) {
      return;
    }
    String target = rule.targetTemplate().expand(val, match);
    if (!LabelNames.isValid(target)) {
      set.delete(rule.targetLabel());
      return;
    }
    String res = rule.replacementTemplate().expand(val, match);
    if (res.isEmpty()) {
      set.delete(rule.targetLabel());
      return;
    }
    set.set(target, res);
  }

  /**
   * Copies every label whose name matches to the name {@code ReplaceAllString} makes of it,
   * iterating the labels as they were before this rule (later copies overwrite earlier ones).
   */
  private static void labelMap(RelabelRule rule, LabelSet set) {
    RelabelRegex regex = rule.compiledRegex();
    LabelSet before = set.copy();
    for (int i = 0; i < before.size(); i++) {
      String name = before.name(i);
      if (regex.matches(name)) {
        set.set(regex.replaceAll(name, rule.replacementTemplate()), before.value(i));
      }
    }
  }
}
