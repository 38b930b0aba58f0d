package io.rwgateway.config;

import io.rwgateway.translators.relabel.RelabelRule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The whole gateway configuration, immutable and already validated when it comes from
 * {@link ConfigLoader}.
 *
 * @param listenHost       host or IP the ingest HTTP server binds to (IPv6 without brackets)
 * @param listenPort       port, 0 lets the system pick one (tests)
 * @param statsLogInterval period of the "received / egress estimate" log line; zero disables it
 * @param ingest           request and label limits
 * @param backends         remote-write destinations, in file order, names unique
 * @param relabelConfigs   rules applied to every series right after decode, before fan-out, in order
 * @param relabelCache     bound of each relabel rule's cache of results
 * @param otlp             OTLP in: translation options and the OTLP/gRPC server
 */
public record GatewayConfig(String listenHost, int listenPort, Duration statsLogInterval,
    IngestConfig ingest, List<BackendConfig> backends, List<RelabelRule> relabelConfigs,
    RelabelCacheConfig relabelCache, OtlpConfig otlp) {

  public GatewayConfig {
    Objects.requireNonNull(listenHost, "listenHost");
    Objects.requireNonNull(statsLogInterval, "statsLogInterval");
    Objects.requireNonNull(ingest, "ingest");
    backends = List.copyOf(backends);
    relabelConfigs = List.copyOf(relabelConfigs);
    Objects.requireNonNull(relabelCache, "relabelCache");
    Objects.requireNonNull(otlp, "otlp");
  }

  /**
   * A configuration built in code (tests, tools) rather than read: OTLP/HTTP on the main port with
   * the default translation, and no OTLP/gRPC server, whose fixed default port two gateways in one
   * process could not share.
   */
  public GatewayConfig(String listenHost, int listenPort, Duration statsLogInterval, IngestConfig ingest,
      List<BackendConfig> backends, List<RelabelRule> relabelConfigs, RelabelCacheConfig relabelCache) {
    this(listenHost, listenPort, statsLogInterval, ingest, backends, relabelConfigs, relabelCache,
        OtlpConfig.defaults().withGrpc(null, 0));
  }

  /** A copy with another {@code otlp} section. */
  public GatewayConfig withOtlp(OtlpConfig otlp) {
    return new GatewayConfig(listenHost, listenPort, statsLogInterval, ingest, backends, relabelConfigs, relabelCache,
        otlp);
  }

  /**
   * What an empty file gives: listen on 0.0.0.0:9201 (RW and OTLP/HTTP) and 0.0.0.0:4317 (OTLP/gRPC),
   * default limits, no backends, no relabeling.
   */
  public static GatewayConfig defaults() {
    return new GatewayConfig(Defaults.LISTEN_HOST, Defaults.LISTEN_PORT, Defaults.STATS_LOG_INTERVAL,
        IngestConfig.defaults(), List.of(), List.of(), RelabelCacheConfig.defaults(), OtlpConfig.defaults());
  }
}
