package io.rwgateway.gateway.ingest;

import java.util.Map;

/**
 * What OTLP ingest reports beyond the per-protocol counters of {@link IngestEvents.Protocol}
 * (protocol "otlp"): by transport and encoding, and by point kind and reason. Telemetry implements
 * it.
 */
public interface OtlpEvents {
  /** A request body as it arrived ({@code wireBytes}) and once decompressed ({@code decodedBytes}, 0 if it was not). */
  void body(OtlpTransport transport, OtlpEncoding encoding, OtlpCompression compression, long wireBytes,
      long decodedBytes);

  /**
   * A request answered. {@code encoding} is null when the request named none OTLP knows;
   * {@code status} is the HTTP code or the gRPC status name.
   */
  void answered(OtlpTransport transport, OtlpEncoding encoding, String status);

  /**
   * What an accepted request's translation counted: data points taken by kind (gauge, sum, ...),
   * left out by reason (reported in partial_success), and kept with a warning by reason.
   */
  void translated(Map<String, Long> acceptedByKind, Map<String, Long> rejectedByReason,
      Map<String, Long> warningsByReason);
}
