package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code mode: sidecar}: the release holds the config only; NOTES.txt prints the
 * kube-prometheus-stack values that put the container in the Prometheus pod.
 */
class SidecarTest {
  private static final Path VALUES = Chart.DIR.resolve("ci/sidecar-values.yaml");

  @Test
  void rendersTheConfigMapAndNoWorkloadOrService() {
    assertThat(Chart.with(VALUES).render().kinds()).containsExactly("ConfigMap");
  }

  @Test
  void notesPrintTheContainerWithProbesSecurityAndResources() {
    JsonNode spec = Chart.with(VALUES).sidecarValues().at("/prometheus/prometheusSpec");
    assertThat(spec.path("containers")).hasSize(1);
    JsonNode c = spec.at("/containers/0");
    assertThat(c.path("name").asText()).isEqualTo("rw-gateway");
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/-/healthy");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/-/ready");
    assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("rwgw-http");
    // the pod's security context is Prometheus': the container's must stand on its own
    assertThat(c.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(c.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
    assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(c.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
    assertThat(c.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
    assertThat(c.at("/resources/requests/cpu").asText()).isEqualTo("250m");
    assertThat(GatewayCommandLine.strings(c.at("/lifecycle/preStop/exec/command"))).containsExactly("sleep", "10");
    assertThat(c.has("env")).isFalse();
  }

  @Test
  void notesPointRemoteWriteAtTheGatewayInsideThePod() {
    JsonNode spec = Chart.with(VALUES).sidecarValues().at("/prometheus/prometheusSpec");
    assertThat(spec.path("remoteWrite")).hasSize(1);
    assertThat(spec.at("/remoteWrite/0/url").asText()).isEqualTo("http://localhost:9201/api/v1/write");
  }

  @Test
  void remoteWriteFollowsTheConfigListenPort() {
    JsonNode spec = Chart.with(VALUES).set("config.listen_address", "0.0.0.0:9999").sidecarValues()
        .at("/prometheus/prometheusSpec");
    assertThat(spec.at("/remoteWrite/0/url").asText()).isEqualTo("http://localhost:9999/api/v1/write");
    assertThat(spec.at("/containers/0/ports/0/containerPort").asInt()).isEqualTo(9999);
  }

  @Test
  void notesVolumesMountTheReleasesConfigMapIntoTheContainer() {
    Chart chart = Chart.with(VALUES);
    Manifests m = chart.render();
    JsonNode spec = chart.sidecarValues().at("/prometheus/prometheusSpec");
    JsonNode c = spec.at("/containers/0");
    String path = GatewayCommandLine.strings(c.path("args")).get(1);

    String mounted = MountedFiles.read(path, c, spec.path("volumes"), m);

    assertThat(mounted).isEqualTo(m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow());
    assertThat(mounted).contains("victoria-metrics.monitoring.svc:8428");
    assertThat(MountedFiles.volume(spec.path("volumes"), "rw-gateway-tmp").at("/emptyDir/sizeLimit").asText())
        .isEqualTo("64Mi");
  }

  @Test
  void volumeAndPortNamesCannotClashWithThePrometheusPods() {
    JsonNode spec = Chart.with(VALUES).sidecarValues().at("/prometheus/prometheusSpec");
    // the Prometheus Operator's pod has volumes `config`, `config-out`, `tls-assets`, `web-config`,
    // ports `web`/`http-web`, `reloader-web`, and the Thanos sidecar's `http`, `grpc`
    spec.path("volumes").forEach(v -> assertThat(v.path("name").asText()).startsWith("rw-gateway-"));
    spec.at("/containers/0/ports").forEach(p -> assertThat(p.path("name").asText()).startsWith("rwgw-"));
  }

  @Test
  void withTheConfigInASecretTheSnippetMountsTheSecret() {
    Chart chart = Chart.with(VALUES).set("configSecret.enabled", true);
    JsonNode spec = chart.sidecarValues().at("/prometheus/prometheusSpec");

    assertThat(chart.render().kinds()).containsExactly("Secret");
    assertThat(MountedFiles.volume(spec.path("volumes"), "rw-gateway-config").at("/secret/secretName").asText())
        .isEqualTo(Chart.FULLNAME);
  }
}
