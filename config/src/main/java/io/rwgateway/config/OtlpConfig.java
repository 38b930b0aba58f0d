package io.rwgateway.config;

import io.rwgateway.translators.otlp.OtlpOptions;
import java.util.Objects;

/**
 * The {@code otlp:} section: OTLP in on the main port ({@code POST /v1/metrics}) and on its own
 * gRPC port, translated as Prometheus' OTLP receiver does. The translation keys mirror
 * Prometheus' {@code otlp:} block (otlp.md §7); {@code delta}, {@code delta_cache} and {@code
 * grpc_listen_address} are the gateway's own.
 *
 * @param translation    how OTLP becomes series (names, resource and scope labels, deltas)
 * @param grpcListenHost host of the OTLP/gRPC server, null when it is off
 * @param grpcListenPort its port (0: the system picks one); ignored when off
 */
public record OtlpConfig(OtlpOptions translation, String grpcListenHost, int grpcListenPort) {

  public OtlpConfig {
    Objects.requireNonNull(translation, "translation");
  }

  /** Whether the OTLP/gRPC server runs ({@code grpc_listen_address} not set to empty). */
  public boolean grpcEnabled() {
    return grpcListenHost != null;
  }

  /** A copy with the gRPC server on another address, or off ({@code host} null). */
  public OtlpConfig withGrpc(String host, int port) {
    return new OtlpConfig(translation, host, port);
  }

  /** A copy with other translation options. */
  public OtlpConfig withTranslation(OtlpOptions options) {
    return new OtlpConfig(options, grpcListenHost, grpcListenPort);
  }

  /** What no {@code otlp:} section gives: Prometheus' defaults, deltas dropped, gRPC on 0.0.0.0:4317. */
  public static OtlpConfig defaults() {
    return new OtlpConfig(OtlpOptions.defaults(), Defaults.OTLP_GRPC_HOST, Defaults.OTLP_GRPC_PORT);
  }
}
