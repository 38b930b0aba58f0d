package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OTLP/HTTP shares the main port; OTLP/gRPC has its own (the gateway's
 * {@code otlp.grpc_listen_address}, default 4317), served and exposed only when
 * {@code otlp.grpc.enabled}.
 */
class OtlpPortTest {
  @Test
  void grpcPortIsTheConfigsListenPortWhenSet() {
    Manifests m = Chart.withDefaults().set("otlp.grpc.enabled", true)
        .set("config.otlp.grpc_listen_address", "0.0.0.0:4444").render();

    JsonNode port = m.container().at("/ports/1");
    assertThat(port.path("name").asText()).isEqualTo("rwgw-otlp-grpc");
    assertThat(port.path("containerPort").asInt()).isEqualTo(4444);
    assertThat(m.get("Service").at("/spec/ports/1/port").asInt()).isEqualTo(4317);
    assertThat(m.get("Service").at("/spec/ports/1/targetPort").asText()).isEqualTo("rwgw-otlp-grpc");
  }

  @Test
  void grpcPortIsTheGatewaysDefaultOtherwise() {
    Manifests m = Chart.withDefaults().set("otlp.grpc.enabled", true).render();

    assertThat(m.container().at("/ports/1/containerPort").asInt()).isEqualTo(4317);
  }

  @Test
  void disabledMeansNoPortAndAGatewayThatDoesNotListenForGrpc() throws Exception {
    Manifests m = Chart.withDefaults().set("config.otlp.translation_strategy", "NoTranslation").render();

    assertThat(m.container().path("ports")).hasSize(1);
    assertThat(m.get("Service").at("/spec/ports")).hasSize(1);
    io.rwgateway.config.GatewayConfig config = io.rwgateway.config.ConfigLoader.parse(
        m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow());
    assertThat(config.otlp().grpcEnabled()).isFalse();
    assertThat(m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow()).contains("translation_strategy: NoTranslation");
  }

  @Test
  void enabledKeepsTheGatewaysGrpcListener() throws Exception {
    Manifests m = Chart.withDefaults().set("otlp.grpc.enabled", true).render();
    io.rwgateway.config.GatewayConfig config = io.rwgateway.config.ConfigLoader.parse(
        m.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow());
    assertThat(config.otlp().grpcEnabled()).isTrue();
  }

  @Test
  void aGrpcAddressWithGrpcDisabledIsRefusedWithAClearMessage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Chart.withDefaults()
        .set("config.otlp.grpc_listen_address", "0.0.0.0:4444").render())
        .hasMessageContaining("set otlp.grpc.enabled: true");
  }

  @Test
  void anIpv6ListenAddressGivesItsPort() {
    Manifests m = Chart.withDefaults().set("config.listen_address", "[::]:9555").render();

    assertThat(m.container().at("/ports/0/containerPort").asInt()).isEqualTo(9555);
  }
}
