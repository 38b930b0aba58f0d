package io.rwgateway.translators.relabel;

import static io.rwgateway.translators.relabel.RelabelAction.DROPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.HASHMOD;
import static io.rwgateway.translators.relabel.RelabelAction.KEEP;
import static io.rwgateway.translators.relabel.RelabelAction.KEEPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.LABELDROP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELKEEP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELMAP;
import static io.rwgateway.translators.relabel.RelabelAction.LOWERCASE;
import static io.rwgateway.translators.relabel.RelabelAction.REPLACE;
import static io.rwgateway.translators.relabel.RelabelAction.UPPERCASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults, value equality, and the validation of Prometheus 2.42 {@code Config.UnmarshalYAML}. */
class RelabelRuleTest {

  @Test
  void takesPrometheusDefaultsForNullArguments() {
    RelabelRule r = RelabelRule.of(null, null, null, "t", null, null, null);
    assertThat(r.action()).isEqualTo(REPLACE);
    assertThat(r.sourceLabels()).isEmpty();
    assertThat(r.separator()).isEqualTo(";");
    assertThat(r.regex()).isEqualTo("(.*)");
    assertThat(r.replacement()).isEqualTo("$1");
    assertThat(r.modulus()).isZero();
    assertThat(r.targetLabel()).isEqualTo("t");
  }

  @Test
  void labelDropNeedsOnlyARegex() {
    RelabelRule r = RelabelRule.of(LABELDROP, null, null, null, "tmp_.*", null, null);
    assertThat(r.targetLabel()).isEmpty();
    assertThat(r.regex()).isEqualTo("tmp_.*");
  }

  @Test
  void equalsByValueWithRegexBySourceText() {
    RelabelRule a = RelabelRule.of(REPLACE, List.of("a", "b"), ";", "c", null, null, "$1");
    RelabelRule b = RelabelRule.of(null, List.of("a", "b"), null, "c", "(.*)", 0L, null);
    RelabelRule other = RelabelRule.of(REPLACE, List.of("a", "b"), ";", "c", "(.+)", null, "$1");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
    assertThat(a.toString()).isEqualTo(b.toString()).isEqualTo(
        "RelabelRule{action=replace, source_labels=[a, b], separator=\";\", regex=\"(.*)\","
            + " target_label=\"c\", replacement=\"$1\", modulus=0}");
  }

