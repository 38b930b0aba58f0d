package io.rwgateway.loadtest.workload;

/**
 * One encoded request, ready to POST.
 *
 * @param body              snappy-compressed protobuf
 * @param uncompressedBytes protobuf size before compression
 * @param samples           float samples
 * @param histograms        native histogram samples
 * @param exemplars         exemplars
 * @param metadata          RW 1.0 metadata entries (metadata-only requests)
 * @param series            series in the request
 */
public record Payload(byte[] body, int uncompressedBytes, long samples, long histograms,
    long exemplars, int metadata, int series) {

  /** Data points: float samples plus native histogram samples. */
  public long points() {
    return samples + histograms;
  }
}
