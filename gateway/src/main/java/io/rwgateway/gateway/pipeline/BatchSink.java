package io.rwgateway.gateway.pipeline;

import io.rwgateway.translators.model.MetricBatch;

/**
 * A pipeline stage that takes a decoded batch (style.md "Pipeline of small components").
 * Admission is synchronous: with memory queues the answer is known at once, and the sender is
 * answered only after every route has accepted the batch (architecture.md "Delivery semantics").
 */
public interface BatchSink {
  /**
   * @param estimatedBytes memory the batch will hold in each route until delivered (the decoded
   *                       request size is a good upper bound of its encoded size)
   */
  Admission offer(MetricBatch batch, long estimatedBytes);
}
