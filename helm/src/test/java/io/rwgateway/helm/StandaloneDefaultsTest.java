package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code helm template} with the chart's default values: a production-sane standalone Deployment. */
class StandaloneDefaultsTest {
  private final Manifests m = Chart.withDefaults().render();

  @Test
  void rendersTheStandaloneObjectsAndNoOptionalOnes() {
    assertThat(m.kinds()).containsExactly("ConfigMap", "Deployment", "PodDisruptionBudget", "Service");
    for (JsonNode o : m.all()) {
      assertThat(o.path("metadata").path("name").asText()).isEqualTo(Chart.FULLNAME);
      assertThat(o.path("metadata").path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    }
  }

  @Test
  void probesAreHealthyForLivenessAndStartupAndReadyForReadiness() {
    JsonNode c = m.container();
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/-/healthy");
    assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/-/healthy");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/-/ready");
    for (String probe : new String[] {"livenessProbe", "startupProbe", "readinessProbe"}) {
      assertThat(c.path(probe).at("/httpGet/port").asText()).isEqualTo("rwgw-http");
    }
    assertThat(c.at("/ports/0/name").asText()).isEqualTo("rwgw-http");
    assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(9201);
    assertThat(c.path("ports")).hasSize(1);
  }

  @Test
  void runsNonRootWithAReadOnlyRootAndNoCapabilities() {
    JsonNode sc = m.container().path("securityContext");
    assertThat(sc.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(sc.path("runAsUser").asInt()).isEqualTo(10001);
    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(GatewayCommandLine.strings(sc.at("/capabilities/drop"))).containsExactly("ALL");
    assertThat(sc.at("/capabilities/add").isMissingNode()).isTrue();
    assertThat(sc.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    JsonNode pod = m.podSpec();
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
  }

  @Test
  void theOnlyWritablePathIsATmpEmptyDir() {
    JsonNode c = m.container();
    JsonNode pod = m.podSpec();
    for (JsonNode mount : c.path("volumeMounts")) {
      JsonNode volume = MountedFiles.volume(pod.path("volumes"), mount.path("name").asText());
      if (mount.path("mountPath").asText().equals("/tmp")) {
        assertThat(volume.at("/emptyDir/sizeLimit").asText()).isEqualTo("64Mi");
      } else {
        assertThat(mount.path("readOnly").asBoolean()).as("mount %s", mount).isTrue();
      }
    }
  }

  @Test
  void hasRequestsAndLimitsAndTheHeapIsAShareOfTheLimit() {
    JsonNode r = m.container().path("resources");
    assertThat(r.at("/requests/cpu").asText()).isEqualTo("500m");
    assertThat(r.at("/requests/memory").asText()).isEqualTo("768Mi");
    assertThat(r.at("/limits/cpu").asText()).isEqualTo("2");
    assertThat(r.at("/limits/memory").asText()).isEqualTo("768Mi");
    assertThat(GatewayCommandLine.strings(m.container().path("command")))
        .containsExactly("java", "@/app/jvm.options", "-jar", "/app/rw-gateway.jar");
    assertThat(GatewayCommandLine.strings(m.container().path("args")))
        .containsExactly("--config", "/etc/rw-gateway/rw-gateway.yaml");
  }

  @Test
  void configIsTheValuesConfigAsTheGatewayReadsIt() {
    String config = m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow();
    JsonNode parsed = Chart.parseYaml(config);
    assertThat(parsed.path("listen_address").asText()).isEqualTo("0.0.0.0:9201");
    assertThat(parsed.path("stats_log_interval").asText()).isEqualTo("10s");
    assertThat(parsed.path("backends").isArray()).isTrue();
    assertThat(parsed.path("backends")).isEmpty();
  }

  @Test
  void checksumAnnotationIsTheSha256OfTheConfigFile() throws Exception {
    String config = m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow();
    String annotation = m.get("Deployment").at("/spec/template/metadata/annotations/checksum~1config").asText();
    // the ConfigMap holds the config plus the newline of its block scalar
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(config.stripTrailing().getBytes(StandardCharsets.UTF_8)));
    assertThat(annotation).isEqualTo(sha);
  }

  @Test
  void noCredentialOrConfigReachesTheContainerThroughEnvironmentVariables() {
    assertThat(m.container().has("env")).isFalse();
    assertThat(m.container().has("envFrom")).isFalse();
    assertThat(m.podSpec().path("enableServiceLinks").asBoolean(true)).isFalse();
  }

  @Test
  void withoutAutoscalingTheDeploymentHasReplicasAndNoOtlpPort() {
    assertThat(m.get("Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(m.get("Service").at("/spec/ports")).hasSize(1);
    assertThat(m.get("Service").at("/spec/ports/0/port").asInt()).isEqualTo(9201);
    assertThat(m.get("Service").at("/spec/ports/0/targetPort").asText()).isEqualTo("rwgw-http");
  }

  @Test
  void imageIsTheDockerfilesTagFromTheChartAppVersion() {
    assertThat(m.container().path("image").asText()).isEqualTo("rw-gateway:0.1.0");
  }
}
