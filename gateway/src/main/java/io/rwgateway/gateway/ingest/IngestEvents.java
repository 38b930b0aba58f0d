package io.rwgateway.gateway.ingest;

import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.model.MetricBatch;

/**
 * What ingest reports; telemetry implements it (imports point down: ingest never imports the
 * metrics that observe it).
 */
public interface IngestEvents {
  /** The events of one protocol's requests. */
  Protocol protocol(WireProtocol protocol);

  /** A request refused before its protocol was known (wrong method, content type...). */
  void rejectedUnknownProtocol(String reason);

  /** The OTLP-only events (transport, encoding, point kinds). */
  OtlpEvents otlp();

  interface Protocol {
    void body(long compressedBytes, long decodedBytes);

    /** A whole request refused, by reason (body_too_large, bad_snappy, backpressure, ...). */
    void rejectedRequest(String reason);

    /** A request decoded and accepted: its valid series, and those refused. */
    void decoded(DecodedRequest request);

    /** A request accepted that was translated rather than decoded (OTLP): its series. */
    void accepted(MetricBatch batch, int metadataEntries);

    void response(int status);
  }
}
