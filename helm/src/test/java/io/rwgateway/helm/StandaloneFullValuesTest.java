package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code helm template -f ci/standalone-full-values.yaml}: every optional object on. */
class StandaloneFullValuesTest {
  private final Manifests m = Chart.with(Chart.DIR.resolve("ci/standalone-full-values.yaml")).render();

  @Test
  void rendersEveryOptionalObjectAndTheConfigAsASecretNotAConfigMap() {
    assertThat(m.kinds()).containsExactly("Deployment", "HorizontalPodAutoscaler", "NetworkPolicy",
        "PodDisruptionBudget", "Secret", "Service", "ServiceMonitor");
  }

  @Test
  void withAutoscalingTheHpaOwnsTheReplicaCount() {
    JsonNode hpa = m.get("HorizontalPodAutoscaler");
    assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(Chart.FULLNAME);
    assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(12);
    assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(60);
    assertThat(hpa.at("/spec/behavior/scaleDown/stabilizationWindowSeconds").asInt()).isEqualTo(600);
    assertThat(m.get("Deployment").at("/spec").has("replicas")).isFalse();
  }

  @Test
  void serviceMonitorScrapesMetricsOnTheServicePortWithTheSelectorLabel() {
    JsonNode sm = m.get("ServiceMonitor");
    assertThat(sm.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(sm.at("/spec/endpoints/0/port").asText()).isEqualTo(m.get("Service").at("/spec/ports/0/name").asText());
    assertThat(sm.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
    assertThat(sm.at("/spec/endpoints/0/interval").asText()).isEqualTo("15s");
    assertThat(sm.at("/spec/endpoints/0/scrapeTimeout").asText()).isEqualTo("10s");
    assertThat(sm.at("/spec/selector/matchLabels")).isEqualTo(m.get("Service").at("/spec/selector"));
  }

  @Test
  void credentialsAreInASecretMountedAsAReadOnlyFileAndNeverInEnvironmentVariables() {
    JsonNode secret = m.get("Secret");
    assertThat(secret.path("metadata").path("name").asText()).isEqualTo(Chart.FULLNAME);
    String config = m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow();
    assertThat(config).contains("X-API-Key: example-token");
    JsonNode volume = MountedFiles.volume(m.podSpec().path("volumes"), "rw-gateway-config");
    assertThat(volume.at("/secret/secretName").asText()).isEqualTo(Chart.FULLNAME);
    assertThat(volume.has("configMap")).isFalse();
    JsonNode c = m.container();
    assertThat(c.has("env")).isFalse();
    assertThat(c.has("envFrom")).isFalse();
    assertThat(MountedFiles.read("/etc/rw-gateway/rw-gateway.yaml", c, m.podSpec().path("volumes"), m)).isEqualTo(config);
    // the token is nowhere but in the Secret's (base64) data
    m.all().stream().filter(o -> !o.path("kind").asText().equals("Secret"))
        .forEach(o -> assertThat(o.toString()).doesNotContain("example-token"));
  }

  @Test
  void everyCredentialFileTheConfigNamesIsAReadOnlyFileFromItsSecret() {
    JsonNode config = Chart.parseYaml(m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow());
    List<String> files = new ArrayList<>();
    config.path("backends").forEach(b -> {
      if (b.at("/authorization/credentials_file").isTextual()) {
        files.add(b.at("/authorization/credentials_file").asText());
      }
      if (b.at("/basic_auth/password_file").isTextual()) {
        files.add(b.at("/basic_auth/password_file").asText());
      }
    });
    assertThat(files).containsExactly("/var/run/secrets/rw-gateway/mimir-credentials/token",
        "/var/run/secrets/rw-gateway/vm-credentials/password");
    for (String file : files) {
      JsonNode mount = null;
      for (JsonNode candidate : m.container().path("volumeMounts")) {
        if (file.startsWith(candidate.path("mountPath").asText() + "/")) {
          mount = candidate;
        }
      }
      assertThat(mount).as("a mount holding " + file).isNotNull();
      assertThat(mount.path("readOnly").asBoolean()).isTrue();
      JsonNode volume = MountedFiles.volume(m.podSpec().path("volumes"), mount.path("name").asText());
      String secretName = file.split("/")[5];
      assertThat(volume.at("/secret/secretName").asText()).isEqualTo(secretName);
      assertThat(volume.at("/secret/defaultMode").asInt()).isEqualTo(0400);
    }
    assertThat(m.container().has("env")).isFalse();
  }

  @Test
  void otlpGrpcPortIsExposedOnContainerServiceAndNetworkPolicy() {
    JsonNode c = m.container();
    assertThat(c.at("/ports/1/name").asText()).isEqualTo("rwgw-otlp-grpc");
    assertThat(c.at("/ports/1/containerPort").asInt()).isEqualTo(4317);
    JsonNode servicePorts = m.get("Service").at("/spec/ports");
    assertThat(servicePorts).hasSize(2);
    assertThat(servicePorts.get(1).path("port").asInt()).isEqualTo(4317);
    assertThat(servicePorts.get(1).path("targetPort").asText()).isEqualTo("rwgw-otlp-grpc");
    JsonNode ingress = m.get("NetworkPolicy").at("/spec/ingress/0");
    assertThat(ingress.at("/ports/0/port").asText()).isEqualTo("rwgw-http");
    assertThat(ingress.at("/ports/1/port").asText()).isEqualTo("rwgw-otlp-grpc");
    assertThat(ingress.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
        .isEqualTo("monitoring");
    assertThat(GatewayCommandLine.strings(m.get("NetworkPolicy").at("/spec/policyTypes"))).containsExactly("Ingress", "Egress");
  }

  @Test
  void containerPortFollowsTheConfigListenAddressWhileTheServiceKeepsItsPort() {
    assertThat(m.container().at("/ports/0/containerPort").asInt()).isEqualTo(9301);
    assertThat(m.get("Service").at("/spec/ports/0/port").asInt()).isEqualTo(9201);
    assertThat(m.get("Service").at("/spec/ports/0/targetPort").asText()).isEqualTo("rwgw-http");
  }

  @Test
  void extraVolumesAreMountedNextToTheConfigAndTmp() {
    JsonNode volume = MountedFiles.volume(m.podSpec().path("volumes"), "ca-bundle");
    assertThat(volume.at("/configMap/name").asText()).isEqualTo("corporate-ca");
    assertThat(m.container().path("volumeMounts")).anySatisfy(mount -> {
      assertThat(mount.path("name").asText()).isEqualTo("ca-bundle");
      assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/ssl/corporate");
    });
    assertThat(m.container().path("volumeMounts")).hasSize(5);
  }

  @Test
  void userResourcesJvmFlagsGraceAndSchedulingAreRendered() {
    JsonNode c = m.container();
    assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("2Gi");
    assertThat(GatewayCommandLine.strings(c.path("command"))).containsExactly("java", "@/app/jvm.options",
        "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseG1GC", "-jar", "/app/rw-gateway.jar");
    assertThat(c.path("image").asText()).isEqualTo("registry.example.com/observability/rw-gateway:0.1.0-rc1");
    assertThat(GatewayCommandLine.strings(c.at("/lifecycle/preStop/exec/command"))).containsExactly("sleep", "10");
    JsonNode pod = m.podSpec();
    assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(45);
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo("rw-gateway");
    assertThat(pod.path("priorityClassName").asText()).isEqualTo("system-cluster-critical");
    assertThat(pod.at("/imagePullSecrets/0/name").asText()).isEqualTo("registry-credentials");
    assertThat(pod.at("/tolerations/0/key").asText()).isEqualTo("dedicated");
    assertThat(pod.at("/topologySpreadConstraints/0/topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(m.get("PodDisruptionBudget").at("/spec/maxUnavailable").asText()).isEqualTo("25%");
  }
}
