package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.loadtest.workload.PayloadSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Encodes requests off the send path: {@code generators} threads, each owning the shards
 * {@code s % generators == g}, keep every shard's bounded queue full. The sender only polls
 * ready bodies, so encoding never sits between two sends; when a queue is found empty the
 * generator is the bottleneck, and the sender counts it ({@code generator_starved_ms}).
 */
final class PayloadProducer implements RequestSource {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final List<? extends PayloadSource> generators;
  private final BlockingQueue<Payload>[] queues;
  private final Thread[] threads;
  private final AtomicLong finishedCpuNanos = new AtomicLong();
  private final Supplier<Payload> metadata;
  private final long metadataIntervalNanos;
  private volatile boolean running = true;

  /**
   * @param metadata RW 1.0 metadata request, queued on shard 0 at start and every interval; null for none
   */
  @SuppressWarnings("unchecked")
  PayloadProducer(List<? extends PayloadSource> shardGenerators, int queueDepth, int threadCount,
      Supplier<Payload> metadata, long metadataIntervalNanos) {
    this.generators = shardGenerators;
    this.queues = new BlockingQueue[shardGenerators.size()];
    for (int i = 0; i < queues.length; i++) {
      queues[i] = new ArrayBlockingQueue<>(queueDepth + 1);
    }
    this.metadata = metadata;
    this.metadataIntervalNanos = metadataIntervalNanos;
    int n = Math.min(threadCount, Math.max(1, queues.length));
    this.threads = new Thread[n];
    for (int g = 0; g < n; g++) {
      int owner = g;
      threads[g] = new Thread(() -> fill(owner, n), "rwlt-generator-" + g);
      threads[g].setDaemon(true);
    }
  }

  void start() {
    for (Thread t : threads) {
      t.start();
    }
  }

  /** The ready requests of a shard (polled by its sender). */
  BlockingQueue<Payload> queue(int shard) {
    return queues[shard];
  }

  @Override
  public Shard shard(int shard) {
    return queues[shard]::poll;
  }

  @Override
  public int queued() {
    int n = 0;
    for (BlockingQueue<Payload> q : queues) {
      n += q.size();
    }
    return n;
  }

  /** CPU time of the generator threads so far (finished ones included). */
  @Override
  public long cpuNanos() {
    long n = finishedCpuNanos.get();
    for (Thread t : threads) {
      long c = t.isAlive() ? THREADS.getThreadCpuTime(t.getId()) : -1;
      n += Math.max(0, c);
    }
    return n;
  }

  private void fill(int owner, int stride) {
    long nextMetadata = System.nanoTime();
    try {
      while (running) {
        boolean produced = false;
        for (int s = owner; s < queues.length && running; s += stride) {
          BlockingQueue<Payload> q = queues[s];
          if (s == 0 && metadata != null && System.nanoTime() >= nextMetadata && q.remainingCapacity() > 0) {
            q.offer(metadata.get());
            nextMetadata += metadataIntervalNanos;
            produced = true;
          }
          // One slot is kept for metadata, hence > 1.
          if (q.remainingCapacity() > 1) {
            Payload p = generators.get(s).next();
            if (p != null) {
              q.offer(p);
              produced = true;
            }
          }
        }
        if (!produced) {
          LockSupport.parkNanos(200_000);
        }
      }
    } finally {
      finishedCpuNanos.addAndGet(Math.max(0, THREADS.getCurrentThreadCpuTime()));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(5000);
    }
  }
}