  @Test
  void copiesTheSourceLabelList() {
    java.util.ArrayList<String> sources = new java.util.ArrayList<>(List.of("a"));
    RelabelRule r = RelabelRule.of(KEEP, sources, null, null, "x", null, null);
    sources.add("b");
    assertThat(r.sourceLabels()).containsExactly("a");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "hashmod without modulus|hashmod||t||0||relabel configuration for hashmod requires non-zero modulus",
      "replace without target|replace|a|||||relabel configuration for replace action requires 'target_label' value",
      "hashmod without target|hashmod|a|||3||relabel configuration for hashmod action requires 'target_label' value",
      "lowercase without target|lowercase|a|||||relabel configuration for lowercase action requires 'target_label' value",
      "uppercase without target|uppercase|a|||||relabel configuration for uppercase action requires 'target_label' value",
      "keepequal without target|keepequal|a|||||relabel configuration for keepequal action requires 'target_label' value",
      "dropequal without target|dropequal|a|||||relabel configuration for dropequal action requires 'target_label' value",
      "replace target starting with a digit|replace|a|0${3}||||\"0${3}\" is invalid 'target_label' for replace action",
      "replace target starting with a dash|replace|a|-${3}||||\"-${3}\" is invalid 'target_label' for replace action",
      "replace target with a dash|replace|a|foo-bar||||\"foo-bar\" is invalid 'target_label' for replace action",
      "replace target with a bare dollar|replace|a|$||||\"$\" is invalid 'target_label' for replace action",
      "lowercase target with a dash|lowercase|a|a-b||||\"a-b\" is invalid 'target_label' for lowercase action",
      "lowercase with a replacement|lowercase|a|t|||x|'replacement' can not be set for lowercase action",
      "uppercase with a replacement|uppercase|a|t|||$2|'replacement' can not be set for uppercase action",
      "keepequal with a replacement|keepequal|a|t|||x|'replacement' can not be set for keepequal action",
      "labelmap with an invalid replacement|labelmap|||(.*)||-$1|\"-$1\" is invalid 'replacement' for labelmap action",
      "hashmod with a template target|hashmod|a|${1}||3||\"${1}\" is invalid 'target_label' for hashmod action",
      "keepequal with a regex|keepequal|a|t|x|||keepequal action requires only 'source_labels' and `target_label`, and no other fields",
      "keepequal with the default regex spelled out|keepequal|a|t|(.*)|||keepequal action requires only 'source_labels' and `target_label`, and no other fields",
      "dropequal with a modulus|dropequal|a|t||3||dropequal action requires only 'source_labels' and `target_label`, and no other fields",
      "labeldrop with source labels|labeldrop|a||x|||labeldrop action requires only 'regex', and no other fields",
      "labelkeep with a target|labelkeep||t|x|||labelkeep action requires only 'regex', and no other fields",
      "labeldrop with a modulus|labeldrop|||x|2||labeldrop action requires only 'regex', and no other fields",
      "labelkeep with a replacement|labelkeep|||x||y|labelkeep action requires only 'regex', and no other fields",
      "invalid source label|keep|a-b||x|||\"a-b\" is not a valid label name",
      "invalid regex|keep|a||(abc|||error parsing regexp: missing closing ): `^(?:(abc)$`",
      "regex with a Perl backreference|keep|a||(a)\\1|||error parsing regexp: invalid escape sequence: `\\1`",
  })
  void refusesWithPrometheusMessage(String name, String action, String sources, String target,
      String regex, Long modulus, String replacement, String message) {
    assertThatThrownBy(() -> RelabelRule.of(RelabelAction.fromYamlName(action).orElseThrow(),
        sources == null ? null : List.of(sources.split(",")), null, target, regex, modulus, replacement))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void refusesSeparatorOnKeepEqualAndLabelKeep() {
    assertThatThrownBy(() -> RelabelRule.of(KEEPEQUAL, List.of("a"), ",", "t", null, null, null))
        .hasMessage("keepequal action requires only 'source_labels' and `target_label`, and no other fields");
    assertThatThrownBy(() -> RelabelRule.of(LABELKEEP, null, ",", null, "x", null, null))
        .hasMessage("labelkeep action requires only 'regex', and no other fields");
  }

  @Test
  void refusesANullSourceLabel() {
    assertThatThrownBy(() -> RelabelRule.of(KEEP, java.util.Arrays.asList("a", null), null, null, "x", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"null\" is not a valid label name");
  }

  @Test
  void refusesNegativeModulus() {
    assertThatThrownBy(() -> RelabelRule.of(HASHMOD, List.of("a"), null, "t", null, -1L, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modulus -1");
  }

  @Test
  void acceptsWhatPrometheus242Accepts() {
    // Template targets for replace.
    RelabelRule.of(REPLACE, List.of("a"), null, "${3}", "some-([^-]+)-([^,]+)", null, "${1}");
    RelabelRule.of(REPLACE, List.of("a"), null, "_${1}_", null, null, null);
    // 2.42 checks lowercase/uppercase/keepequal/dropequal targets with the template pattern too
    // (2.49 narrowed it to plain label names).
    RelabelRule.of(LOWERCASE, List.of("a"), null, "${3}", null, null, null);
    RelabelRule.of(UPPERCASE, List.of("a"), null, "$1", null, null, null);
    RelabelRule.of(DROPEQUAL, List.of("a"), null, "${1}", null, null, null);
    // The replacement "$1" spelled out is the default, so it is not "set".
    RelabelRule.of(LOWERCASE, List.of("a"), null, "t", null, null, "$1");
    RelabelRule.of(LABELMAP, null, null, null, "__meta_(.+)", null, "${1}");
    RelabelRule.of(HASHMOD, List.of("a"), null, "t", null, Long.MAX_VALUE, null);
    // Other actions ignore fields they do not use.
    RelabelRule.of(KEEP, List.of("a"), ",", "ignored", "x", 7L, "ignored");
    // An empty regex is a regex: it matches the empty string only.
    assertThat(RelabelRule.of(KEEP, List.of("a"), null, null, "", null, null).regex()).isEmpty();
  }

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({
      "-label,false", "label,true", "label${1},true", "${1}label,true", "${1},true", "'${',false",
      "$,false", "'${}',false", "'foo${',false", "$1,true", "asd$2asd,true", "-foo${1}bar-,false",
      "_${1}_,true", "foo${bar}foo,true"})
  void checksTargetTemplatesLikeRelabelTarget(String target, boolean valid) {
    // Prometheus' TestTargetLabelValidity table.
    assertThat(LabelNames.isTargetTemplate(target)).isEqualTo(valid);
  }

  @Test
  void checksLegacyLabelNames() {
    assertThat(LabelNames.isValid("__name__")).isTrue();
    assertThat(LabelNames.isValid("a1")).isTrue();
    assertThat(LabelNames.isValid("1a")).isFalse();
    assertThat(LabelNames.isValid("")).isFalse();
    assertThat(LabelNames.isValid("a.b")).isFalse(); // valid in Prometheus 3.x (UTF-8), not in 2.42
    assertThat(LabelNames.isValid("é")).isFalse();
  }
}
