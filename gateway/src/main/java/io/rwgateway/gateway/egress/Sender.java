package io.rwgateway.gateway.egress;

import io.vertx.core.Future;

/**
 * One attempt to push a request to a backend (the exporterhelper's push function). The returned
 * future always succeeds with a {@link Decision}: errors are decisions too. Called on the route's
 * context, one attempt per shard at a time.
 */
public interface Sender {
  Future<Decision> send(OutgoingRequest request, int attempt);

  /** Fails the attempts in flight and frees connections. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
