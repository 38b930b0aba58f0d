package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.loadtest.workload.PayloadSource;
import io.rwgateway.loadtest.workload.RequestReplay;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code --replay}: encodes one round per shard before the measured window (on {@code threads}
 * threads, shard {@code s} on thread {@code s % threads}), then hands the senders those bodies in
 * a cycle, so nothing is encoded during the run and the generator cannot be the bottleneck.
 * The RW 1.0 metadata request, if any, goes first on shard 0 and then once per interval.
 */
final class ReplayProducer implements RequestSource {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final RequestReplay[] replays;
  private final Supplier<Payload> metadata;
  private final long metadataIntervalNanos;
  private final long pregenerateNanos;
  private final long pregenerateCpuNanos;
  private long nextMetadata;

  private ReplayProducer(RequestReplay[] replays, Supplier<Payload> metadata, long metadataIntervalNanos,
      long wallNanos, long cpuNanos) {
    this.replays = replays;
    this.metadata = metadata;
    this.metadataIntervalNanos = metadataIntervalNanos;
    this.pregenerateNanos = wallNanos;
    this.pregenerateCpuNanos = cpuNanos;
    this.nextMetadata = Long.MIN_VALUE;
  }

  /**
   * Encodes every shard's round; the budget is split evenly between the shards.
   *
   * @throws IllegalArgumentException when a shard's round does not fit in its share of the budget
   */
  static ReplayProducer pregenerate(List<? extends PayloadSource> shardGenerators, long budgetBytes, int threadCount,
      Supplier<Payload> metadata, long metadataIntervalNanos) throws InterruptedException {
    int shards = shardGenerators.size();
    long perShard = Math.max(1, budgetBytes / Math.max(1, shards));
    RequestReplay[] replays = new RequestReplay[shards];
    int n = Math.min(Math.max(1, threadCount), Math.max(1, shards));
    AtomicLong cpu = new AtomicLong();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread[] threads = new Thread[n];
    long start = System.nanoTime();
    for (int t = 0; t < n; t++) {
      int owner = t;
      threads[t] = new Thread(() -> {
        try {
          for (int s = owner; s < shards; s += n) {
            replays[s] = RequestReplay.record(shardGenerators.get(s), perShard);
          }
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        } finally {
          cpu.addAndGet(Math.max(0, THREADS.getCurrentThreadCpuTime()));
        }
      }, "rwlt-pregenerate-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return new ReplayProducer(replays, metadata, metadataIntervalNanos, System.nanoTime() - start, cpu.get());
  }

  @Override
  public Shard shard(int shard) {
    RequestReplay replay = replays[shard];
    if (shard != 0 || metadata == null) {
      return replay::next;
    }
    return () -> {
      long now = System.nanoTime();
      if (nextMetadata == Long.MIN_VALUE || now - nextMetadata >= 0) {
        nextMetadata = now + metadataIntervalNanos;
        return metadata.get();
      }
      return replay.next();
    };
  }

  /** Bodies are always ready: nothing waits in a queue. */
  @Override
  public int queued() {
    return 0;
  }

  /** The pre-generation's CPU; constant during the run, so the run's generator CPU is 0. */
  @Override
  public long cpuNanos() {
    return pregenerateCpuNanos;
  }

  /** The report's {@code replay} section. */
  Map<String, Object> summary() {
    long requests = 0;
    long bytes = 0;
    long points = 0;
    long taken = 0;
    for (RequestReplay r : replays) {
      requests += r.size();
      bytes += r.bytes();
      points += r.pointsPerCycle();
      taken += r.taken();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests_per_cycle", requests);
    m.put("samples_per_cycle", points);
    m.put("bytes", bytes);
    m.put("cycles", requests == 0 ? 0.0 : (double) taken / requests);
    m.put("pregenerate_s", pregenerateNanos / 1e9);
    m.put("pregenerate_cpu_s", pregenerateCpuNanos / 1e9);
    return m;
  }

  @Override
  public void close() {
  }
}
