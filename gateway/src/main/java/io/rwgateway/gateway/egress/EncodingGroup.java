package io.rwgateway.gateway.egress;

import io.rwgateway.config.BatchConfig;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.RequestCutter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Routes that want the same bytes (same rules, tenant split, output format, batching and shard
 * count) share one stage, one set of accumulators and one encoding: a request is encoded once and
 * its bytes are queued to each of those routes (architecture.md "encode once per (route rules,
 * output format), not once per backend"). Each route then keeps or drops it by its own queue.
 *
 * <p>Per shard, take → encode → enqueue is one ordered step: takes are numbered under the
 * accumulator's lock, encodes run in parallel on the ingest threads, and {@link InOrder} queues
 * the results in take order (architecture.md "Per series, samples reach every backend in
 * timestamp order"). Thread-safe: batches arrive from every ingest event loop.
 */
public final class EncodingGroup {
  private static final Logger LOG = Logger.getLogger(EncodingGroup.class.getName());
  /** A tenant whose accumulators saw nothing for this long gives their memory back. */
  public static final long TENANT_IDLE_NANOS = 5L * 60 * 1_000_000_000L;

  private final Supplier<RequestEncoder> encoders;
  private final OutgoingRequest.WireFormat format;
  private final RouteStage stage;
  private final BatchConfig batch;
  private final int shardCount;
  private final MetadataDetail metadata;
  private final List<? extends RequestSink> routes;
  private final long tenantIdleNanos;
  private final long windowBytes;
  /** Nanosecond clock of windows and tenant expiry: {@code System::nanoTime}, or a virtual one (egress-grid). */
  private final LongSupplier nanoClock;
  /** Accumulators per tenant ({@link RouteStage#NO_TENANT} without tenant routing). */
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  private final LongAdder accumulatingSamples = new LongAdder();
  private final LongAdder accumulatingHistograms = new LongAdder();
  private final LongAdder accumulatingExemplars = new LongAdder();
  /**
   * Where a window that reached its size bound is cut and encoded: by default right on the thread
   * that filled it (tests, tools); the gateway hands it to its flush threads so the ingest event
   * loop goes on answering (docs/benchmarks.md "Where the end-to-end time goes now"). Order stays
   * by {@link InOrder}: the window's sequence number was taken under the accumulator's lock.
   */
  private volatile Executor fullWindows = Runnable::run;

  /** One tenant's shards: its accumulators, their ordering, and its encoder (RW 1.0 metadata cadence per tenant). */
  private final class Tenant {
    final String name;
    final ShardAccumulator[] shards = new ShardAccumulator[shardCount];
    final InOrder[] order = new InOrder[shardCount];
    final RequestEncoder encoder = encoders.get();
    /** Adders share it; retiring the tenant takes it alone. */
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    boolean retired;

    Tenant(String name) {
      this.name = name;
      for (int i = 0; i < shardCount; i++) {
        shards[i] = new ShardAccumulator(windowBytes, batch.maxDelay().toNanos());
        order[i] = new InOrder();
      }
    }

    /** Retires the tenant when every shard is empty, idle and fully queued; false when in use. */
    boolean retireIfIdle(long idleSinceNanos) {
      if (!lock.writeLock().tryLock()) {
        return false;
      }
      try {
        for (int i = 0; i < shardCount; i++) {
          if (!shards[i].idle(idleSinceNanos, order[i].completed())) {
            return false;
          }
        }
        retired = true;
        return true;
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  /**
   * @param encoders    a new encoder per tenant (stateless encoders may return the same one)
   * @param format      what the encoder writes
   * @param windowBytes what one shard's window may hold (estimated) before it flushes early
   * @param nanoClock   the time of {@link #add} and {@link #flushDue}, in nanoseconds
   */
  public EncodingGroup(Supplier<RequestEncoder> encoders, OutgoingRequest.WireFormat format, RouteStage stage,
      BatchConfig batch, int shardCount, MetadataDetail metadata, List<? extends RequestSink> routes,
      long windowBytes, long tenantIdleNanos, LongSupplier nanoClock) {
    this.windowBytes = windowBytes;
    this.nanoClock = nanoClock;
    this.encoders = encoders;
    this.format = format;
    this.stage = stage;
    this.batch = batch;
    this.shardCount = shardCount;
    this.metadata = metadata;
    this.routes = List.copyOf(routes);
    this.tenantIdleNanos = tenantIdleNanos;
    for (RequestSink r : this.routes) {
      if (r instanceof BackendRoute route) {
        route.accumulating(this::accumulating);
      }
    }
  }

  public EncodingGroup(Supplier<RequestEncoder> encoders, OutgoingRequest.WireFormat format, RouteStage stage,
      BatchConfig batch, int shardCount, MetadataDetail metadata, List<? extends RequestSink> routes,
      long windowBytes, long tenantIdleNanos) {
    this(encoders, format, stage, batch, shardCount, metadata, routes, windowBytes, tenantIdleNanos, System::nanoTime);
  }

  public EncodingGroup(Supplier<RequestEncoder> encoders, OutgoingRequest.WireFormat format, RouteStage stage,
      BatchConfig batch, int shardCount, MetadataDetail metadata, List<? extends RequestSink> routes,
      long windowBytes) {
    this(encoders, format, stage, batch, shardCount, metadata, routes, windowBytes, TENANT_IDLE_NANOS);
  }

  /** A group without rules or tenants, with full metadata (the estimator; tests). */
  public EncodingGroup(RequestEncoder encoder, OutgoingRequest.WireFormat format, BatchConfig batch, int shardCount,
      List<? extends RequestSink> routes, long windowBytes) {
    this(() -> encoder, format, RouteStage.passThrough(), batch, shardCount, MetadataDetail.FULL, routes, windowBytes);
  }

  /** A group without rules or tenants, on a given clock (rw-loadtest egress-grid runs it in virtual time). */
  public EncodingGroup(RequestEncoder encoder, OutgoingRequest.WireFormat format, BatchConfig batch, int shardCount,
      MetadataDetail metadata, List<? extends RequestSink> routes, long windowBytes, LongSupplier nanoClock) {
    this(() -> encoder, format, RouteStage.passThrough(), batch, shardCount, metadata, routes, windowBytes,
        TENANT_IDLE_NANOS, nanoClock);
  }

  /**
   * What one shard's window may hold: half of the smallest queue of the group, shared by its
   * shards, so windows flush before admission finds the queue full; at least one request's worth.
   */
  public static long windowBytes(long smallestQueueBytes, int shardCount, long requestMaxBytes) {
    return Math.max(requestMaxBytes, smallestQueueBytes / (2L * shardCount));
  }

  private String routeNames() {
    StringBuilder sb = new StringBuilder();
    for (RequestSink r : routes) {
      sb.append(sb.length() == 0 ? "" : ",").append(r instanceof BackendRoute b ? b.name() : "estimator");
    }
    return sb.toString();
  }

  /** Items accepted and not yet taken by a flush. */
  public Counts accumulating() {
    return new Counts(accumulatingSamples.sum(), accumulatingHistograms.sum(), accumulatingExemplars.sum());
  }

  /** Tenants with accumulators (idle ones expire). */
  int tenantCount() {
    return tenants.size();
  }

  /**
   * Adds an admitted batch: every route of this group has already reserved {@code estimatedBytes}
   * for it. Encodes and queues right away when a shard reaches its size limit.
   */
  public void add(MetricBatch input, long estimatedBytes) {
    Map<String, MetricBatch> parts;
    try {
      parts = stage.apply(input);
    } catch (RuntimeException e) {
      // A rule bug triggered by this input: the routes lose this batch, counted, and go on.
      LOG.severe("cannot apply the rules of routes " + routeNames() + " to a batch: " + e);
      Counts lost = Counts.of(input);
      for (RequestSink r : routes) {
        r.accepted(lost);
        r.lost(lost, "rules_error", estimatedBytes);
      }
      return;
    }
    int total = 0;
    Counts accepted = Counts.ZERO;
    for (MetricBatch p : parts.values()) {
      total += p.series().size();
      accepted = accepted.plus(Counts.of(p));
    }
    if (total == 0) {
      for (RequestSink r : routes) {
        r.discard(estimatedBytes);
      }
      return;
    }
    for (RequestSink r : routes) {
      r.accepted(accepted);
    }
    long now = nanoClock.getAsLong();
    long assigned = 0;
    int seen = 0;
    for (Map.Entry<String, MetricBatch> part : parts.entrySet()) {
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
        addToShard(part.getKey(), i, b, share, now);
      }
    }
  }

  private void addToShard(String tenantName, int shard, MetricBatch b, long share, long now) {
    while (true) {
      Tenant t = tenants.computeIfAbsent(tenantName, Tenant::new);
      ShardAccumulator.Flushed full;
      t.lock.readLock().lock();
      try {
        if (t.retired) {
          tenants.remove(tenantName, t);
          continue;
        }
        full = t.shards[shard].add(b, share, now);
        accumulatingSamples.add(b.sampleCount());
        accumulatingHistograms.add(b.histogramCount());
        accumulatingExemplars.add(b.exemplarCount());
      } finally {
        t.lock.readLock().unlock();
      }
      if (full != null) {
        Tenant owner = t;
        fullWindows.execute(() -> encodeAndQueue(owner, shard, full));
      }
      return;
    }
  }

  /** Encodes windows that reach their size bound on {@code executor} instead of the adding thread. */
  public void encodeFullWindowsOn(Executor executor) {
    this.fullWindows = executor;
  }

  /** Flushes every shard whose oldest batch is older than {@code max_delay}; expires idle tenants. */
  public void flushDue() {
    long now = nanoClock.getAsLong();
    for (Tenant t : tenants.values()) {
      for (int i = 0; i < shardCount; i++) {
        ShardAccumulator.Flushed due = t.shards[i].takeIfDue(now);
        if (due != null) {
          encodeAndQueue(t, i, due);
        }
      }
      if (t.retireIfIdle(now - tenantIdleNanos)) {
        tenants.remove(t.name, t);
      }
    }
  }

  /** Flushes everything (shutdown). */
  public void flushAll() {
    for (Tenant t : tenants.values()) {
      for (int i = 0; i < shardCount; i++) {
        ShardAccumulator.Flushed rest = t.shards[i].takeAll();
        if (rest != null) {
          encodeAndQueue(t, i, rest);
        }
      }
    }
  }

  /**
   * A window is cut into requests by series ({@link RequestCutter}): repeated series merged, so a
   * series' labels and metadata are written once however many series the window holds
   * (remote-write.md §3.2 step 6; docs/benchmarks.md "Egress bytes"), families kept together,
   * each request within {@code max_samples} and, by the window's estimate, {@code max_bytes}. The
   * requests of a window are queued together, in order. Whatever the encoder cannot write is
   * counted as lost for every route, never silently gone.
   */
  private void encodeAndQueue(Tenant t, int shard, ShardAccumulator.Flushed flushed) {
    Counts taken = Counts.of(flushed.batches());
    accumulatingSamples.add(-taken.samples());
    accumulatingHistograms.add(-taken.histograms());
    accumulatingExemplars.add(-taken.exemplars());
    long estimate = flushed.estimatedBytes();
    String tenant = RouteStage.NO_TENANT.equals(t.name) ? null : t.name;
    List<OutgoingRequest> requests = new java.util.ArrayList<>();
    Counts lost = Counts.ZERO;
    boolean failed = false;
    try {
      for (List<MetricBatch> part : RequestCutter.cut(metadata.apply(flushed.batches()), itemsPerRequest(taken, estimate))) {
        Counts partCounts = Counts.of(part);
        try {
          OutgoingRequest request = new OutgoingRequest(t.encoder.encode(part), tenant, format);
          requests.add(request);
          lost = lost.plus(partCounts.minus(request.counts()));
        } catch (RuntimeException e) {
          LOG.severe("cannot encode a request of " + partCounts.items() + " items: " + e);
          lost = lost.plus(partCounts);
          failed = true;
        }
      }
    } catch (RuntimeException e) {
      LOG.severe("cannot cut a window of " + taken.items() + " items into requests: " + e);
      requests.clear();
      lost = taken;
      failed = true;
    }
    Counts unwritten = lost;
    String reason = failed ? "encode_error" : "unencodable";
    List<OutgoingRequest> out = requests;
    t.order[shard].complete(flushed.seq(), () -> {
      for (RequestSink route : routes) {
        if (!unwritten.isZero()) {
          route.lost(unwritten, reason, out.isEmpty() ? estimate : 0);
        }
        // The window's estimate goes with its first request: the route swaps it for real sizes.
        for (int i = 0; i < out.size(); i++) {
          route.enqueue(shard, out.get(i), i == 0 ? estimate : 0);
        }
      }
    });
  }

  /** {@code max_samples}, lowered when the window's estimate says its requests would pass {@code max_bytes}. */
  private int itemsPerRequest(Counts taken, long estimate) {
    long items = taken.samples() + taken.histograms();
    if (estimate <= batch.maxBytes() || items == 0) {
      return batch.maxSamples();
    }
    return (int) Math.max(1, Math.min(batch.maxSamples(), items * batch.maxBytes() / estimate));
  }
}
