package io.rwgateway.gateway.egress;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * Retries what {@link BackendAnswers} calls retryable, with {@link RetryPolicy}'s backoff or the
 * backend's {@code Retry-After}, for as long as it takes (remote-write.md §1.8: Prometheus retries
 * recoverable errors without a bound; the queue's bound is what limits the cost), until the route
 * closes: then a request still being retried is dropped with reason {@code shutdown}. A sender that
 * throws is a bug a retry would repeat: that request is dropped ({@code send_error}), the shard
 * goes on. Confined to the route's context.
 */
final class RetryingSender {
  private final Vertx vertx;
  private final Sender next;
  private final RetryPolicy policy;
  private final RouteEvents events;
  /** Requests waiting for their next attempt, by timer id. */
  private final Map<Long, Promise<Decision>> waiting = new HashMap<>();
  private boolean closing;

  RetryingSender(Vertx vertx, Sender next, RetryPolicy policy, RouteEvents events) {
    this.vertx = vertx;
    this.next = next;
    this.policy = policy;
    this.events = events;
  }

  /** The final decision for {@code request}: delivered, dropped, or split. */
  Future<Decision> send(OutgoingRequest request) {
    Promise<Decision> done = Promise.promise();
    attempt(request, 0, done);
    return done.future();
  }

  private void attempt(OutgoingRequest request, int attempt, Promise<Decision> done) {
    Future<Decision> answer;
    try {
      answer = next.send(request, attempt);
    } catch (RuntimeException e) {
      done.tryComplete(BackendAnswers.senderError(e));
      return;
    }
    answer.onComplete(ar -> {
      Decision d = ar.succeeded() ? ar.result() : BackendAnswers.failure(ar.cause());
      if (d.kind() == Decision.Kind.SPLIT && closing) {
        // Halves would only be sent to be given up: the route is closing.
        done.tryComplete(d.asDrop("shutdown"));
        return;
      }
      if (d.kind() != Decision.Kind.RETRY && d.kind() != Decision.Kind.FALL_BACK) {
        done.tryComplete(d);
        return;
      }
      if (closing) {
        done.tryComplete(d.asDrop("shutdown"));
        return;
      }
      events.retried(d.reason());
      long delay = d.kind() == Decision.Kind.FALL_BACK ? 1 : Math.max(1, policy.delayMillis(attempt + 1,
          d.retryAfterMillis()));
      long[] id = new long[1];
      id[0] = vertx.setTimer(delay, t -> {
        if (waiting.remove(id[0]) != null) {
          attempt(request, attempt + 1, done);
        }
      });
      waiting.put(id[0], done);
    });
  }

  /** No more retries: requests waiting for one are dropped now, those in flight when they answer. */
  void close() {
    closing = true;
    for (Map.Entry<Long, Promise<Decision>> e : Map.copyOf(waiting).entrySet()) {
      vertx.cancelTimer(e.getKey());
      waiting.remove(e.getKey());
      e.getValue().tryComplete(Decision.drop(0, "shutdown", "not delivered before the shutdown deadline"));
    }
  }
}
