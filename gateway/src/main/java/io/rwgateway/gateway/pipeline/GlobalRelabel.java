package io.rwgateway.gateway.pipeline;

import io.rwgateway.gateway.egress.RuleDrops;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.relabel.BatchRelabeler;
import java.util.function.Supplier;

/**
 * The global {@code relabel_configs}, right after decode and before fan-out (as Prometheus'
 * {@code relabel_configs} before its per-destination {@code write_relabel_configs}). Series the
 * rules drop are counted with {@code route="global"} once the request is accepted: a refused
 * request comes back, and its drops must not be counted twice.
 */
public final class GlobalRelabel implements BatchSink {
  private final Supplier<BatchRelabeler> relabeler;
  private final RuleDrops drops;
  private final BatchSink next;

  /** @param relabeler the relabeler for the calling thread ({@link PerThreadRelabelers#current}) */
  public GlobalRelabel(Supplier<BatchRelabeler> relabeler, RuleDrops drops, BatchSink next) {
    this.relabeler = relabeler;
    this.drops = drops;
    this.next = next;
  }

  /** One relabeler for every caller. */
  public GlobalRelabel(BatchRelabeler relabeler, RuleDrops drops, BatchSink next) {
    this(() -> relabeler, drops, next);
  }

  @Override
  public Admission offer(MetricBatch batch, long estimatedBytes) {
    BatchRelabeler.Result r = relabeler.get().relabel(batch);
    Admission admission = next.offer(r.batch(), estimatedBytes);
    if (admission.accepted()) {
      drops.dropped(r);
    }
    return admission;
  }

  @Override
  public Admission precheck() {
    return next.precheck();
  }
}
