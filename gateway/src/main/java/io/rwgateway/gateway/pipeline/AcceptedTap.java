package io.rwgateway.gateway.pipeline;

import io.rwgateway.translators.model.MetricBatch;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Shows every batch the pipeline accepted to observers that measure the traffic (the scrape
 * interval, the egress estimator's projections) without taking part in admission: a refused
 * request comes back and must not be seen twice.
 */
public final class AcceptedTap implements BatchSink {
  private final BatchSink next;
  private final List<BiConsumer<MetricBatch, Long>> observers;

  /** @param observers each gets the accepted batch and its estimated size, on the ingest thread */
  public AcceptedTap(BatchSink next, List<BiConsumer<MetricBatch, Long>> observers) {
    this.next = next;
    this.observers = List.copyOf(observers);
  }

  @Override
  public Admission offer(MetricBatch batch, long estimatedBytes) {
    Admission admission = next.offer(batch, estimatedBytes);
    if (admission.accepted() && !batch.isEmpty()) {
      for (BiConsumer<MetricBatch, Long> o : observers) {
        o.accept(batch, estimatedBytes);
      }
    }
    return admission;
  }

  @Override
  public Admission precheck() {
    return next.precheck();
  }
}
