package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
