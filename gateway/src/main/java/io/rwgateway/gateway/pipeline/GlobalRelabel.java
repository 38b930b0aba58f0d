package io.rwgateway.gateway.pipeline;

import io.rwgateway.gateway.telemetry.RelabelMetrics;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.model.MetricBatch;

/**
 * The global {@code relabel_configs}, right after decode and before fan-out (as Prometheus'
 * {@code relabel_configs} before its per-destination {@code write_relabel_configs}). Series the
 * rules drop are counted with {@code route="global"}; what is left goes to the next stage.
 */
public final class GlobalRelabel implements BatchSink {
  private final BatchRelabeler relabeler;
  private final RelabelMetrics metrics;
  private final BatchSink next;

  public GlobalRelabel(BatchRelabeler relabeler, RelabelMetrics metrics, BatchSink next) {
    this.relabeler = relabeler;
    this.metrics = metrics;
    this.next = next;
  }

  @Override
  public Admission offer(MetricBatch batch, long estimatedBytes) {
    BatchRelabeler.Result r = relabeler.relabel(batch);
    metrics.dropped(r);
    return next.offer(r.batch(), estimatedBytes);
  }
}
