package io.rwgateway.gateway.egress;

import io.rwgateway.translators.model.MetricBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the batches of one shard until a size or age limit is reached, so many small incoming
 * requests become one large outgoing one (symbols shared across the whole request: this is where
 * RW 2.0 saves bytes). Each take gets the next sequence number of this shard: requests are encoded
 * in parallel, and {@link InOrder} queues them in that order. Thread-safe.
 */
final class ShardAccumulator {
  private final int maxSamples;
  private final long maxBytes;
  private final long maxDelayNanos;
  private List<MetricBatch> batches = new ArrayList<>();
  private long samples;
  private long bytes;
  private long firstAddedNanos;
  private long lastAddedNanos;
  private long nextSeq;

  ShardAccumulator(int maxSamples, long maxBytes, long maxDelayNanos) {
    this.maxSamples = maxSamples;
    this.maxBytes = maxBytes;
    this.maxDelayNanos = maxDelayNanos;
  }

  /** What a flush takes away: the batches, the byte estimate reserved for them, and their place in line. */
  record Flushed(List<MetricBatch> batches, long estimatedBytes, long seq) {}

  /** Adds a batch; returns the accumulated content when a size limit is now reached, else null. */
  synchronized Flushed add(MetricBatch batch, long estimatedBytes, long nowNanos) {
    if (batches.isEmpty()) {
      firstAddedNanos = nowNanos;
    }
    lastAddedNanos = nowNanos;
    batches.add(batch);
    samples += batch.sampleCount() + batch.histogramCount();
    bytes += estimatedBytes;
    return samples >= maxSamples || bytes >= maxBytes ? take() : null;
  }

  /** Takes the content if the oldest batch waited {@code max_delay}, else null. */
  synchronized Flushed takeIfDue(long nowNanos) {
    return !batches.isEmpty() && nowNanos - firstAddedNanos >= maxDelayNanos ? take() : null;
  }

  /** Takes whatever is there (shutdown), or null when empty. */
  synchronized Flushed takeAll() {
    return batches.isEmpty() ? null : take();
  }

  /** Empty, nothing added after {@code sinceNanos}, and {@code queued} of its flushes queued: all of them. */
  synchronized boolean idle(long sinceNanos, long queued) {
    return batches.isEmpty() && lastAddedNanos <= sinceNanos && nextSeq == queued;
  }

  private Flushed take() {
    Flushed f = new Flushed(batches, bytes, nextSeq++);
    batches = new ArrayList<>();
    samples = 0;
    bytes = 0;
    return f;
  }
}
