package io.rwgateway.gateway.egress;

import io.rwgateway.translators.model.MetricBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard's accumulation window: the batches that arrive within {@code max_delay} of the first,
 * or until they weigh {@code windowBytes} (a full window flushes early, it never refuses data).
 * What a window holds is cut into requests by series ({@code RequestCutter}), so a series that
 * arrives several times in a window is written once, whatever the number of series. Each take
 * gets the next sequence number of this shard: windows are encoded in parallel, and
 * {@link InOrder} queues them in that order. Thread-safe.
 */
final class ShardAccumulator {
  private final long windowBytes;
  private final long maxDelayNanos;
  private List<MetricBatch> batches = new ArrayList<>();
  private long bytes;
  private long firstAddedNanos;
  private long lastAddedNanos;
  private long nextSeq;

  ShardAccumulator(long windowBytes, long maxDelayNanos) {
    this.windowBytes = windowBytes;
    this.maxDelayNanos = maxDelayNanos;
  }

  /** What a flush takes away: the batches, the byte estimate reserved for them, and their place in line. */
  record Flushed(List<MetricBatch> batches, long estimatedBytes, long seq) {}

  /** Adds a batch; returns the window when it now weighs its limit, else null. */
  synchronized Flushed add(MetricBatch batch, long estimatedBytes, long nowNanos) {
    if (batches.isEmpty()) {
      firstAddedNanos = nowNanos;
    }
    lastAddedNanos = nowNanos;
    batches.add(batch);
    bytes += estimatedBytes;
    return bytes >= windowBytes ? take() : null;
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
    bytes = 0;
    return f;
  }
}
