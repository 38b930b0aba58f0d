package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ValuesTableTest {
  @Test
  void chartReadmeTableIsTheOneGeneratedFromValuesYaml() throws Exception {
    String readme = Files.readString(Chart.DIR.resolve("README.md"), StandardCharsets.UTF_8);

    assertThat(readme).as("helm/rw-gateway/README.md is out of date: run helm/gen-values-table.sh")
        .isEqualTo(ValuesTable.expectedReadme(Chart.DIR));
  }

  @Test
  void theScriptChecksTheTableAsShipped() throws Exception {
    Process p = new ProcessBuilder("bash", Chart.DIR.resolveSibling("gen-values-table.sh").toString(), "--check")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("values table up to date");
  }

  @Test
  void documentedKeysBecomeDottedRowsWithTheirInlineDefault() {
    List<ValuesTable.Row> rows = ValuesTable.rows(List.of(
        "# -- the mode",
        "# on two lines",
        "mode: standalone",
        "image:",
        "  # -- the repository",
        "  repository: rw-gateway",
        "  nested:",
        "    # -- deep",
        "    key: {a: 1}"));

    assertThat(rows).containsExactly(
        new ValuesTable.Row("mode", "`standalone`", "the mode on two lines"),
        new ValuesTable.Row("image.repository", "`rw-gateway`", "the repository"),
        new ValuesTable.Row("image.nested.key", "`{a: 1}`", "deep"));
  }

  @Test
  void aBlockValueTakesItsDefaultFromTheOverrideAndHidesItsChildren() {
    List<ValuesTable.Row> rows = ValuesTable.rows(List.of(
        "# -- the config",
        "# @default -- no backend",
        "config:",
        "  listen_address: 0.0.0.0:9201",
        "  backends:",
        "    - name: vm",
        "      url: http://vm"));

    assertThat(rows).containsExactly(new ValuesTable.Row("config", "no backend", "the config"));
  }

  @Test
  void anUndocumentedLeafIsAnError() {
    assertThatThrownBy(() -> ValuesTable.rows(List.of("image:", "  tag: \"\"")))
        .hasMessage("values.yaml line 2: image.tag has no `# --` comment");
  }

  @Test
  void aBlankLineDetachesACommentFromTheKeyBelow() {
    assertThatThrownBy(() -> ValuesTable.rows(List.of("# -- orphan", "", "mode: x")))
        .hasMessage("values.yaml line 3: mode has no `# --` comment");
  }

  @Test
  void aDocumentedBlockWithoutDefaultOverrideIsAnError() {
    assertThatThrownBy(() -> ValuesTable.rows(List.of("# -- resources", "resources:", "  cpu: 1")))
        .hasMessage("values.yaml line 2: resources has a block value: document its keys, or give `# @default --`");
  }

  @Test
  void pipesAreEscapedInCells() {
    String table = ValuesTable.table(List.of(new ValuesTable.Row("a", "`x|y`", "one | two")));

    assertThat(table).contains("| `a` | `x\\|y` | one \\| two |");
  }

  @Test
  void onlyTheTableBetweenTheMarkersIsReplaced() {
    String readme = "intro\n" + ValuesTable.BEGIN + "\nold\n" + ValuesTable.END + "\noutro\n";

    assertThat(ValuesTable.withTable(readme, "NEW")).isEqualTo("intro\nNEW\noutro\n");
  }
}
