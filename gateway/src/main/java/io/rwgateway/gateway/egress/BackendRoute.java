package io.rwgateway.gateway.egress;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.OnFull;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything one backend owns (style.md "Per-destination context", vmagent's remoteWriteCtx,
 * Prometheus' QueueManager): its byte budget and {@link RequestQueue}, one {@link ShardWorker} per
 * shard, the {@link RetryingSender} around its {@link HttpSender}, and what it reports. Deployed as
 * a verticle so that it has an event loop of its own: a backend's callbacks never wait behind
 * another's. A slow or dead backend fills only its own queue, and its own {@code on_full} decides
 * what a full queue means (architecture.md "Routes are isolated").
 */
public final class BackendRoute extends VerticleBase implements RequestSink {
  private final BackendConfig config;
  private final RouteEvents events;
  private final ByteBudget budget;
  private final RequestQueue queue;
  private final DropLog dropLog;
  private final Sender sender;
  /** Set last in {@link #start}: its volatile write publishes the workers to ingest threads. */
  private volatile Context routeContext;
  private Sender active;
  private RetryingSender retrying;
  private ShardWorker[] workers;
  private RequestSplitter splitter;
  private Supplier<Counts> accumulating = () -> Counts.ZERO;
  private Promise<Void> drained;

  /** A route that sends over HTTP. */
  public BackendRoute(BackendConfig config, RouteEvents events) {
    this(config, events, null);
  }

  /** A route with another {@link Sender} (tests inject failures here); null: HTTP. */
  public BackendRoute(BackendConfig config, RouteEvents events, Sender sender) {
    this.config = config;
    this.events = events;
    this.budget = new ByteBudget(config.queue().maxBytes());
    this.queue = new MemoryRequestQueue(config.concurrency());
    this.dropLog = new DropLog(config.name());
    this.sender = sender;
    events.gauges(budget::usedBytes, budget.maxBytes(), queue::size, this::queued);
  }

  @Override
  public Future<?> start() {
    active = sender != null ? sender : new HttpSender(vertx, config, events);
    retrying = new RetryingSender(vertx, active, new RetryPolicy(config.retry()), events);
    workers = new ShardWorker[config.concurrency()];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new ShardWorker(i, queue, retrying, this);
    }
    routeContext = context;
    return Future.succeededFuture();
  }

  public String name() {
    return config.name();
  }

  public OnFull onFull() {
    return config.queue().onFull();
  }

  public ByteBudget budget() {
    return budget;
  }

  /** Where the items accepted but not yet encoded are counted (the route's encoding group). */
  void accumulating(Supplier<Counts> counts) {
    this.accumulating = counts;
  }

  /** Items accepted and not yet delivered or dropped: accumulating, waiting or in flight. */
  public Counts queued() {
    return accumulating.get().plus(queue.counts());
  }

  // ---- admission (any thread) ----

  /**
   * Room for a batch this route cannot fit, when the sender is not refused (another route can
   * take it): {@code drop_oldest} evicts the oldest waiting requests, then holds the batch over
   * the bound if it must (in flight and accumulating data cannot be evicted); {@code drop_newest}
   * holds it, and its request is dropped when it is encoded while the route is still full.
   */
  public void admitOverFull(long bytes) {
    if (onFull() == OnFull.DROP_OLDEST) {
      OutgoingRequest old;
      while (!budget.tryReserve(bytes)) {
        if ((old = queue.evictOldest()) == null) {
          budget.force(bytes);
          return;
        }
        drop(old, "queue_full", "queue full (" + budget.maxBytes() + " bytes), oldest request evicted");
      }
      return;
    }
    budget.force(bytes);
  }

  // ---- RequestSink (any thread; per shard in order) ----

  @Override
  public void accepted(Counts counts) {
    events.accepted(counts);
  }

  @Override
  public void enqueue(int shard, OutgoingRequest request, long estimatedBytes) {
    budget.release(estimatedBytes);
    budget.force(request.bytes());
    // Over the bound, the policy sheds data that is queued besides this request; a request larger
    // than the whole queue is kept when it is alone (it waits, it is not lost for being large).
    if (budget.overBound() && onFull() == OnFull.DROP_NEWEST && queue.size() > 0) {
      drop(request, "queue_full", "queue full (" + budget.maxBytes() + " bytes), newest request dropped");
      return;
    }
    if (onFull() == OnFull.DROP_OLDEST) {
      OutgoingRequest old;
      while (budget.overBound() && (old = queue.evictOldest()) != null) {
        drop(old, "queue_full", "queue full (" + budget.maxBytes() + " bytes), oldest request evicted");
      }
    }
    queue.add(shard, request);
    routeContext.runOnContext(v -> workers[shard].poll());
  }

  @Override
  public void discard(long estimatedBytes) {
    budget.release(estimatedBytes);
  }

  @Override
  public void lost(Counts counts, String reason, long estimatedBytes) {
    budget.release(estimatedBytes);
    events.dropped(counts, reason);
    dropLog.dropped(reason, null, counts, "not encoded");
  }

  private void drop(OutgoingRequest request, String reason, String detail) {
    budget.release(request.bytes());
    events.dropped(request.counts(), reason);
    events.droppedRequest(reason);
    dropLog.dropped(reason, request.tenant(), request.counts(), detail);
  }

  // ---- from the workers (route context) ----

  /** A request is done with: delivered (maybe partly) or dropped. Releases its bytes. */
  void finished(OutgoingRequest request, Decision d) {
    if (d.kind() != Decision.Kind.DELIVERED) {
      drop(request, d.reason(), (d.status() > 0 ? "status " + d.status() + ": " : "") + d.detail());
      return;
    }
    budget.release(request.bytes());
    events.delivered(request, d.delivered());
    Counts partial = d.sent().minus(d.delivered());
    if (!partial.isZero()) {
      events.partialWrite();
      events.dropped(partial, "backend_partial");
      dropLog.dropped("backend_partial", request.tenant(), partial, "status " + d.status()
          + " with X-Prometheus-Remote-Write-*-Written below what was sent");
    }
    Counts transcoded = request.counts().minus(d.sent());
    if (!transcoded.isZero()) {
      events.dropped(transcoded, "transcode_rejected");
      dropLog.dropped("transcode_rejected", request.tenant(), transcoded, "refused by the RW 1.0 transcoding");
    }
  }

  List<OutgoingRequest> split(OutgoingRequest request) {
    if (splitter == null) {
      splitter = new RequestSplitter();
    }
    try {
      return splitter.split(request);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A request was replaced by its halves: the budget takes their real size. */
  void replaced(OutgoingRequest request, List<OutgoingRequest> parts) {
    Counts rest = request.counts();
    for (OutgoingRequest p : parts) {
      budget.force(p.bytes());
      rest = rest.minus(p.counts());
    }
    budget.release(request.bytes());
    if (!rest.isZero()) {
      events.dropped(rest, "too_large");
    }
  }

  void workerIdle() {
    if (drained != null && queue.size() == 0) {
      drained.tryComplete();
    }
  }

  // ---- shutdown ----

  /**
   * Sends what is queued for up to {@code deadlineMillis}; then gives up on the rest, counted as
   * dropped with reason {@code shutdown}: waiting requests at once, those being retried or in
   * flight as their attempt ends (the HTTP client is closed, which ends it).
   */
  public Future<Void> drain(long deadlineMillis) {
    Promise<Void> done = Promise.promise();
    routeContext.runOnContext(v -> {
      drained = done;
      long timer = vertx.setTimer(Math.max(1, deadlineMillis), t -> giveUp());
      done.future().onComplete(ar -> vertx.cancelTimer(timer));
      for (ShardWorker w : workers) {
        w.poll();
      }
      workerIdle();
    });
    return done.future().eventually(() -> {
      Promise<Void> closed = Promise.promise();
      routeContext.runOnContext(v -> active.close().onComplete(closed));
      return closed.future();
    });
  }

  private void giveUp() {
    retrying.close();
    for (OutgoingRequest r : queue.removeWaiting()) {
      drop(r, "shutdown", "not sent before the shutdown deadline");
    }
    active.close();
    workerIdle();
  }

  /** Removes the route's meters (after {@link #drain}). */
  public void close() {
    events.close();
  }
}
