package io.rwgateway.gateway.pipeline;

import io.rwgateway.translators.relabel.BatchRelabeler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One {@link BatchRelabeler} per ingest thread for the global rules. A single shared one made the
 * event loops wait for each other on its caches' lock whenever series missed them (JFR, 200k
 * series on 2 event loops: docs/benchmarks.md "Speed at scale"); with one per thread nothing is
 * shared on the ingest path. The cost is one set of rule caches per event loop, each bounded by
 * {@code relabel_cache.max_entries} per rule. Route rules need nothing of the kind: each route
 * runs on one event loop.
 */
public final class PerThreadRelabelers {
  private final List<BatchRelabeler> all = new CopyOnWriteArrayList<>();
  private final ThreadLocal<BatchRelabeler> mine;

  public PerThreadRelabelers(Supplier<BatchRelabeler> factory) {
    this.mine = ThreadLocal.withInitial(() -> {
      BatchRelabeler r = factory.get();
      all.add(r);
      return r;
    });
  }

  /** The calling thread's relabeler, made on its first call. */
  public BatchRelabeler current() {
    return mine.get();
  }

  /** Relabelers made so far: one per thread that relabeled. */
  public int count() {
    return all.size();
  }

  public long cacheHits() {
    long n = 0;
    for (BatchRelabeler r : all) {
      n += r.cacheHits();
    }
    return n;
  }

  public long cacheMisses() {
    long n = 0;
    for (BatchRelabeler r : all) {
      n += r.cacheMisses();
    }
    return n;
  }

  public long cacheSize() {
    long n = 0;
    for (BatchRelabeler r : all) {
      n += r.cacheSize();
    }
    return n;
  }
}
