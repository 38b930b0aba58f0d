package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RuleEffectsTest {

  @Test
  void countsPerRuleWhatItChangedOnTheOutputOfTheRulesBefore() {
    RelabelRule dropGc = RelabelRule.of(RelabelAction.DROP, List.of("__name__"), null, null, "go_gc_.*", null, null);
    RelabelRule uppercaseMode = RelabelRule.of(RelabelAction.UPPERCASE, List.of("mode"), null, "mode", null, null,
        null);
    RelabelRule dropIdle = RelabelRule.of(RelabelAction.DROP, List.of("mode"), null, null, "idle", null, null);
    List<SortedMap<String, String>> series = List.of(
        labels("go_gc_duration_seconds", "quantile", "0.5"),
        labels("node_cpu_seconds_total", "mode", "idle"),
        labels("node_cpu_seconds_total", "mode", "user"),
        labels("up", "job", "x"));

    List<RuleEffects.Effect> effects = RuleEffects.of(List.of(dropGc, uppercaseMode, dropIdle), series);

    assertThat(effects).extracting(RuleEffects.Effect::changed).containsExactly(1, 2, 0);
    assertThat(effects).extracting(RuleEffects.Effect::dropped).containsExactly(1, 0, 0);
    assertThat(effects.get(0)).hasToString("rule 1 drop [__name__]: 1 series changed (1 dropped)");
    assertThat(effects.get(1)).hasToString("rule 2 uppercase [mode] -> mode: 2 series changed");
  }

  private static SortedMap<String, String> labels(String name, String label, String value) {
    return new TreeMap<>(Map.of("__name__", name, label, value));
  }
}
