package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The YAML shape of relabel rules. Whether a rule is valid is RelabelRule.of's decision: for its
 * refusals these tests check the path the error is reported at, not its wording.
 */
class RelabelConfigMapperTest {

  /** Global rules given as YAML lines (indented 2, under relabel_configs). */
  private static String rules(String... lines) {
    return "relabel_configs:\n  " + String.join("\n  ", lines) + "\n";
  }

  private static List<String> errorsOf(String... lines) {
    return LoadErrors.of(rules(lines));
  }

  @Test
  void readsEveryKeyOfARule() throws Exception {
    GatewayConfig config = ConfigLoader.parse(rules(
        "- source_labels: [__name__, job]",
        "  separator: '/'",
        "  target_label: shard",
        "  regex: 'node_.*'",
        "  modulus: 8",
        "  replacement: '${1}'",
        "  action: hashmod"));

    assertThat(config.relabelConfigs()).containsExactly(RelabelRule.of(RelabelAction.HASHMOD,
        List.of("__name__", "job"), "/", "shard", "node_.*", 8L, "${1}"));
  }

  @Test
  void leavesAbsentKeysToThePrometheusDefaults() throws Exception {
    GatewayConfig config = ConfigLoader.parse(rules("- target_label: env"));

    assertThat(config.relabelConfigs())
        .containsExactly(RelabelRule.of(null, null, null, "env", null, null, null));
  }

  @Test
  void keepsRulesInFileOrder() throws Exception {
    GatewayConfig config = ConfigLoader.parse(rules(
        "- {source_labels: [job], regex: a, action: keep}",
        "- {regex: tmp_.*, action: labeldrop}",
        "- {source_labels: [job], target_label: job, action: uppercase}"));

    assertThat(config.relabelConfigs()).containsExactly(
        RelabelRule.of(RelabelAction.KEEP, List.of("job"), null, null, "a", null, null),
        RelabelRule.of(RelabelAction.LABELDROP, null, null, null, "tmp_.*", null, null),
        RelabelRule.of(RelabelAction.UPPERCASE, List.of("job"), null, "job", null, null, null));
  }

  @Test
  void readsTheActionWhateverItsCaseAsPrometheusDoes() throws Exception {
    GatewayConfig config = ConfigLoader.parse(rules("- {source_labels: [job], regex: a, action: Keep}"));

    assertThat(config.relabelConfigs())
        .containsExactly(RelabelRule.of(RelabelAction.KEEP, List.of("job"), null, null, "a", null, null));
  }

  @Test
  void readsPerBackendRules() throws Exception {
    GatewayConfig config = ConfigLoader.parse(String.join("\n",
        "backends:",
        "  - name: a",
        "    url: http://a/w",
        "    write_relabel_configs:",
        "      - {regex: 'pod|node', action: labeldrop}",
        "  - {name: b, url: 'http://b/w'}"));

    assertThat(config.backends().get(0).writeRelabelConfigs())
        .containsExactly(RelabelRule.of(RelabelAction.LABELDROP, null, null, null, "pod|node", null, null));
    assertThat(config.backends().get(1).writeRelabelConfigs()).isEmpty();
    assertThat(config.relabelConfigs()).isEmpty();
  }

  @Test
  void acceptsAnEmptyOrNullRuleList() throws Exception {
    assertThat(ConfigLoader.parse("relabel_configs: []").relabelConfigs()).isEmpty();
    assertThat(ConfigLoader.parse("relabel_configs:").relabelConfigs()).isEmpty();
    assertThat(ConfigLoader.parse("backends: [{name: a, url: 'http://a/w', write_relabel_configs: []}]")
        .backends().get(0).writeRelabelConfigs()).isEmpty();
  }

  @Test
  void rejectsAnUnknownActionWithASuggestion() {
    assertThat(errorsOf("- {regex: a, action: keep}", "- {regex: a, action: kep}"))
        .containsExactly("relabel_configs[1].action: unknown action 'kep' (did you mean keep?)");
    assertThat(errorsOf("- {regex: a, action: labledrop}"))
        .containsExactly("relabel_configs[0].action: unknown action 'labledrop' (did you mean labeldrop?)");
  }

  @Test
  void listsTheActionsWhenNoneIsClose() {
    assertThat(errorsOf("- {target_label: a, action: rename}")).singleElement().asString()
        .startsWith("relabel_configs[0].action: unknown action 'rename' (use ")
        .contains("replace", "keep", "drop", "hashmod", "labelmap", "labelkeep", "lowercase");
  }

