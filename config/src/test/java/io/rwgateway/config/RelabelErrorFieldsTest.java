package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelabelErrorFieldsTest {

  @Test
  void takesTheKeyAMessageStartsWith() {
    assertThat(RelabelErrorFields.keyOf("regex: cannot compile '(': missing )")).isEqualTo("regex");
    assertThat(RelabelErrorFields.keyOf("source_labels: must not be empty for action keepequal")).isEqualTo("source_labels");
    assertThat(RelabelErrorFields.keyOf("targetLabel: invalid for action replace, got 'a b'")).isEqualTo("target_label");
  }

  @Test
  void takesTheOnlyKeyAMessageNames() {
    assertThat(RelabelErrorFields.keyOf("cannot compile regex '(': missing closing )")).isEqualTo("regex");
    assertThat(RelabelErrorFields.keyOf("invalid target label 'a-b' for action replace")).isEqualTo("target_label");
    assertThat(RelabelErrorFields.keyOf("action hashmod requires a positive modulus")).isEqualTo("modulus");
    assertThat(RelabelErrorFields.keyOf("cannot use a replacement with action labeldrop")).isEqualTo("replacement");
    assertThat(RelabelErrorFields.keyOf("Regexp must be '(.*)' for action lowercase")).isEqualTo("regex");
  }

  @Test
  void takesTheActionOnlyWhenNoOtherKeyIsNamed() {
    assertThat(RelabelErrorFields.keyOf("action labelmap is not supported here")).isEqualTo("action");
    assertThat(RelabelErrorFields.keyOf("target_label is required for action replace")).isEqualTo("target_label");
  }

  @Test
  void givesNoKeyWhenNoneOrSeveralAreNamed() {
    assertThat(RelabelErrorFields.keyOf("cannot build rule: unsupported combination")).isNull();
    assertThat(RelabelErrorFields.keyOf("regex and replacement do not fit together")).isNull();
  }

  @Test
  void ignoresKeyNamesInsideQuotedValuesAndLongerWords() {
    assertThat(RelabelErrorFields.keyOf("cannot compile regex 'separator|modulus(': missing )")).isEqualTo("regex");
    assertThat(RelabelErrorFields.keyOf("label name \"target_label\" is not valid")).isNull();
    assertThat(RelabelErrorFields.keyOf("the regexes and separators differ")).isNull();
    assertThat(RelabelErrorFields.keyOf("can't compile the regex")).isEqualTo("regex");
  }

  @Test
  void dropsALeadingKeyPrefixOnlyForTheChosenKey() {
    assertThat(RelabelErrorFields.withoutKeyPrefix("regex", "regex: cannot compile '('")).isEqualTo("cannot compile '('");
    assertThat(RelabelErrorFields.withoutKeyPrefix("target_label", "targetLabel: required")).isEqualTo("required");
    assertThat(RelabelErrorFields.withoutKeyPrefix("regex", "cannot compile regex '('"))
        .isEqualTo("cannot compile regex '('");
    assertThat(RelabelErrorFields.withoutKeyPrefix("regex", "regex:")).isEqualTo("regex:");
  }

  @Test
  void attributesTheRuleRefusalInTheLoadedConfiguration() {
    // RelabelRule.of refuses an uncompilable regex; its message names the regex one way or another.
    assertThat(LoadErrors.of("relabel_configs: [{target_label: a, regex: 'x('}]"))
        .singleElement().asString().startsWith("relabel_configs[0].regex: ").doesNotStartWith(
            "relabel_configs[0].regex: regex:");
  }
}
