package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Backend credentials: from Secrets the user manages, or given in values; always files. */
class CredentialsTest {
  @Test
  void noCredentialObjectOrMountByDefault() {
    Manifests m = Chart.withDefaults().render();
    assertThat(m.kinds()).doesNotContain("Secret");
    assertThat(m.container().path("volumeMounts").toString()).doesNotContain("credentials");
  }

  @Test
  void credentialsGivenInValuesAreASecretMountedAsReadOnlyFilesAndNowhereElse() {
    Manifests m = Chart.withDefaults().set("credentials.mimir-token", "t0p-s3cret").render();
    JsonNode secret = m.get("Secret");
    assertThat(secret.at("/metadata/name").asText()).isEqualTo(Chart.FULLNAME + "-credentials");
    assertThat(new String(Base64.getDecoder().decode(secret.at("/data/mimir-token").asText()), StandardCharsets.UTF_8))
        .isEqualTo("t0p-s3cret");
    JsonNode volume = MountedFiles.volume(m.podSpec().path("volumes"), "rw-gateway-credentials");
    assertThat(volume.at("/secret/secretName").asText()).isEqualTo(Chart.FULLNAME + "-credentials");
    assertThat(volume.at("/secret/defaultMode").asInt()).isEqualTo(0400);
    assertThat(m.container().path("volumeMounts")).anySatisfy(mount -> {
      assertThat(mount.path("name").asText()).isEqualTo("rw-gateway-credentials");
      assertThat(mount.path("mountPath").asText()).isEqualTo("/var/run/secrets/rw-gateway/values");
      assertThat(mount.path("readOnly").asBoolean()).isTrue();
    });
    assertThat(MountedFiles.read("/var/run/secrets/rw-gateway/values/mimir-token", m.container(), m.podSpec().path("volumes"), m))
        .isEqualTo("t0p-s3cret");
    m.all().stream().filter(o -> !o.path("kind").asText().equals("Secret"))
        .forEach(o -> assertThat(o.toString()).doesNotContain("t0p-s3cret"));
    assertThat(m.container().has("env")).isFalse();
  }

  @Test
  void existingSecretsAreMountedOneDirectoryEach() {
    Manifests m = Chart.withDefaults().set("credentialSecrets[0]", "vm-credentials").render();
    assertThat(m.kinds()).doesNotContain("Secret");
    JsonNode volume = MountedFiles.volume(m.podSpec().path("volumes"), "rw-gateway-cred-vm-credentials");
    assertThat(volume.at("/secret/secretName").asText()).isEqualTo("vm-credentials");
    assertThat(m.container().path("volumeMounts")).anySatisfy(mount -> {
      assertThat(mount.path("mountPath").asText()).isEqualTo("/var/run/secrets/rw-gateway/vm-credentials");
      assertThat(mount.path("readOnly").asBoolean()).isTrue();
    });
  }
}
