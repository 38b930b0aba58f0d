package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlBlocksTest {

  @Test
  void indentsEveryLineAlikeSoNestingIsKept() {
    String rules = "# a comment\n- source_labels: [le]\n  regex: '(.+)'\n\n- action: labeldrop\n  regex: x\n";

    assertThat(YamlBlocks.indent(rules, 4)).isEqualTo(
        "    # a comment\n    - source_labels: [le]\n      regex: '(.+)'\n\n    - action: labeldrop\n      regex: x\n");
  }

  @Test
  void endsWithOneNewlineWhateverTheInputEndsWith() {
    assertThat(YamlBlocks.indent("- a: 1", 2)).isEqualTo("  - a: 1\n");
    assertThat(YamlBlocks.indent("- a: 1\r\n\r\n  \n", 2)).isEqualTo("  - a: 1\n");
  }

  @Test
  void refusesTabIndentation() {
    assertThatThrownBy(() -> YamlBlocks.indent("- a: 1\n\tb: 2\n", 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot indent YAML line 2: it is indented with a tab");
  }
}
