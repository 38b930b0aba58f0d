package io.rwgateway.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code otlp:} section: OTLP in on the main port ({@code POST /v1/metrics}) and on its own
 * gRPC port, translated as Prometheus' OTLP receiver does. The translation keys mirror
 * Prometheus' {@code otlp:} block (otlp.md §7); {@code delta} and {@code grpc_listen_address} are
 * the gateway's own.
 *
 * @param translationStrategy                how names are escaped and suffixed (§3.1)
 * @param promoteResourceAttributes          resource attributes copied onto every series (§4.3)
 * @param promoteAllResourceAttributes       copy every resource attribute but the ignored ones
 * @param ignoreResourceAttributes           exclusions of {@code promoteAllResourceAttributes}
 * @param keepIdentifyingResourceAttributes  keep service.name/namespace/instance.id in target_info (§4.2)
 * @param convertHistogramsToNhcb            explicit histograms as native custom-bucket histograms (§2.4)
 * @param promoteScopeMetadata               otel_scope_* labels on every series (§4.4)
 * @param delta                              what delta temporality points become (§2.7)
 * @param deltaCache                         the state of {@link DeltaPolicy#TO_CUMULATIVE}
 * @param grpcListenHost                     host of the OTLP/gRPC server, null when it is off
 * @param grpcListenPort                     its port (0: the system picks one); ignored when off
 */
public record OtlpConfig(OtlpTranslationStrategy translationStrategy, List<String> promoteResourceAttributes,
    boolean promoteAllResourceAttributes, List<String> ignoreResourceAttributes,
    boolean keepIdentifyingResourceAttributes, boolean convertHistogramsToNhcb, boolean promoteScopeMetadata,
    DeltaPolicy delta, DeltaCacheConfig deltaCache, String grpcListenHost, int grpcListenPort) {

  public OtlpConfig {
    Objects.requireNonNull(translationStrategy, "translationStrategy");
    promoteResourceAttributes = List.copyOf(promoteResourceAttributes);
    ignoreResourceAttributes = List.copyOf(ignoreResourceAttributes);
    Objects.requireNonNull(delta, "delta");
    Objects.requireNonNull(deltaCache, "deltaCache");
  }

  /** Whether the OTLP/gRPC server runs ({@code grpc_listen_address} not set to empty). */
  public boolean grpcEnabled() {
    return grpcListenHost != null;
  }

  /** A copy with the gRPC server on another address, or off ({@code host} null). */
  public OtlpConfig withGrpc(String host, int port) {
    return new OtlpConfig(translationStrategy, promoteResourceAttributes, promoteAllResourceAttributes,
        ignoreResourceAttributes, keepIdentifyingResourceAttributes, convertHistogramsToNhcb, promoteScopeMetadata,
        delta, deltaCache, host, port);
  }

  /** A copy with another delta policy. */
  public OtlpConfig withDelta(DeltaPolicy policy) {
    return new OtlpConfig(translationStrategy, promoteResourceAttributes, promoteAllResourceAttributes,
        ignoreResourceAttributes, keepIdentifyingResourceAttributes, convertHistogramsToNhcb, promoteScopeMetadata,
        policy, deltaCache, grpcListenHost, grpcListenPort);
  }

  /** What no {@code otlp:} section gives: Prometheus' defaults, deltas dropped, gRPC on 0.0.0.0:4317. */
  public static OtlpConfig defaults() {
    return new OtlpConfig(Defaults.OTLP_TRANSLATION_STRATEGY, List.of(), false, List.of(), false, false, false,
        Defaults.OTLP_DELTA, DeltaCacheConfig.defaults(), Defaults.OTLP_GRPC_HOST, Defaults.OTLP_GRPC_PORT);
  }
}
