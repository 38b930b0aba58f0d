package io.rwgateway.gateway.egress;

import java.util.List;

/**
 * Sends one shard's requests, one at a time, in queue order: a request being retried holds back
 * the requests behind it, which keeps per-series sample order (remote-write.md §1.6, as each of
 * Prometheus' shards). Confined to the route's context.
 */
final class ShardWorker {
  private final int shard;
  private final RequestQueue queue;
  private final RetryingSender sender;
  private final BackendRoute route;
  private boolean busy;

  ShardWorker(int shard, RequestQueue queue, RetryingSender sender, BackendRoute route) {
    this.shard = shard;
    this.queue = queue;
    this.sender = sender;
    this.route = route;
  }

  boolean busy() {
    return busy;
  }

  /** Sends the shard's next request if none is in flight. */
  void poll() {
    if (busy) {
      return;
    }
    OutgoingRequest request = queue.take(shard);
    if (request == null) {
      route.workerIdle();
      return;
    }
    busy = true;
    sender.send(request).onComplete(ar -> {
      Decision d = ar.succeeded() ? ar.result() : BackendAnswers.senderError(ar.cause());
      List<OutgoingRequest> parts = d.kind() == Decision.Kind.SPLIT ? route.split(request) : null;
      if (parts != null) {
        queue.replaceHead(shard, parts);
        route.replaced(request, parts);
      } else {
        queue.done(shard);
        route.finished(request, d.kind() == Decision.Kind.SPLIT ? d.asDrop("too_large") : d);
      }
      busy = false;
      poll();
    });
  }
}
