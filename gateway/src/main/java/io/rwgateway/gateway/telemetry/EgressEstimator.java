package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.rwgateway.gateway.egress.RequestSink;
import io.rwgateway.gateway.egress.OutgoingRequest;

/**
 * What the received data would weigh as RW 2.0 (the "egress estimator" of the default config):
 * an {@code EncodingGroup} encodes the traffic exactly as a RW 2.0 backend with the default
 * batching would get it, and this sink only counts the bytes instead of sending them.
 */
public final class EgressEstimator implements RequestSink {
  private final Counter compressed;
  private final Counter uncompressed;
  private final java.util.concurrent.atomic.LongAdder items = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder series = new java.util.concurrent.atomic.LongAdder();

  public EgressEstimator(GatewayMetrics metrics) {
    compressed = Counter.builder(GatewayMetrics.PREFIX + "estimated_rw2_bytes")
        .description("What the received data would weigh as RW 2.0 with default batching (no backend configured)")
        .tag("encoding", "snappy").register(metrics.registry());
    uncompressed = Counter.builder(GatewayMetrics.PREFIX + "estimated_rw2_bytes")
        .description("What the received data would weigh as RW 2.0 with default batching (no backend configured)")
        .tag("encoding", "identity").register(metrics.registry());
  }

  @Override
  public void enqueue(int shard, OutgoingRequest request, long estimatedBytes) {
    compressed.increment(request.bytes());
    uncompressed.increment(request.encoded().uncompressedBytes());
    items.add(request.encoded().samples() + request.encoded().histograms());
    series.add(request.encoded().series());
  }

  @Override
  public void discard(long estimatedBytes) {
    // Nothing reserved: the estimator has no queue.
  }

  public double compressedBytes() {
    return compressed.count();
  }

  /** Samples and histograms in the estimated requests, since start. */
  public double items() {
    return items.sum();
  }

  /** Series entries in the estimated requests, since start. */
  public double series() {
    return series.sum();
  }
}
