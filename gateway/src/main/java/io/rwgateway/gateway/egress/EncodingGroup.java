package io.rwgateway.gateway.egress;

import io.rwgateway.config.BatchConfig;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.SeriesCoalescer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes that want the same bytes (same rules, tenant split, output format, batching and shard
 * count) share one stage, one set of accumulators and one encoder: a request is encoded once and
 * its bytes are queued to each of those routes (architecture.md "encode once per (route rules,
 * output format), not once per backend"). Thread-safe: batches arrive from every ingest event loop.
 */
public final class EncodingGroup {
  private final RequestEncoder encoder;
  private final RouteStage stage;
  private final BatchConfig batch;
  private final int shardCount;
  private final MetadataDetail metadata;
  private final List<? extends RequestSink> routes;
  /** Accumulators per tenant ({@link RouteStage#NO_TENANT} without tenant routing), one per shard. */
  private final Map<String, ShardAccumulator[]> accumulators = new ConcurrentHashMap<>();

  public EncodingGroup(RequestEncoder encoder, RouteStage stage, BatchConfig batch, int shardCount,
      MetadataDetail metadata, List<? extends RequestSink> routes) {
    this.encoder = encoder;
    this.stage = stage;
    this.batch = batch;
    this.shardCount = shardCount;
    this.metadata = metadata;
    this.routes = List.copyOf(routes);
  }

  public EncodingGroup(RequestEncoder encoder, BatchConfig batch, int shardCount, List<? extends RequestSink> routes) {
    this(encoder, RouteStage.passThrough(), batch, shardCount, MetadataDetail.FULL, routes);
  }

  public List<? extends RequestSink> routes() {
    return routes;
  }

  private ShardAccumulator[] accumulatorsOf(String tenant) {
    return accumulators.computeIfAbsent(tenant, t -> {
      ShardAccumulator[] a = new ShardAccumulator[shardCount];
      for (int i = 0; i < shardCount; i++) {
        a[i] = new ShardAccumulator(batch.maxSamples(), batch.maxBytes(), batch.maxDelay().toNanos());
      }
      return a;
    });
  }

  /**
   * Adds an admitted batch: every route of this group has already reserved {@code estimatedBytes}
   * for it. Encodes and queues right away when a shard reaches its size limit.
   */
  public void add(MetricBatch input, long estimatedBytes) {
    Map<String, MetricBatch> parts = stage.apply(input);
    int total = 0;
    for (MetricBatch p : parts.values()) {
      total += p.series().size();
    }
    if (total == 0) {
      for (RequestSink r : routes) {
        r.discard(estimatedBytes);
      }
      return;
    }
    long now = System.nanoTime();
    long assigned = 0;
    int seen = 0;
    for (Map.Entry<String, MetricBatch> part : parts.entrySet()) {
      ShardAccumulator[] shards = accumulatorsOf(part.getKey());
      List<MetricBatch> byShard = SeriesSharder.split(part.getValue(), shardCount);
      for (int i = 0; i < byShard.size(); i++) {
        MetricBatch b = byShard.get(i);
        if (b.isEmpty()) {
          continue;
        }
        seen += b.series().size();
        // The estimate is shared out by series count; the last piece takes the rounding remainder.
        long share = seen == total ? estimatedBytes - assigned : estimatedBytes * b.series().size() / total;
        assigned += share;
        ShardAccumulator.Flushed full = shards[i].add(b, share, now);
        if (full != null) {
          encodeAndQueue(part.getKey(), i, full);
        }
      }
    }
  }

  /** Flushes every shard whose oldest batch is older than {@code max_delay}. */
  public void flushDue() {
    long now = System.nanoTime();
    for (Map.Entry<String, ShardAccumulator[]> e : accumulators.entrySet()) {
      ShardAccumulator[] shards = e.getValue();
      for (int i = 0; i < shards.length; i++) {
        ShardAccumulator.Flushed due = shards[i].takeIfDue(now);
        if (due != null) {
          encodeAndQueue(e.getKey(), i, due);
        }
      }
    }
  }

  /** Flushes everything (shutdown). */
  public void flushAll() {
    for (Map.Entry<String, ShardAccumulator[]> e : accumulators.entrySet()) {
      ShardAccumulator[] shards = e.getValue();
      for (int i = 0; i < shards.length; i++) {
        ShardAccumulator.Flushed rest = shards[i].takeAll();
        if (rest != null) {
          encodeAndQueue(e.getKey(), i, rest);
        }
      }
    }
  }

  /**
   * Repeated series are merged before encoding: a merged request carries the same samples with each
   * label set (and its metadata) once (remote-write.md §3.2 step 6; docs/benchmarks.md "Egress bytes").
   */
  private void encodeAndQueue(String tenant, int shard, ShardAccumulator.Flushed flushed) {
    EncodedRequest encoded = encoder.encode(SeriesCoalescer.coalesce(metadata.apply(flushed.batches())));
    OutgoingRequest request = new OutgoingRequest(encoded, RouteStage.NO_TENANT.equals(tenant) ? null : tenant);
    for (RequestSink route : routes) {
      route.enqueue(shard, request, flushed.estimatedBytes());
    }
  }
}
