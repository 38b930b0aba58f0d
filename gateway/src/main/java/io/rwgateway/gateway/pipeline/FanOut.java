package io.rwgateway.gateway.pipeline;

import io.rwgateway.gateway.egress.BackendRoute;
import io.rwgateway.gateway.egress.EncodingGroup;
import io.rwgateway.translators.model.MetricBatch;
import java.util.List;

/**
 * Hands a batch to every backend route, all or nothing: first every route reserves room for it in
 * its queue; if one cannot, the reservations are undone and the batch is refused (the sender gets
 * 429 and retries), so no route ever holds data that another route refused.
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
    for (int i = 0; i < routes.size(); i++) {
      if (!routes.get(i).queue().tryReserve(estimatedBytes)) {
        for (int j = 0; j < i; j++) {
          routes.get(j).queue().release(estimatedBytes);
        }
        return Admission.queueFull(routes.get(i).name());
      }
    }
    for (EncodingGroup g : groups) {
      g.add(batch, estimatedBytes);
    }
    return Admission.ACCEPTED;
  }
}
