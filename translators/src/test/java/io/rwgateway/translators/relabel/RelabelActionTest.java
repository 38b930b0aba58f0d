package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelabelActionTest {

  @Test
  void namesEveryActionAsPrometheusConfigsDo() {
    assertThat(RelabelAction.values()).extracting(RelabelAction::yamlName).containsExactly(
        "replace", "keep", "drop", "keepequal", "dropequal", "hashmod", "labelmap", "labeldrop",
        "labelkeep", "lowercase", "uppercase");
  }

  @Test
  void readsNamesIgnoringCase() {
    assertThat(RelabelAction.fromYamlName("KeepEqual")).contains(RelabelAction.KEEPEQUAL);
    assertThat(RelabelAction.fromYamlName("LABELDROP")).contains(RelabelAction.LABELDROP);
    assertThat(RelabelAction.fromYamlName("replace")).contains(RelabelAction.REPLACE);
    // Go's strings.ToLower folds the Kelvin sign to k too.
    assertThat(RelabelAction.fromYamlName("\u212AEEP")).contains(RelabelAction.KEEP);
  }

  @Test
  void refusesUnknownNames() {
    assertThat(RelabelAction.fromYamlName("")).isEmpty();
    assertThat(RelabelAction.fromYamlName("keep_if_equal")).isEmpty();
    assertThat(RelabelAction.fromYamlName(" keep")).isEmpty();
    assertThat(RelabelAction.fromYamlName(null)).isEmpty();
  }
}
