package io.rwgateway.gateway.egress;

import io.rwgateway.translators.relabel.BatchRelabeler;

/**
 * Where a stage reports what its rules dropped (relabel_configs, write_relabel_configs, tenant
 * routing), by reason; telemetry implements it. {@link BatchRelabeler.Result} carries the counts.
 */
public interface RuleDrops {
  void dropped(BatchRelabeler.Result result);

  void dropped(String reason, long series, long samples, long histograms, long exemplars);

  RuleDrops NONE = new RuleDrops() {
    @Override public void dropped(BatchRelabeler.Result result) {}
    @Override public void dropped(String reason, long series, long samples, long histograms, long exemplars) {}
  };
}