  @Test
  void reportsTheRuleRefusalsAtTheKeyTheyConcern() {
    assertThat(errorsOf("- {target_label: a}", "- {target_label: a}", "- {target_label: a, regex: '(a'}"))
        .singleElement().asString().startsWith("relabel_configs[2].regex: ");
    assertThat(errorsOf("- {source_labels: [a], action: replace}"))
        .singleElement().asString().startsWith("relabel_configs[0].target_label: ");
    assertThat(errorsOf("- {source_labels: [a], target_label: b, modulus: 0, action: hashmod}"))
        .singleElement().asString().startsWith("relabel_configs[0].modulus: ");
  }

  @Test
  void rejectsSourceLabelsThatAreNotAListOfStrings() {
    assertThat(errorsOf("- {source_labels: __name__, regex: a, action: keep}"))
        .containsExactly("relabel_configs[0].source_labels: must be a list of strings, got '__name__'");
    assertThat(errorsOf("- {source_labels: [job, 1, [a], ~], regex: a, action: keep}")).containsExactly(
        "relabel_configs[0].source_labels[1]: must be a string, got 1 (quote it)",
        "relabel_configs[0].source_labels[2]: must be a string, got a list",
        "relabel_configs[0].source_labels[3]: must be a string, got null");
  }

  @Test
  void rejectsAModulusThatIsNotANonNegativeInteger() {
    String rule = "- {source_labels: [a], target_label: b, action: hashmod, modulus: ";
    assertThat(errorsOf(rule + "-1}")).containsExactly("relabel_configs[0].modulus: must be at least 0, got -1");
    assertThat(errorsOf(rule + "'8'}")).containsExactly("relabel_configs[0].modulus: must be an integer, got '8'");
    assertThat(errorsOf(rule + "1.5}")).containsExactly("relabel_configs[0].modulus: must be an integer, got 1.5");
    assertThat(errorsOf(rule + "99999999999999999999}")).containsExactly(
        "relabel_configs[0].modulus: must be between 0 and 9223372036854775807, got 99999999999999999999");
  }

  @Test
  void rejectsValuesThatAreNotStrings() {
    assertThat(errorsOf("- {target_label: a, replacement: 1, separator: [x], regex: true}")).containsExactly(
        "relabel_configs[0].separator: must be a string, got a list",
        "relabel_configs[0].regex: must be a string, got true (quote it)",
        "relabel_configs[0].replacement: must be a string, got 1 (quote it)");
    assertThat(errorsOf("- {target_label: a, action: 7}"))
        .containsExactly("relabel_configs[0].action: must be a string, got 7 (quote it)");
  }

  @Test
  void rejectsUnknownKeysAndSkipsTheRuleChecksTheyWouldMislead() {
    // With target_lable unknown the rule has no target_label: only the typo is reported.
    assertThat(errorsOf("- {source_labels: [a], target_lable: b, action: replace, modulo: 3}")).containsExactly(
        "relabel_configs[0].target_lable: unknown key (did you mean target_label?)",
        "relabel_configs[0].modulo: unknown key (did you mean modulus?)");
  }

  @Test
  void rejectsWrongNodeKinds() {
    assertThat(LoadErrors.of("relabel_configs: {action: keep}"))
        .containsExactly("relabel_configs: must be a list, got a map");
    assertThat(LoadErrors.of("relabel_configs: [keep]")).containsExactly("relabel_configs[0]: must be a map, got 'keep'");
  }

  @Test
  void reportsPerBackendRuleErrorsWithTheBackendPath() {
    assertThat(LoadErrors.of(String.join("\n",
        "backends:",
        "  - name: a",
        "    url: http://a/w",
        "    write_relabel_configs:",
        "      - {regex: a, action: labeldrop}",
        "      - {regex: a, action: kep}",
        "      - {source_labels: job}"))).containsExactly(
        "backends[0].write_relabel_configs[1].action: unknown action 'kep' (did you mean keep?)",
        "backends[0].write_relabel_configs[2].source_labels: must be a list of strings, got 'job'");
  }

  @Test
  void readsTheRelabelCacheBound() throws Exception {
    assertThat(ConfigLoader.parse("relabel_cache: {max_entries: 5000000000}").relabelCache())
        .isEqualTo(new RelabelCacheConfig(5_000_000_000L));
    assertThat(ConfigLoader.parse("relabel_cache:").relabelCache()).isEqualTo(RelabelCacheConfig.defaults());
    assertThat(LoadErrors.of("relabel_cache: {max_entries: 0, max_entry: 1}")).containsExactly(
        "relabel_cache.max_entries: must be at least 1, got 0",
        "relabel_cache.max_entry: unknown key (did you mean max_entries?)");
    assertThat(LoadErrors.of("relabel_cache: 1000")).containsExactly("relabel_cache: must be a map, got 1000");
  }
}
