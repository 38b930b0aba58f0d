package io.rwgateway.config;

import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a list of Prometheus {@code relabel_config} items ({@code relabel_configs},
 * {@code write_relabel_configs}) to rules. This class checks the YAML shape; what makes a rule valid
 * is decided by {@link RelabelRule#of}, the engine that runs it, and its refusal is reported at the
 * key it names (see {@link RelabelErrorFields}).
 */
final class RelabelConfigMapper {
  private RelabelConfigMapper() {
  }

  /** @return the rules that mapped without error, in file order (the caller fails anyway when any did not) */
  static List<RelabelRule> mapAll(List<MapReader> items) {
    List<RelabelRule> rules = new ArrayList<>(items.size());
    for (MapReader r : items) {
      RelabelRule rule = map(r);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  private static RelabelRule map(MapReader r) {
    int errorsBefore = r.errorCount();
    // Absent keys stay null: RelabelRule.of gives them Prometheus' defaults.
    List<String> sourceLabels = r.stringList("source_labels");
    String separator = r.string("separator", null);
    String targetLabel = r.string("target_label", null);
    String regex = r.string("regex", null);
    Long modulus = r.optionalLong("modulus", 0, Long.MAX_VALUE);
    String replacement = r.string("replacement", null);
    RelabelAction action = action(r);
    r.rejectUnknownKeys();
    if (r.errorCount() != errorsBefore) {
      // A refused or misspelt key was replaced by its default: the rule's own checks would report
      // consequences of that (e.g. "target_label required" after "target_lable: unknown key").
      return null;
    }
    try {
      return RelabelRule.of(action, sourceLabels, separator, targetLabel, regex, modulus, replacement);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      String key = RelabelErrorFields.keyOf(message);
      if (key == null) {
        r.errorHere(message);
      } else {
        r.error(key, RelabelErrorFields.withoutKeyPrefix(key, message));
      }
      return null;
    }
  }

  /** @return the action, or null when absent (the default) or unknown (an error is recorded) */
  private static RelabelAction action(MapReader r) {
    String name = r.string("action", null);
    if (name == null) {
      return null;
    }
    RelabelAction action = RelabelAction.fromYamlName(name).orElse(null);
    if (action == null) {
      List<String> names = new ArrayList<>();
      for (RelabelAction a : RelabelAction.values()) {
        names.add(a.yamlName());
      }
      String suggestion = KeySuggestions.closest(name, names);
      r.error("action", "unknown action '" + name + "' ("
          + (suggestion == null ? "use " + String.join(", ", names) : "did you mean " + suggestion + "?") + ")");
    }
    return action;
  }
}
