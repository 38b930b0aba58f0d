package io.rwgateway.gateway.egress;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch by a hash of each series' labels, so one series always goes to the same shard and
 * a shard sends sequentially: per-series sample order holds across parallel sends and retries
 * (remote-write.md §1.6, as Prometheus' {@code seriesRef % numShards}). The hash uses the label
 * strings, not refs, because refs differ between batches.
 */
final class SeriesSharder {
  private SeriesSharder() {}

  static int shardOf(MetricBatch batch, Series s, int shards) {
    int h = 1;
    int[] refs = s.labelRefs();
    for (int ref : refs) {
      h = 31 * h + batch.symbol(ref).hashCode();
    }
    h ^= h >>> 16;
    return Math.floorMod(h * 0x9E3779B1, shards);
  }

  /** One batch per shard (empty shards have an empty batch), all sharing the input's symbols. */
  static List<MetricBatch> split(MetricBatch batch, int shards) {
    List<MetricBatch> out = new ArrayList<>(shards);
    if (shards == 1) {
      out.add(batch);
      return out;
    }
    List<List<Series>> parts = new ArrayList<>(shards);
    for (int i = 0; i < shards; i++) {
      parts.add(new ArrayList<>());
    }
    for (Series s : batch.series()) {
      parts.get(shardOf(batch, s, shards)).add(s);
    }
    for (List<Series> p : parts) {
      out.add(p.isEmpty() ? MetricBatch.EMPTY : new MetricBatch(batch.symbols(), p));
    }
    return out;
  }
}
