package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSenderConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final PeerProcess NODE_EXPORTER = new PeerProcess("node-exporter", 9100, null, null, null);

  @Test
  void scrapesOneExporterAsDistinctHostsInThreeZonesWithTheDefaultQueue() throws Exception {
    JsonNode config = YAML.readTree(FleetSenderConfig.yaml(9090, "http://127.0.0.1:1/api/v1/write",
        Duration.ofSeconds(1), Duration.ofSeconds(5), NODE_EXPORTER, 7));

    JsonNode node = config.get("scrape_configs").get(1);
    assertThat(node.get("job_name").asText()).isEqualTo("node");
    List<String> targets = new ArrayList<>();
    List<String> zones = new ArrayList<>();
    for (JsonNode group : node.get("static_configs")) {
      zones.add(group.get("labels").get("zone").asText());
      group.get("targets").forEach(t -> targets.add(t.asText()));
    }
    assertThat(zones).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
    assertThat(targets).containsExactlyInAnyOrder("host-001:9100", "host-002:9100", "host-003:9100",
        "host-004:9100", "host-005:9100", "host-006:9100", "host-007:9100");
    JsonNode relabel = node.get("relabel_configs");
    assertThat(relabel.get(0).get("target_label").asText()).isEqualTo("instance");
    assertThat(relabel.get(relabel.size() - 1).get("target_label").asText()).isEqualTo("__address__");
    assertThat(relabel.get(relabel.size() - 1).get("replacement").asText()).isEqualTo("127.0.0.1:9100");
    assertThat(config.get("global").get("scrape_timeout").asText()).isEqualTo("1s");

    JsonNode remoteWrite = config.get("remote_write").get(0);
    assertThat(remoteWrite.get("name").asText()).isEqualTo(FleetSenderConfig.remoteName());
    assertThat(remoteWrite.has("queue_config")).as("Prometheus' default queue_config").isFalse();
    assertThat(remoteWrite.get("metadata_config").get("send_interval").asText()).isEqualTo("5s");
  }

  @Test
  void withoutScrapesKeepsTheRemoteWriteAndDropsEveryJob() throws Exception {
    JsonNode config = YAML.readTree(FleetSenderConfig.withoutScrapes("http://127.0.0.1:1/api/v1/write",
        Duration.ofSeconds(15), Duration.ofSeconds(5)));

    assertThat(config.get("scrape_configs")).isEmpty();
    assertThat(config.get("remote_write").get(0).get("url").asText()).isEqualTo("http://127.0.0.1:1/api/v1/write");
    assertThat(config.get("global").get("scrape_timeout").asText()).isEqualTo("10s");
  }

  @Test
  void refusesAnEmptyFleet() {
    assertThatThrownBy(() -> FleetSenderConfig.yaml(9090, "http://127.0.0.1:1/api/v1/write", Duration.ofSeconds(1),
        Duration.ofSeconds(5), NODE_EXPORTER, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
