package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusSenderConfigTest {

  @Test
  void writesOneRemoteWriteEntryPerUrlWithUniqueNames() {
    String yaml = PrometheusSenderConfig.yaml(9090,
        List.of("http://127.0.0.1:1/api/v1/write", "http://127.0.0.1:2/api/v1/write"), PrometheusSenderOptions.defaults());

    assertThat(yaml).contains("  - url: 'http://127.0.0.1:1/api/v1/write'\n    name: rw-0\n")
        .contains("  - url: 'http://127.0.0.1:2/api/v1/write'\n    name: rw-1\n")
        .contains("static_configs: [{targets: ['127.0.0.1:9090']}]")
        .contains("  scrape_interval: 1s\n")
        .doesNotContain("job_name: extra")
        .doesNotContain("external_labels");
    assertThat(yaml.split("batch_send_deadline: 1s", -1)).hasSize(3);
  }

  @Test
  void quotesValuesSoThatNoValueCanBreakTheYaml() {
    PrometheusSenderOptions options = PrometheusSenderOptions.defaults()
        .withExternalLabels(Map.of("replica", "it's, \"a\""))
        .withScrapeInterval(Duration.ofMillis(500));

    String yaml = PrometheusSenderConfig.yaml(9090, List.of("http://127.0.0.1:1/x'y"), options);

    assertThat(yaml).contains("    replica: 'it''s, \"a\"'\n")
        .contains("  - url: 'http://127.0.0.1:1/x''y'\n")
        .contains("  scrape_interval: 500ms\n");
  }

  @Test
  void passesTheSameOptionsToTheScriptAsEnvironment() {
    PeerProcess target = new PeerProcess("node-exporter", 9100, null, null, null);
    PrometheusSenderOptions options = PrometheusSenderOptions.defaults().withExtraTargets(target)
        .withExternalLabels(Map.of("replica", "a", "cluster", "c")).withExemplarsAndNativeHistograms();

    assertThat(options.scriptEnvironment())
        .containsEntry("SCRAPE_INTERVAL", "1s")
        .containsEntry("METADATA_INTERVAL", "5s")
        .containsEntry("EXTRA_TARGETS", "127.0.0.1:9100")
        .containsEntry("EXTERNAL_LABELS", "cluster=c,replica=a")
        .containsEntry("PROM_FEATURES", "exemplar-storage,native-histograms")
        .containsEntry("SEND_EXEMPLARS", "true")
        .containsEntry("SEND_NATIVE_HISTOGRAMS", "true");
  }

  @Test
  void refusesAnExternalLabelTheScriptWouldSplit() {
    PrometheusSenderOptions options = PrometheusSenderOptions.defaults().withExternalLabels(Map.of("k", "a,b"));

    assertThatThrownBy(options::scriptEnvironment).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot pass external label k");
  }
}
