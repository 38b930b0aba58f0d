package io.rwgateway.gateway.egress;

import io.rwgateway.config.BatchConfig;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.model.MetricBatch;
import java.util.List;

/**
 * Routes that want the same bytes (same output format, batching and shard count) share one
 * accumulator and one encoder: a request is encoded once and its bytes are queued to each of
 * those routes (architecture.md "encode once per output format, not once per backend").
 * Thread-safe: batches arrive from every ingest event loop.
 */
public final class EncodingGroup {
  private final RequestEncoder encoder;
  private final List<? extends RequestSink> routes;
  private final ShardAccumulator[] shards;

  public EncodingGroup(RequestEncoder encoder, BatchConfig batch, int shardCount,
      List<? extends RequestSink> routes) {
    this.encoder = encoder;
    this.routes = List.copyOf(routes);
    this.shards = new ShardAccumulator[shardCount];
    for (int i = 0; i < shardCount; i++) {
      shards[i] = new ShardAccumulator(batch.maxSamples(), batch.maxBytes(), batch.maxDelay().toNanos());
    }
  }

  public List<? extends RequestSink> routes() {
    return routes;
  }

  /**
   * Adds an admitted batch: every route of this group has already reserved {@code estimatedBytes}
   * for it. Encodes and queues right away when a shard reaches its size limit.
   */
  public void add(MetricBatch batch, long estimatedBytes) {
    long now = System.nanoTime();
    List<MetricBatch> parts = SeriesSharder.split(batch, shards.length);
    int total = batch.series().size();
    long assigned = 0;
    int lastNonEmpty = -1;
    for (int i = 0; i < parts.size(); i++) {
      if (!parts.get(i).isEmpty()) {
        lastNonEmpty = i;
      }
    }
    for (int i = 0; i < parts.size(); i++) {
      MetricBatch part = parts.get(i);
      if (part.isEmpty()) {
        continue;
      }
      // The estimate is shared out by series count; the last part takes the rounding remainder.
      long share = i == lastNonEmpty ? estimatedBytes - assigned
          : estimatedBytes * part.series().size() / Math.max(1, total);
      assigned += share;
      ShardAccumulator.Flushed full = shards[i].add(part, share, now);
      if (full != null) {
        encodeAndQueue(i, full);
      }
    }
  }

  /** Flushes every shard whose oldest batch is older than {@code max_delay}. */
  public void flushDue() {
    long now = System.nanoTime();
    for (int i = 0; i < shards.length; i++) {
      ShardAccumulator.Flushed due = shards[i].takeIfDue(now);
      if (due != null) {
        encodeAndQueue(i, due);
      }
    }
  }

  /** Flushes everything (shutdown). */
  public void flushAll() {
    for (int i = 0; i < shards.length; i++) {
      ShardAccumulator.Flushed rest = shards[i].takeAll();
      if (rest != null) {
        encodeAndQueue(i, rest);
      }
    }
  }

  private void encodeAndQueue(int shard, ShardAccumulator.Flushed flushed) {
    EncodedRequest request = encoder.encode(flushed.batches());
    for (RequestSink route : routes) {
      route.enqueue(shard, request, flushed.estimatedBytes());
    }
  }
}
