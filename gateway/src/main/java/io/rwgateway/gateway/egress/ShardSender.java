package io.rwgateway.gateway.egress;

import io.rwgateway.gateway.status.StatusCodes;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one shard's requests to one backend, one at a time, in order: a retried request blocks
 * the requests behind it, which keeps per-series sample order (remote-write.md §1.6). All state is
 * confined to the route's Vert.x context; {@link #submit} may be called from any thread.
 */
final class ShardSender {
  private final Context context;
  private final BackendRoute route;
  private final ArrayDeque<OutgoingRequest> pending = new ArrayDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private boolean inFlight;
  private int attempt;
  private Promise<Void> drained;

  ShardSender(Context context, BackendRoute route) {
    this.context = context;
    this.route = route;
  }

  void submit(OutgoingRequest request) {
    size.incrementAndGet();
    context.runOnContext(v -> {
      pending.add(request);
      sendNext();
    });
  }

  /** Requests waiting or in flight. */
  int size() {
    return size.get();
  }

  private void sendNext() {
    if (inFlight) {
      return;
    }
    OutgoingRequest next = pending.peek();
    if (next == null) {
      if (drained != null) {
        drained.tryComplete();
      }
      return;
    }
    inFlight = true;
    route.send(next, attempt).onComplete(ar -> {
      SendResult result = ar.succeeded() ? ar.result() : SendResult.networkError(ar.cause());
      handle(next, result);
    });
  }

  private void handle(OutgoingRequest request, SendResult result) {
    if (result.outcome() == StatusCodes.Outcome.RETRYABLE && !route.closing()) {
      attempt++;
      long delay = route.retryDelayMillis(attempt, result);
      route.metrics().retry(result.reason());
      context.owner().setTimer(Math.max(1, delay), t -> {
        inFlight = false;
        sendNext();
      });
      return;
    }
    if (result.outcome() == StatusCodes.Outcome.RETRYABLE) {
      route.finished(request, new SendResult(StatusCodes.Outcome.PERMANENT, result.status(), "shutdown",
          result.detail(), null));
    } else {
      route.finished(request, result);
    }
    pending.poll();
    size.decrementAndGet();
    attempt = 0;
    inFlight = false;
    sendNext();
  }

  /** Completes when nothing is pending any more (used at shutdown). */
  io.vertx.core.Future<Void> whenDrained() {
    Promise<Void> p = Promise.promise();
    context.runOnContext(v -> {
      drained = p;
      if (pending.isEmpty() && !inFlight) {
        p.tryComplete();
      }
    });
    return p.future();
  }

  /** Gives up on everything still queued (shutdown deadline passed); returns what was dropped. */
  void abandon(String reason) {
    context.runOnContext(v -> {
      OutgoingRequest r;
      // The in-flight head (if any) is accounted when its answer arrives.
      while (pending.size() > (inFlight ? 1 : 0) && (r = pending.pollLast()) != null) {
        size.decrementAndGet();
        route.finished(r, new SendResult(StatusCodes.Outcome.PERMANENT, 0, reason, "not sent before shutdown", null));
      }
    });
  }
}
