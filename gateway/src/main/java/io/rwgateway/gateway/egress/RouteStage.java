package io.rwgateway.gateway.egress;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.relabel.BatchRelabeler;
import java.util.Map;

/**
 * What a route does to a batch before encoding: its {@code write_relabel_configs} (as Prometheus
 * and vmagent run them, per destination), then the tenant split. Shared by the routes of one
 * encoding group, which by construction have the same rules. Thread-safe.
 */
public final class RouteStage {
  /** The key of the single part when the route does not split by tenant. */
  static final String NO_TENANT = "";

  private final BatchRelabeler relabeler;
  private final TenantSplitter tenants;
  private final RuleDrops[] metrics;

  /**
   * @param relabeler null when the route has no rules
   * @param tenants   null when the route does not split by tenant
   * @param metrics   where drops are counted: one per route of the group
   */
  public RouteStage(BatchRelabeler relabeler, TenantSplitter tenants, RuleDrops... metrics) {
    this.relabeler = relabeler;
    this.tenants = tenants;
    this.metrics = metrics;
  }

  static RouteStage passThrough() {
    return new RouteStage(null, null);
  }

  /** The batch's parts by tenant ({@link #NO_TENANT} when not splitting); empty parts are left out. */
  Map<String, MetricBatch> apply(MetricBatch batch) {
    MetricBatch kept = batch;
    if (relabeler != null) {
      BatchRelabeler.Result r = relabeler.relabel(batch);
      for (RuleDrops m : metrics) {
        m.dropped(r);
      }
      kept = r.batch();
    }
    if (kept.isEmpty()) {
      return Map.of();
    }
    if (tenants == null) {
      return Map.of(NO_TENANT, kept);
    }
    TenantSplitter.Split split = tenants.split(kept);
    if (split.droppedSeries() > 0) {
      for (RuleDrops m : metrics) {
        m.dropped("no_tenant", split.droppedSeries(), split.droppedSamples(), split.droppedHistograms(),
            split.droppedExemplars());
      }
    }
    return split.parts();
  }
}
