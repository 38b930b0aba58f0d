package io.rwgateway.loadtest.workload;

/**
 * One encoded request, ready to POST.
 *
 * @param body              snappy-compressed protobuf (OTLP: gzip or identity)
 * @param uncompressedBytes protobuf size before compression
 * @param samples           float samples (OTLP: Prometheus equivalents, see OtlpRequestGenerator)
 * @param histograms        native histogram samples (OTLP: exponential histogram points)
 * @param exemplars         exemplars
 * @param metadata          RW 1.0 metadata entries (metadata-only requests)
 * @param series            series in the request (OTLP: data points)
 */
public record Payload(byte[] body, int uncompressedBytes, long samples, long histograms,
    long exemplars, int metadata, int series) {

  /** Data points: float samples plus native histogram samples. */
  public long points() {
    return samples + histograms;
  }
}
