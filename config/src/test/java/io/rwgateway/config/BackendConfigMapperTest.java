package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.metadata.MetadataDetail;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendConfigMapperTest {

  /** One backend with a valid name and url, plus the given extra lines (indented 4). */
  private static String backend(String... extra) {
    StringBuilder yaml = new StringBuilder("backends:\n  - name: a\n    url: http://a:8428/api/v1/write\n");
    for (String line : extra) {
      yaml.append("    ").append(line).append('\n');
    }
    return yaml.toString();
  }

  @Test
  void requiresNameAndUrl() {
    assertThat(LoadErrors.of("backends: [{}]")).containsExactly(
        "backends[0].name: required",
        "backends[0].url: required");
  }

  @Test
  void rejectsUrlsThatAreNotAbsoluteHttp() {
    assertThat(LoadErrors.of(String.join("\n",
        "backends:",
        "  - {name: a, url: 'http://a/w'}",
        "  - {name: b, url: 'ftp://b/w'}",
        "  - {name: c, url: '/api/v1/write'}",
        "  - {name: d, url: 'http://x y/'}",
        "  - {name: e, url: 'http://my_host:1/w'}"))).containsExactly(
        "backends[1].url: must be an absolute http or https URL, got 'ftp://b/w'",
        "backends[2].url: must be an absolute http or https URL, got '/api/v1/write'",
        "backends[3].url: must be an absolute http or https URL, got 'http://x y/'"
            + " (Illegal character in authority at index 7)",
        "backends[4].url: must be an absolute http or https URL with a valid host name"
            + " (letters, digits, '-', '.'), got 'http://my_host:1/w'");
  }

  @Test
  void rejectsCredentialsInTheUrlWithoutEchoingThem() {
    assertThat(LoadErrors.of("backends: [{name: a, url: 'https://user:s3cret@h/w'}]"))
        .containsExactly("backends[0].url: must not contain user info: use basic_auth");
    assertThat(LoadErrors.of("backends: [{name: a, url: 'ftp://user:s3cret@h/w'}]"))
        .containsExactly("backends[0].url: must be an absolute http or https URL, got 'ftp://***@h/w'");
  }

  @Test
  void acceptsHttpsUrlWithPortPathAndQuery() throws Exception {
    GatewayConfig config = ConfigLoader.parse(
        "backends: [{name: a, url: 'HTTPS://mimir.example:443/api/v1/push?x=1'}]");

    assertThat(config.backends().get(0).url()).isEqualTo(URI.create("HTTPS://mimir.example:443/api/v1/push?x=1"));
  }

  @Test
  void rejectsNamesThatCannotBeMetricLabels() {
    assertThat(LoadErrors.of(String.join("\n",
        "backends:",
        "  - {name: 'a b', url: 'http://a/w'}",
        "  - {name: '', url: 'http://a/w'}",
        "  - {name: 7, url: 'http://a/w'}"))).containsExactly(
        "backends[0].name: must match [a-zA-Z0-9_-]+ (it is used as a metric label), got 'a b'",
        "backends[1].name: must match [a-zA-Z0-9_-]+ (it is used as a metric label), got ''",
        "backends[2].name: must be a string, got 7 (quote it)");
  }

  @Test
  void rejectsDuplicateNames() {
    assertThat(LoadErrors.of(String.join("\n",
        "backends:",
        "  - {name: a, url: 'http://a/w'}",
        "  - {name: b, url: 'http://b/w'}",
        "  - {name: a, url: 'http://a2/w'}"))).containsExactly(
        "backends[2].name: duplicate backend name 'a' (also backends[0])");
  }

  @Test
  void rejectsReservedHeadersWhateverTheirCase() {
    assertThat(LoadErrors.of(backend(
        "headers: {Content-Type: text/plain, user-agent: me, X-Prometheus-Remote-Write-Version: 9, HOST: h}")))
        .containsExactly(
            "backends[0].headers.Content-Type: cannot set reserved header Content-Type:"
                + " the gateway sets it (remote-write.md §1.2)",
            "backends[0].headers.user-agent: cannot set reserved header user-agent:"
                + " the gateway sets it (remote-write.md §1.2)",
            "backends[0].headers.X-Prometheus-Remote-Write-Version: cannot set reserved header"
                + " X-Prometheus-Remote-Write-Version: the gateway sets it (remote-write.md §1.2)",
            "backends[0].headers.HOST: cannot set reserved header HOST: the gateway sets it (remote-write.md §1.2)");
  }

  @Test
  void rejectsAuthorizationHeader() {
    assertThat(LoadErrors.of(backend("headers: {authorization: 'Bearer t'}"))).containsExactly(
        "backends[0].headers.authorization: cannot set authorization as a plain header:"
            + " use basic_auth or authorization (credentials_file)");
  }

  @Test
  void rejectsMalformedHeaders() {
    assertThat(LoadErrors.of(backend(
        "headers: {X-A: a, x-a: b, 'bad name': v, X-C: \"a\\r\\nb\", X-D: 1, X-E: [1]}"))).containsExactly(
        "backends[0].headers.x-a: duplicate header (same as X-A: header names are case-insensitive)",
        "backends[0].headers.bad name: must be a valid header name (letters, digits and !#$%&'*+-.^_`|~)",
        "backends[0].headers.X-C: must not contain control characters such as line breaks",
        "backends[0].headers.X-D: must be a string, got 1 (quote it)",
        "backends[0].headers.X-E: must be a string, got a list");
  }

  @Test
  void keepsCustomHeaders() throws Exception {
    GatewayConfig config = ConfigLoader.parse(backend("headers: {X-Scope-OrgID: team-a, X-Empty: ''}"));

    assertThat(config.backends().get(0).headers())
        .containsOnly(org.assertj.core.api.Assertions.entry("X-Scope-OrgID", "team-a"),
            org.assertj.core.api.Assertions.entry("X-Empty", ""));
  }

  @Test
  void readsMetadataDetailByConfigName() throws Exception {
    assertThat(ConfigLoader.parse(backend("metadata: type_and_unit")).backends().get(0).metadata())
        .isEqualTo(MetadataDetail.TYPE_AND_UNIT);
    assertThat(ConfigLoader.parse(backend("metadata: none")).backends().get(0).metadata()).isEqualTo(MetadataDetail.NONE);
    assertThat(ConfigLoader.parse(backend("protocol: rw1")).backends().get(0).metadata()).isEqualTo(MetadataDetail.FULL);
    assertThat(LoadErrors.of(backend("metadata: help_only")))
        .containsExactly("backends[0].metadata: must be full, type_and_unit or none, got 'help_only'");
  }

  @Test
  void readsProtocolByWireName() throws Exception {
    assertThat(ConfigLoader.parse(backend("protocol: rw1")).backends().get(0).protocol()).isEqualTo(Protocol.RW1);
    assertThat(ConfigLoader.parse(backend("protocol: auto")).backends().get(0).protocol()).isEqualTo(Protocol.AUTO);
    assertThat(LoadErrors.of(backend("protocol: rw3")))
        .containsExactly("backends[0].protocol: must be rw2, rw1 or auto, got 'rw3'");
    assertThat(LoadErrors.of(backend("protocol: RW2")))
        .containsExactly("backends[0].protocol: must be rw2, rw1 or auto, got 'RW2'");
  }

  @Test
  void rejectsConcurrencyOutsideOneTo64() throws Exception {
    assertThat(LoadErrors.of(backend("concurrency: 0")))
        .containsExactly("backends[0].concurrency: must be between 1 and 64, got 0");
    assertThat(LoadErrors.of(backend("concurrency: 65")))
        .containsExactly("backends[0].concurrency: must be between 1 and 64, got 65");
    assertThat(ConfigLoader.parse(backend("concurrency: 64")).backends().get(0).concurrency()).isEqualTo(64);
  }

  @Test
  void rejectsMinBackoffAboveMaxBackoff() {
    assertThat(LoadErrors.of(backend("retry: {min_backoff: 10s}")))
        .containsExactly("backends[0].retry.min_backoff: must not exceed max_backoff (5s), got 10s");
    assertThat(LoadErrors.of(backend("retry: {min_backoff: 2s, max_backoff: 1500ms}")))
        .containsExactly("backends[0].retry.min_backoff: must not exceed max_backoff (1.5s), got 2s");
  }

  @Test
  void comparesBackoffsOnlyWhenBothAreValid() {
    // max_backoff falls back to its default (5s) after its error: no second, misleading error.
    assertThat(LoadErrors.of(backend("retry: {min_backoff: 10s, max_backoff: -1s}")))
        .containsExactly("backends[0].retry.max_backoff: cannot parse duration '-1s': must not be negative");
  }

  @Test
  void acceptsEqualBackoffs() throws Exception {
    RetryConfig retry = ConfigLoader.parse(backend("retry: {min_backoff: 1s, max_backoff: 1s}")).backends().get(0).retry();

    assertThat(retry.minBackoff()).isEqualTo(retry.maxBackoff());
  }

  @Test
  void boundsBatchMaxDelayFrom1msTo5m() throws Exception {
    assertThat(LoadErrors.of(backend("batch: {max_delay: 0s}")))
        .containsExactly("backends[0].batch.max_delay: must be between 1ms and 5m0s, got 0s");
    assertThat(LoadErrors.of(backend("batch: {max_delay: 5m1s}")))
        .containsExactly("backends[0].batch.max_delay: must be between 1ms and 5m0s, got 5m1s");
    assertThat(ConfigLoader.parse(backend("batch: {max_delay: 5m}")).backends().get(0).batch().maxDelay())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(ConfigLoader.parse(backend("batch: {max_delay: 1ms}")).backends().get(0).batch().maxDelay())
        .isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void rejectsBatchLargerThanItsQueue() {
    assertThat(LoadErrors.of(backend("queue: {max_bytes: 1MiB}", "batch: {max_bytes: 2MiB}")))
        .containsExactly("backends[0].batch.max_bytes: must not exceed queue.max_bytes (1MiB), got 2MiB");
  }

  @Test
  void rejectsZeroTimeoutAndBadQueueSize() {
    assertThat(LoadErrors.of(backend("timeout: 0s", "queue: {max_bytes: 0}"))).containsExactly(
        "backends[0].timeout: must be at least 1ms, got 0s",
        "backends[0].queue.max_bytes: must be at least 1B, got 0");
  }

  @Test
  void rejectsNonBooleanRetryOn429() {
    assertThat(LoadErrors.of(backend("retry: {retry_on_429: 'yes'}")))
        .containsExactly("backends[0].retry.retry_on_429: must be true or false, got 'yes'");
  }

  @Test
  void reportsUnknownNestedKeysWithSuggestion() {
    assertThat(LoadErrors.of(backend("queue: {max_byte: 1MiB}", "timout: 5s", "retry: {retry_on_http_429: true}")))
        .containsExactly(
            "backends[0].queue.max_byte: unknown key (did you mean max_bytes?)",
            "backends[0].retry.retry_on_http_429: unknown key",
            "backends[0].timout: unknown key (did you mean timeout?)");
  }

  @Test
  void rejectsWrongNodeKinds() {
    assertThat(LoadErrors.of("backends: {name: a}")).containsExactly("backends: must be a list, got a map");
    assertThat(LoadErrors.of("backends: [vm, ~]")).containsExactly(
        "backends[0]: must be a map, got 'vm'",
        "backends[1]: must be a map, got null");
    assertThat(LoadErrors.of(backend("queue: 64MiB", "batch: [1]", "timeout: {s: 1}", "headers: x-a"))).containsExactly(
        "backends[0].headers: must be a map, got 'x-a'",
        "backends[0].timeout: must be a duration (e.g. 30s, 500ms, 1h30m), got a map",
        "backends[0].queue: must be a map, got '64MiB'",
        "backends[0].batch: must be a map, got a list");
  }

  @Test
  void readsTheQueuePolicyOnFull() throws Exception {
    assertThat(ConfigLoader.parse(backend()).backends().get(0).queue().onFull()).isEqualTo(OnFull.DROP_OLDEST);
    for (OnFull o : OnFull.values()) {
      GatewayConfig c = ConfigLoader.parse(backend("queue: {max_bytes: 8MiB, on_full: " + o.configName() + "}"));
      assertThat(c.backends().get(0).queue()).isEqualTo(new QueueConfig(8 << 20, o));
    }
  }

  @Test
  void rejectsAnUnknownOnFullPolicy() {
    assertThat(LoadErrors.of(backend("queue: {on_full: wait}"))).containsExactly(
        "backends[0].queue.on_full: must be drop_oldest, drop_newest or block, got 'wait'");
  }
}
