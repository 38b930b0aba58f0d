package io.rwgateway.gateway.e2e.support;

import io.rwgateway.translators.relabel.RelabelRule;
import io.rwgateway.translators.relabel.Relabeler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What each rule of a list does to a set of series, rule after rule as a relabel run applies them
 * (each rule sees what the rules before it left): how many series it changes, dropping included.
 * A differential test uses it to show that none of its rules is idle on the real data: a rule that
 * matches nothing would agree with any engine and prove nothing.
 */
public final class RuleEffects {
  private RuleEffects() {
  }

  /**
   * @param number  1-based position in the list
   * @param changed series this rule changed or dropped (among those the earlier rules kept)
   * @param dropped of those, the series it dropped
   */
  public record Effect(int number, RelabelRule rule, int changed, int dropped) {
    @Override
    public String toString() {
      return "rule " + number + " " + rule.action().yamlName() + " " + rule.sourceLabels()
          + (rule.targetLabel().isEmpty() ? "" : " -> " + rule.targetLabel()) + ": " + changed + " series changed"
          + (dropped == 0 ? "" : " (" + dropped + " dropped)");
    }
  }

  public static List<Effect> of(List<RelabelRule> rules, Collection<SortedMap<String, String>> series) {
    List<Relabeler> steps = new ArrayList<>(rules.size());
    for (RelabelRule rule : rules) {
      steps.add(new Relabeler(List.of(rule)));
    }
    int[] changed = new int[rules.size()];
    int[] dropped = new int[rules.size()];
    for (SortedMap<String, String> labels : series) {
      String[] current = pairs(labels);
      for (int i = 0; i < steps.size(); i++) {
        String[] next = steps.get(i).apply(current);
        if (next == null) {
          changed[i]++;
          dropped[i]++;
          break;
        }
        if (!Arrays.equals(next, current)) {
          changed[i]++;
        }
        current = next;
      }
    }
    List<Effect> effects = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      effects.add(new Effect(i + 1, rules.get(i), changed[i], dropped[i]));
    }
    return effects;
  }

  private static String[] pairs(SortedMap<String, String> labels) {
    String[] pairs = new String[2 * labels.size()];
    int i = 0;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      pairs[i++] = label.getKey();
      pairs[i++] = label.getValue();
    }
    return pairs;
  }
}
