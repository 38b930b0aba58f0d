package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

  @Test
  void writesWriteRelabelConfigsUnderTheirOwnRemoteWriteEntryOnly() throws Exception {
    String rules = "# drop the GC summaries\n- source_labels: [__name__]\n  regex: go_gc_.*\n  action: drop\n"
        + "- regex: '(dialer)_name'\n  replacement: '${1}'\n  action: labelmap\n";
    String relabeled = "http://127.0.0.1:2/api/v1/write";
    PrometheusSenderOptions options = PrometheusSenderOptions.defaults().withWriteRelabelConfigs(relabeled, rules);

    String yaml = PrometheusSenderConfig.yaml(9090, List.of("http://127.0.0.1:1/api/v1/write", relabeled), options);

    assertThat(yaml).contains("      max_samples_per_send: 2000\n    write_relabel_configs:\n"
        + "      # drop the GC summaries\n      - source_labels: [__name__]\n        regex: go_gc_.*\n"
        + "        action: drop\n      - regex: '(dialer)_name'\n        replacement: '${1}'\n"
        + "        action: labelmap\n");
    JsonNode remoteWrite = new ObjectMapper(new YAMLFactory()).readTree(yaml).get("remote_write");
    assertThat(remoteWrite).hasSize(2);
    assertThat(remoteWrite.get(0).has("write_relabel_configs")).isFalse();
    JsonNode written = remoteWrite.get(1).get("write_relabel_configs");
    assertThat(written).hasSize(2);
    assertThat(written.get(0).get("source_labels").get(0).asText()).isEqualTo("__name__");
    assertThat(written.get(0).get("regex").asText()).isEqualTo("go_gc_.*");
    assertThat(written.get(1).get("replacement").asText()).isEqualTo("${1}");
    assertThat(remoteWrite.get(1).get("url").asText()).isEqualTo(relabeled);
  }

  @Test
  void refusesRulesForAUrlItDoesNotWriteTo() {
    PrometheusSenderOptions options = PrometheusSenderOptions.defaults()
        .withWriteRelabelConfigs("http://127.0.0.1:3/api/v1/write", "- action: labeldrop\n  regex: x\n");

    assertThatThrownBy(() -> PrometheusSenderConfig.yaml(9090, List.of("http://127.0.0.1:1/api/v1/write"), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot write write_relabel_configs for http://127.0.0.1:3/api/v1/write");
  }

  @Test
  void neverHandsRulesToTheScriptWhichCannotWriteThem() {
    PrometheusSenderOptions options = PrometheusSenderOptions.defaults()
        .withWriteRelabelConfigs("http://127.0.0.1:1/api/v1/write", "- action: labeldrop\n  regex: x\n");

    assertThatThrownBy(options::scriptEnvironment).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot pass write_relabel_configs to start-prometheus-sender.sh");
  }
}
