package io.rwgateway.translators.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Attribute keys → label names (otlp.md §3.4). */
class LabelNamerTest {
  private static final LabelNamer PROMETHEUS_DEFAULTS = new LabelNamer(true, true, true);
  private static final LabelNamer COLLAPSE = new LabelNamer(true, true, false);
  private static final LabelNamer NO_SANITIZATION = new LabelNamer(true, false, true);
  private static final LabelNamer UTF8 = new LabelNamer(false, true, true);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "http.method|http_method", "123abc|key_123abc", "_foo|key_foo", "__foo__|__foo__",
      "__a.b__|__a_b__", "a..b|a__b", "job|job", "le|le", "k8s.pod.name|k8s_pod_name",
      "größe|gr__e", "__x|__x", "a-b c|a_b_c",
  })
  void prometheusDefaultsPreserveUnderscoresAndSanitizeALeadingOne(String key, String want) throws Exception {
    assertThat(PROMETHEUS_DEFAULTS.build(key)).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"a..b|a_b", "a_.b|a_b", "__x|key_x", "größe|gr_e"})
  void collapseModeJoinsRunsOfInvalidCharacters(String key, String want) throws Exception {
    assertThat(COLLAPSE.build(key)).isEqualTo(want);
  }

  @Test
  void withoutUnderscoreSanitizationALeadingUnderscoreStays() throws Exception {
    assertThat(NO_SANITIZATION.build("_foo")).isEqualTo("_foo");
    assertThat(NO_SANITIZATION.build("123")).isEqualTo("key_123");
  }

  @Test
  void utf8StrategiesKeepNames() throws Exception {
    assertThat(UTF8.build("http.method")).isEqualTo("http.method");
    assertThat(UTF8.build("größe")).isEqualTo("größe");
  }

  @Test
  void emptyOrUnderscoreOnlyResultsAreErrors() {
    assertThatThrownBy(() -> PROMETHEUS_DEFAULTS.build("")).isInstanceOf(LabelNamer.InvalidLabelException.class);
    assertThatThrownBy(() -> PROMETHEUS_DEFAULTS.build("..")).isInstanceOf(LabelNamer.InvalidLabelException.class);
    assertThatThrownBy(() -> UTF8.build("___")).isInstanceOf(LabelNamer.InvalidLabelException.class);
    assertThatThrownBy(() -> UTF8.build("")).isInstanceOf(LabelNamer.InvalidLabelException.class);
  }
}
