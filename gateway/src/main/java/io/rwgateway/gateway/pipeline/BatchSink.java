package io.rwgateway.gateway.pipeline;

import io.rwgateway.translators.model.MetricBatch;

/**
 * A pipeline stage that takes a decoded batch (style.md "Pipeline of small components").
 * Admission is synchronous: with memory queues the answer is known at once, and the sender is
 * answered only after every route has taken the batch (architecture.md "Delivery semantics").
 */
public interface BatchSink {
  /**
   * @param estimatedBytes memory the batch will hold in each route while it is accumulated (the
   *                       decoded request size: about what the model of it weighs)
   */
  Admission offer(MetricBatch batch, long estimatedBytes);

  /**
   * Whether a request would be refused now, asked before it is decoded: under backpressure a
   * sender resends the same requests again and again, and decoding each one only to refuse it
   * would spend the CPU the backlog needs. {@link #offer} still decides.
   */
  default Admission precheck() {
    return Admission.ACCEPTED;
  }
}
