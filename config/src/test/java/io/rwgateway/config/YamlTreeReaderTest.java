package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

  @Test
  void syntaxErrorIsOneErrorWithLineAndColumn() {
    assertThat(LoadErrors.of("ingest:\n  max_body_bytes: 1MiB\nbackends: [{name: a\n")).containsExactly(
        "cannot parse YAML at line 4, column 1: expected ',' or '}', but got <stream end>"
            + " (while parsing a flow mapping started at line 3, column 12)");
    assertThat(LoadErrors.of("listen_address: a: b\n"))
        .containsExactly("cannot parse YAML at line 1, column 18: mapping values are not allowed here");
  }

  @Test
  void syntaxErrorHidesOtherErrors() {
    // Nothing after a syntax error can be trusted, so the unknown key before it is not reported.
    assertThat(LoadErrors.of("foo: 1\nbar: [\n")).hasSize(1).first().asString().startsWith("cannot parse YAML at line 3");
  }

  @Test
  void tabIndentationIsASyntaxError() {
    assertThat(LoadErrors.of("ingest:\n\tmax_body_bytes: 1\n")).singleElement().asString()
        .startsWith("cannot parse YAML at line 2, column 1: found character '\\t(TAB)' that cannot start any token");
  }

  @Test
  void rejectsDuplicateKeysInsteadOfKeepingTheLast() {
    assertThat(LoadErrors.of("backends:\n  - name: a\n    url: http://a/w\n    name: b\n"))
        .containsExactly("backends[0].name: duplicate key (again at line 4)");
    assertThat(LoadErrors.of("stats_log_interval: 1s\nstats_log_interval: 2s\n"))
        .containsExactly("stats_log_interval: duplicate key (again at line 2)");
  }

  @Test
  void rejectsAliasesInsteadOfReadingTheAnchorName() {
    // Jackson hands an alias over as the anchor's name, a string: "X-Scope-OrgID: *t" would send "t".
    String yaml = String.join("\n",
        "backends:",
        "  - name: &n a",
        "    url: http://a/w",
        "    headers: {X-Scope-OrgID: *n}",
        "");

    assertThat(LoadErrors.of(yaml)).containsExactly(
        "backends[0].headers.X-Scope-OrgID: cannot use YAML alias *n (line 4): aliases and merge keys are not"
            + " supported, write the value out");
  }

  @Test
  void rejectsAliasedListItemsOnce() {
    assertThat(LoadErrors.of("backends:\n  - &b {name: a, url: 'http://a/w'}\n  - *b\n")).containsExactly(
        "backends[1]: cannot use YAML alias *b (line 3): aliases and merge keys are not supported, write the value out");
  }

  @Test
  void rejectsASecondDocument() {
    assertThat(LoadErrors.of("ingest: {}\n---\nbackends: []\n"))
        .containsExactly("(root): cannot read a second YAML document (line 3): put everything in one");
  }

  @Test
  void acceptsDocumentMarkers() throws Exception {
    assertThat(ConfigLoader.parse("---\nlisten_address: ':1'\n...\n").listenPort()).isEqualTo(1);
    assertThat(ConfigLoader.parse("listen_address: ':1'\n---\n").listenPort()).isEqualTo(1);
  }

  @Test
  void readsQuotedAndFlowStyles() throws Exception {
    GatewayConfig config = ConfigLoader.parse(
        "{\"listen_address\": \"127.0.0.1:1\", backends: [{name: \"a\", url: 'http://a/w', concurrency: 3}]}");

    assertThat(config.listenHost()).isEqualTo("127.0.0.1");
    assertThat(config.backends().get(0).concurrency()).isEqualTo(3);
  }
}
