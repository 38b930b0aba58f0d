package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rwgateway.gateway.ingest.OtlpCompression;
import io.rwgateway.gateway.ingest.OtlpEncoding;
import io.rwgateway.gateway.ingest.OtlpEvents;
import io.rwgateway.gateway.ingest.OtlpTransport;
import java.util.Map;

/**
 * The OTLP counters that the per-protocol ones ({@code protocol="otlp"}) cannot say: requests by
 * transport, encoding and status, bytes by compression, data points by kind, and every data point
 * left out or changed by the translation with its reason (Prometheus counts the latter in
 * {@code prometheus_api_otlp_translation_warnings_total}).
 */
public final class OtlpMetrics implements OtlpEvents {
  private static final String P = GatewayMetrics.PREFIX + "otlp_";
  private final MeterRegistry registry;

  OtlpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void body(OtlpTransport transport, OtlpEncoding encoding, OtlpCompression compression, long wireBytes,
      long decodedBytes) {
    Counter.builder(P + "received_bytes")
        .description("OTLP request bodies as they arrived (compressed when sent so)")
        .tag("transport", transport.label()).tag("encoding", encoding.label()).tag("compression", compression.label())
        .register(registry).increment(wireBytes);
    Counter.builder(P + "received_decoded_bytes")
        .description("OTLP request bodies once decompressed (bodies refused before that count 0)")
        .tag("transport", transport.label()).tag("encoding", encoding.label())
        .register(registry).increment(decodedBytes);
  }

  @Override
  public void answered(OtlpTransport transport, OtlpEncoding encoding, String status) {
    Counter.builder(P + "requests")
        .description("OTLP export requests answered, by transport, encoding and status (HTTP code or gRPC status)")
        .tag("transport", transport.label()).tag("encoding", encoding == null ? "unknown" : encoding.label())
        .tag("status", status)
        .register(registry).increment();
  }

  @Override
  public void translated(Map<String, Long> acceptedByKind, Map<String, Long> rejectedByReason,
      Map<String, Long> warningsByReason) {
    acceptedByKind.forEach((kind, n) -> Counter.builder(P + "data_points")
        .description("OTLP data points accepted, by kind")
        .tag("kind", kind).register(registry).increment(n));
    rejectedByReason.forEach((reason, n) -> Counter.builder(P + "rejected_data_points")
        .description("OTLP data points left out of accepted requests (reported in partial_success), by reason")
        .tag("reason", reason).register(registry).increment(n));
    warningsByReason.forEach((reason, n) -> Counter.builder(P + "translation_warnings")
        .description("OTLP translation events that kept the data point but changed or dropped part of it, by reason")
        .tag("reason", reason).register(registry).increment(n));
  }
}
