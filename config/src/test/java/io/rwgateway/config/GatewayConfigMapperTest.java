package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayConfigMapperTest {

  @Test
  void readsListenAddress() throws Exception {
    GatewayConfig config = ConfigLoader.parse("listen_address: '[::1]:0'");

    assertThat(config.listenHost()).isEqualTo("::1");
    assertThat(config.listenPort()).isZero();
  }

  @Test
  void rejectsBadListenAddress() {
    assertThat(LoadErrors.of("listen_address: 'localhost:99999'"))
        .containsExactly("listen_address: must end with a port from 0 to 65535, got 'localhost:99999'");
    assertThat(LoadErrors.of("listen_address: 9201"))
        .containsExactly("listen_address: must be a string, got 9201 (quote it)");
  }

  @Test
  void zeroStatsLogIntervalDisablesTheLine() throws Exception {
    assertThat(ConfigLoader.parse("stats_log_interval: 0s").statsLogInterval()).isEqualTo(Duration.ZERO);
    assertThat(ConfigLoader.parse("stats_log_interval: 0").statsLogInterval()).isEqualTo(Duration.ZERO);
    assertThat(ConfigLoader.parse("stats_log_interval: 1m30s").statsLogInterval()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void rejectsBadDurations() {
    assertThat(LoadErrors.of("stats_log_interval: -5s"))
        .containsExactly("stats_log_interval: cannot parse duration '-5s': must not be negative");
    assertThat(LoadErrors.of("stats_log_interval: 10")).containsExactly(
        "stats_log_interval: cannot parse duration '10': missing unit (e.g. 10s; units ns, us, ms, s, m, h, d, w)");
    assertThat(LoadErrors.of("stats_log_interval: 10 s"))
        .containsExactly("stats_log_interval: cannot parse duration '10 s': unknown unit ' s'"
            + " (use ns, us, ms, s, m, h, d, w)");
    assertThat(LoadErrors.of("stats_log_interval: true"))
        .containsExactly("stats_log_interval: must be a duration (e.g. 30s, 500ms, 1h30m), got true");
  }

  @Test
  void reportsUnknownTopLevelKeys() {
    assertThat(LoadErrors.of("listen_adress: x\nfoo: 1\nBackends: []\n")).containsExactly(
        "listen_adress: unknown key (did you mean listen_address?)",
        "foo: unknown key",
        "Backends: unknown key (did you mean backends?)");
  }

  @Test
  void rejectsADocumentThatIsNotAMap() {
    assertThat(LoadErrors.of("- a\n- b\n")).containsExactly("(root): must be a map, got a list");
    assertThat(LoadErrors.of("just text")).containsExactly("(root): must be a map, got 'just text'");
  }

  @Test
  void reportsEveryErrorAtOnce() {
    String yaml = String.join("\n",
        "listen_address: nowhere",
        "stats_log_interval: often",
        "ingest:",
        "  max_body_bytes: 10 MiB",
        "  metadata_cache: {ttl: 1y}",
        "backends:",
        "  - name: vm",
        "    url: ftp://127.0.0.1/write",
        "    concurrency: 0",
        "    queue: {max_byte: 1MiB}",
        "    retry: {min_backoff: 10s, max_backoff: 5s}",
        "  - name: vm",
        "    headers: {Content-Type: text/plain}",
        "verbose: true",
        "");

    assertThat(LoadErrors.of(yaml)).containsExactly(
        "listen_address: must be host:port (e.g. 0.0.0.0:9201 or [::1]:9201), got 'nowhere'",
        "stats_log_interval: cannot parse duration 'often': expected a number at position 1",
        "ingest.max_body_bytes: cannot parse size '10 MiB': unknown unit ' MiB' (use B, KB, MB, GB, KiB, MiB, GiB)",
        "ingest.metadata_cache.ttl: cannot parse duration '1y': unknown unit 'y' (use ns, us, ms, s, m, h, d, w)",
        "backends[0].url: must be an absolute http or https URL, got 'ftp://127.0.0.1/write'",
        "backends[0].concurrency: must be between 1 and 64, got 0",
        "backends[0].queue.max_byte: unknown key (did you mean max_bytes?)",
        "backends[0].retry.min_backoff: must not exceed max_backoff (5s), got 10s",
        "backends[1].name: duplicate backend name 'vm' (also backends[0])",
        "backends[1].url: required",
        "backends[1].headers.Content-Type: cannot set reserved header Content-Type:"
            + " the gateway sets it (remote-write.md §1.2)",
        "verbose: unknown key");
  }

  @Test
  void reportsEveryRelabelAndTenantErrorAtOnce() {
    String yaml = String.join("\n",
        "relabel_configs:",
        "  - {source_labels: [job], regex: a, action: keep}",
        "  - {source_labels: job, action: drop}",
        "  - {target_label: x, regex: '(', action: replace}",
        "  - {source_labels: [a], target_label: b, modulus: -8, action: hashmod, replacment: x}",
        "relabel_cache: {max_entries: 0}",
        "backends:",
        "  - name: vm",
        "    url: http://vm/w",
        "    headers: {X-Scope-OrgID: fixed}",
        "    write_relabel_configs:",
        "      - {regex: a, action: labeldrop}",
        "      - {regex: a, action: kep}",
        "    tenant: {label: team-id, default: ''}",
        "");

    List<String> errors = LoadErrors.of(yaml);

    assertThat(errors.get(0)).isEqualTo("relabel_configs[1].source_labels: must be a list of strings, got 'job'");
    // The wording of a rule's refusal is RelabelRule.of's; its path is the mapper's.
    assertThat(errors.get(1)).startsWith("relabel_configs[2].regex: ");
    assertThat(errors.subList(2, errors.size())).containsExactly(
        "relabel_configs[3].modulus: must be at least 0, got -8",
        "relabel_configs[3].replacment: unknown key (did you mean replacement?)",
        "relabel_cache.max_entries: must be at least 1, got 0",
        "backends[0].write_relabel_configs[1].action: unknown action 'kep' (did you mean keep?)",
        "backends[0].tenant.label: must be a valid label name ([a-zA-Z_][a-zA-Z0-9_]*), got 'team-id'",
        "backends[0].tenant.header: cannot send X-Scope-OrgID (the default tenant header) per tenant:"
            + " headers.X-Scope-OrgID sets it on every request too, remove one",
        "backends[0].tenant.default: must not be empty: leave it out to drop series without the tenant label");
  }
}
