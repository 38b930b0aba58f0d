package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.otlp.DeltaMode;
import io.rwgateway.translators.otlp.OtlpOptions;
import io.rwgateway.translators.otlp.TranslationStrategy;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String BRIEF_EXAMPLE = String.join("\n",
      "listen_address: 0.0.0.0:9201",
      "stats_log_interval: 10s",
      "ingest:",
      "  max_body_bytes: 10MiB",
      "  max_decoded_bytes: 32MiB",
      "  max_labels_per_series: 30",
      "  max_label_name_length: 1024",
      "  max_label_value_length: 2048",
      "  metadata_cache: {max_families: 100000, ttl: 1h}",
      "backends:",
      "  - name: vm",
      "    url: http://127.0.0.1:8428/api/v1/write",
      "    protocol: rw2",
      "    headers: {X-Scope-OrgID: team-a}",
      "    timeout: 30s",
      "    concurrency: 1",
      "    queue: {max_bytes: 64MiB}",
      "    batch: {max_samples: 10000, max_bytes: 4MiB, max_delay: 5s}",
      "    metadata: full",
      "    retry: {min_backoff: 30ms, max_backoff: 5s, retry_on_429: true}",
      "");

  @Test
  void parsesTheDocumentedExampleToTheDefaultsPlusOneBackend() throws Exception {
    GatewayConfig config = ConfigLoader.parse(BRIEF_EXAMPLE);

    BackendConfig vm = new BackendConfig("vm", URI.create("http://127.0.0.1:8428/api/v1/write"), Protocol.RW2,
        Map.of("X-Scope-OrgID", "team-a"), Duration.ofSeconds(30), 1, new QueueConfig(64L << 20),
        new BatchConfig(10_000, 4L << 20, Duration.ofSeconds(5)),
        new RetryConfig(Duration.ofMillis(30), Duration.ofSeconds(5), true), List.of(), null);
    assertThat(config).isEqualTo(new GatewayConfig("0.0.0.0", 9201, Duration.ofSeconds(10),
        new IngestConfig(10L << 20, 32 << 20, 30, 1024, 2048, new MetadataCacheConfig(100_000, Duration.ofHours(1))),
        List.of(vm), List.of(), new RelabelCacheConfig(100_000), OtlpConfig.defaults()));
    // The example writes every default out, so it must agree with the defaults in code.
    assertThat(config.ingest()).isEqualTo(IngestConfig.defaults());
    assertThat(config.backends().get(0)).usingRecursiveComparison().ignoringFields("headers")
        .isEqualTo(BackendConfig.withDefaults("vm", vm.url()));
  }

  @Test
  void loadsTheExampleFile() throws Exception {
    Path file = Path.of(getClass().getResource("/example.yaml").toURI());

    GatewayConfig config = ConfigLoader.load(file);

    assertThat(config.listenHost()).isEqualTo("127.0.0.1");
    assertThat(config.listenPort()).isEqualTo(19201);
    assertThat(config.statsLogInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.ingest()).isEqualTo(new IngestConfig(8L << 20, 64 << 20, 40, 512, 4096,
        new MetadataCacheConfig(50_000, Duration.ofHours(2))));
    assertThat(config.relabelConfigs()).containsExactly(
        RelabelRule.of(RelabelAction.DROP, List.of("__name__"), null, null, "go_.*", null, null),
        RelabelRule.of(RelabelAction.HASHMOD, List.of("__name__", "job"), "/", "shard", null, 8L, null),
        RelabelRule.of(RelabelAction.REPLACE, null, null, "env", "(.*)", null, "$1"));
    assertThat(config.relabelCache()).isEqualTo(new RelabelCacheConfig(50_000));
    assertThat(config.otlp()).isEqualTo(new OtlpConfig(OtlpOptions.builder()
        .translationStrategy(TranslationStrategy.NO_UTF8_ESCAPING_WITH_SUFFIXES)
        .promoteAllResourceAttributes(true).ignoreResourceAttributes(List.of("process.pid", "host.arch"))
        .keepIdentifyingResourceAttributes(true).convertHistogramsToNhcb(true).promoteScopeMetadata(true)
        .labelNameUnderscoreSanitization(false).labelNamePreserveMultipleUnderscores(false)
        .delta(DeltaMode.TO_CUMULATIVE).deltaMaxSeries(20_000).deltaExpiry(Duration.ofMinutes(30)).build(),
        "127.0.0.1", 14317));
    assertThat(config.backends()).containsExactly(
        new BackendConfig("vm", URI.create("http://127.0.0.1:8428/api/v1/write"), Protocol.RW2,
            Map.of("X-Scope-OrgID", "team-a"), Duration.ofSeconds(10), 4, new QueueConfig(128L << 20),
            new BatchConfig(5000, 2L << 20, Duration.ofMillis(500)),
            new RetryConfig(Duration.ofMillis(50), Duration.ofSeconds(10), false),
            List.of(RelabelRule.of(RelabelAction.LABELDROP, null, null, null, "shard", null, null)), null),
        new BackendConfig("legacy-prom_1", URI.create("https://prometheus.example.com:9090/api/v1/write?tenant=x"),
            Protocol.RW1, Map.of(), Duration.ofSeconds(30), 1, QueueConfig.defaults(), BatchConfig.defaults(),
            RetryConfig.defaults(), List.of(), null, MetadataDetail.TYPE_AND_UNIT),
        new BackendConfig("mimir", URI.create("http://127.0.0.1:9009/api/v1/push"), Protocol.RW2, Map.of(),
            Duration.ofSeconds(30), 1, QueueConfig.defaults(), BatchConfig.defaults(), RetryConfig.defaults(),
            List.of(), new TenantConfig("tenant", "X-Scope-OrgID", "anonymous", true)));
  }

  @Test
  void emptyTextGivesTheDefaults() throws Exception {
    assertThat(ConfigLoader.parse("")).isEqualTo(GatewayConfig.defaults());
    assertThat(ConfigLoader.parse("# nothing configured yet\n")).isEqualTo(GatewayConfig.defaults());
    assertThat(ConfigLoader.parse("{}")).isEqualTo(GatewayConfig.defaults());
  }

  @Test
  void emptyFileGivesTheDefaults(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("empty.yaml"), "");

    assertThat(ConfigLoader.load(file)).isEqualTo(GatewayConfig.defaults());
  }

  @Test
  void defaultsAreTheDocumentedValues() {
    GatewayConfig d = GatewayConfig.defaults();

    assertThat(d.listenHost()).isEqualTo("0.0.0.0");
    assertThat(d.listenPort()).isEqualTo(9201);
    assertThat(d.statsLogInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.ingest()).isEqualTo(new IngestConfig(10 * 1024 * 1024, 32 * 1024 * 1024, 30, 1024, 2048,
        new MetadataCacheConfig(100_000, Duration.ofHours(1))));
    assertThat(d.backends()).isEmpty();
    assertThat(d.relabelConfigs()).isEmpty();
    assertThat(d.relabelCache()).isEqualTo(new RelabelCacheConfig(100_000));
    assertThat(d.otlp()).isEqualTo(new OtlpConfig(OtlpOptions.defaults(), "0.0.0.0", 4317));
    assertThat(d.otlp().translation().translationStrategy()).isEqualTo(TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES);
    assertThat(d.otlp().translation().delta()).isEqualTo(DeltaMode.DROP);
    BackendConfig b = BackendConfig.withDefaults("b", URI.create("http://h/w"));
    assertThat(b.protocol()).isEqualTo(Protocol.RW2);
    assertThat(b.headers()).isEmpty();
    assertThat(b.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.concurrency()).isEqualTo(1);
    assertThat(b.queue()).isEqualTo(new QueueConfig(64 * 1024 * 1024));
    assertThat(b.batch()).isEqualTo(new BatchConfig(10_000, 4 * 1024 * 1024, Duration.ofSeconds(5)));
    assertThat(b.metadata()).isEqualTo(MetadataDetail.FULL);
    assertThat(b.retry()).isEqualTo(new RetryConfig(Duration.ofMillis(30), Duration.ofSeconds(5), true));
    assertThat(b.writeRelabelConfigs()).isEmpty();
    assertThat(b.tenant()).isNull();
    assertThat(TenantConfig.byLabel("t")).isEqualTo(new TenantConfig("t", "X-Scope-OrgID", null, false));
  }

  @Test
  void absentKeysTakeTheirDefaults() throws Exception {
    GatewayConfig config = ConfigLoader.parse(String.join("\n",
        "ingest:",
        "  max_labels_per_series: 50",
        "  metadata_cache: {ttl: 5m}",
        "backends:",
        "  - name: a",
        "    url: http://localhost:8428/api/v1/write",
        "    batch: {max_samples: 7}",
        "    retry: {retry_on_429: false}"));

    assertThat(config.listenPort()).isEqualTo(9201);
    assertThat(config.ingest()).isEqualTo(new IngestConfig(10L << 20, 32 << 20, 50, 1024, 2048,
        new MetadataCacheConfig(100_000, Duration.ofMinutes(5))));
    BackendConfig a = config.backends().get(0);
    assertThat(a.batch()).isEqualTo(new BatchConfig(7, 4L << 20, Duration.ofSeconds(5)));
    assertThat(a.retry()).isEqualTo(new RetryConfig(Duration.ofMillis(30), Duration.ofSeconds(5), false));
    assertThat(a.queue()).isEqualTo(QueueConfig.defaults());
    assertThat(a.protocol()).isEqualTo(Protocol.RW2);
  }

  @Test
  void emptyBackendListAndNullSectionsAreAllowed() throws Exception {
    assertThat(ConfigLoader.parse("backends: []\n")).isEqualTo(GatewayConfig.defaults());
    // A key with nothing after the colon (e.g. every item commented out) counts as absent.
    assertThat(ConfigLoader.parse("ingest:\nbackends:\n#  - name: a\n")).isEqualTo(GatewayConfig.defaults());
  }

  @Test
  void keepsBackendsInFileOrder() throws Exception {
    GatewayConfig config = ConfigLoader.parse(String.join("\n",
        "backends:",
        "  - {name: c, url: 'http://c/w'}",
        "  - {name: a, url: 'http://a/w'}",
        "  - {name: b, url: 'https://b/w'}"));

    assertThat(config.backends()).extracting(BackendConfig::name).containsExactly("c", "a", "b");
  }

  @Test
  void recordsAreImmutable() throws Exception {
    GatewayConfig config = ConfigLoader.parse("backends: [{name: a, url: 'http://a/w', headers: {X-A: b}}]");

    assertThat(config.backends()).isUnmodifiable();
    assertThat(config.backends().get(0).headers()).isUnmodifiable();
    assertThat(config.relabelConfigs()).isUnmodifiable();
    assertThat(config.backends().get(0).writeRelabelConfigs()).isUnmodifiable();
  }

  @Test
  void exceptionMessageNamesTheSourceAndListsEveryError() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.parse("listen_address: nope\nconcurrency: 3\n", "gateway.yaml"));

    assertThat(e.source()).isEqualTo("gateway.yaml");
    assertThat(e.errors()).containsExactly(
        "listen_address: must be host:port (e.g. 0.0.0.0:9201 or [::1]:9201), got 'nope'",
        "concurrency: unknown key");
    assertThat(e.getMessage()).isEqualTo("invalid configuration gateway.yaml:\n"
        + "  listen_address: must be host:port (e.g. 0.0.0.0:9201 or [::1]:9201), got 'nope'\n"
        + "  concurrency: unknown key");
  }

  @Test
  void loadNamesTheFileInTheMessage(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "stats_log_interval: soon\n");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.getMessage()).startsWith("invalid configuration " + file + ":\n  stats_log_interval: ");
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("absent.yaml");

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.errors()).containsExactly("cannot read file: no such file");
    assertThat(e.getMessage()).isEqualTo("invalid configuration " + file + ":\n  cannot read file: no such file");
  }

  @Test
  void reportsAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.errors()).containsExactly("cannot read file: not valid UTF-8");
  }
}
