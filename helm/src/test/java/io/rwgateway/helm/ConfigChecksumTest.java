package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway reads its config at start: a config change must roll the pods, nothing else must. */
class ConfigChecksumTest {
  private static String checksum(Manifests m) {
    return m.get("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText();
  }

  @Test
  void aConfigChangeChangesThePodTemplate() {
    String before = checksum(Chart.withDefaults().render());
    String after = checksum(Chart.withDefaults().set("config.stats_log_interval", "30s").render());

    assertThat(before).hasSize(64);
    assertThat(after).hasSize(64).isNotEqualTo(before);
  }

  @Test
  void aChangeOutsideTheConfigKeepsThePodTemplateChecksum() {
    assertThat(checksum(Chart.withDefaults().set("replicaCount", 3).render()))
        .isEqualTo(checksum(Chart.withDefaults().render()));
  }

  @Test
  void aConfigInASecretIsChecksummedToo() {
    String configMap = checksum(Chart.withDefaults().render());
    String secret = checksum(Chart.withDefaults().set("configSecret.enabled", true).render());

    assertThat(secret).isEqualTo(configMap);
  }

  @Test
  void anExistingSecretIsMountedAndNothingIsRenderedOrChecksummed() {
    Manifests m = Chart.withDefaults().set("configSecret.existingSecret", "my-gateway-config").render();

    assertThat(m.kinds()).doesNotContain("ConfigMap", "Secret");
    assertThat(MountedFiles.volume(m.podSpec().path("volumes"), "rw-gateway-config").at("/secret/secretName").asText())
        .isEqualTo("my-gateway-config");
    assertThat(m.get("Deployment").at("/spec/template/metadata/annotations").has("checksum/config")).isFalse();
  }
}
