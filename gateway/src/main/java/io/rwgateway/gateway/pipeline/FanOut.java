package io.rwgateway.gateway.pipeline;

import io.rwgateway.config.OnFull;
import io.rwgateway.gateway.egress.BackendRoute;
import io.rwgateway.gateway.egress.EncodingGroup;
import io.rwgateway.translators.model.MetricBatch;
import java.util.List;

/**
 * Hands a batch to every backend route, each deciding alone what its full queue means
 * (architecture.md "Delivery semantics"): a route with room reserves it; a full {@code drop_oldest}
 * or {@code drop_newest} route takes the batch at the expense of its own data (counted, reason
 * queue_full). The sender is refused only when every route is full (nobody could take the data:
 * plain backpressure, nothing lost) or a full route is {@code block}. Never "all routes or none":
 * that couples every backend to the slowest one. A batch larger than a whole queue fits an empty
 * one ({@link io.rwgateway.gateway.egress.ByteBudget#tryReserve}), so it waits, it is never
 * refused for good: a 413 would make Prometheus drop it.
 */
public final class FanOut implements BatchSink {
  private final List<BackendRoute> routes;
  private final List<EncodingGroup> groups;

  public FanOut(List<BackendRoute> routes, List<EncodingGroup> groups) {
    this.routes = List.copyOf(routes);
    this.groups = List.copyOf(groups);
  }

  @Override
  public Admission offer(MetricBatch batch, long estimatedBytes) {
    if (batch.isEmpty()) {
      return Admission.ACCEPTED;
    }
    int n = routes.size();
    boolean[] fits = new boolean[n];
    int full = 0;
    BackendRoute blocking = null;
    for (int i = 0; i < n; i++) {
      BackendRoute r = routes.get(i);
      fits[i] = r.budget().tryReserve(estimatedBytes);
      if (!fits[i]) {
        full++;
        if (r.onFull() == OnFull.BLOCK && blocking == null) {
          blocking = r;
        }
      }
    }
    if (n > 0 && (blocking != null || full == n)) {
      for (int i = 0; i < n; i++) {
        if (fits[i]) {
          routes.get(i).budget().release(estimatedBytes);
        }
      }
      BackendRoute why = blocking != null ? blocking : routes.get(0);
      return Admission.backpressure(why.name(), blocking != null
          ? "cannot queue request: queue of backend " + why.name() + " is full (on_full: block), retry later"
          : "cannot queue request: the queues of all backends are full, retry later");
    }
    for (int i = 0; i < n; i++) {
      if (!fits[i]) {
        routes.get(i).admitOverFull(estimatedBytes);
      }
    }
    for (EncodingGroup g : groups) {
      g.add(batch, estimatedBytes);
    }
    return Admission.ACCEPTED;
  }

  /** Refused now if every route is over its bound, or a {@code block} route is. */
  @Override
  public Admission precheck() {
    int full = 0;
    for (BackendRoute r : routes) {
      if (r.budget().full()) {
        if (r.onFull() == OnFull.BLOCK) {
          return Admission.backpressure(r.name(), "cannot queue request: queue of backend " + r.name()
              + " is full (on_full: block), retry later");
        }
        full++;
      }
    }
    return full > 0 && full == routes.size()
        ? Admission.backpressure(routes.get(0).name(), "cannot queue request: the queues of all backends are full, retry later")
        : Admission.ACCEPTED;
  }
}
