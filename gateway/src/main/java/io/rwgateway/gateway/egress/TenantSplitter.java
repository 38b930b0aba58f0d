package io.rwgateway.gateway.egress;

import io.rwgateway.config.TenantConfig;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a route's batch by the value of a label, as cortex-tenant does: each part is sent with
 * that value in the tenant header. Series without the label go to the default tenant, or are
 * dropped (counted) when there is none. The tenant label can be removed on the way; parts share
 * the input's symbol table, so this never re-interns strings.
 */
public final class TenantSplitter {
  /** The parts by tenant and how many series had no tenant and no default to go to. */
  record Split(Map<String, MetricBatch> parts, long droppedSeries, long droppedSamples, long droppedHistograms,
      long droppedExemplars) {}

  private final TenantConfig config;

  public TenantSplitter(TenantConfig config) {
    this.config = config;
  }

  Split split(MetricBatch batch) {
    Map<String, List<Series>> byTenant = new LinkedHashMap<>();
    long series = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (Series s : batch.series()) {
      int at = labelIndex(batch, s);
      String tenant = at < 0 ? config.defaultTenant() : batch.symbol(s.labelValueRef(at));
      if (tenant == null) {
        series++;
        samples += s.sampleCount();
        histograms += s.histograms().size();
        exemplars += s.exemplars().size();
        continue;
      }
      Series out = at >= 0 && config.dropLabel() ? s.withLabelRefs(without(s.labelRefs(), at)) : s;
      byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(out);
    }
    Map<String, MetricBatch> parts = new LinkedHashMap<>();
    for (Map.Entry<String, List<Series>> e : byTenant.entrySet()) {
      parts.put(e.getKey(), new MetricBatch(batch.symbols(), e.getValue()));
    }
    return new Split(parts, series, samples, histograms, exemplars);
  }

  private int labelIndex(MetricBatch batch, Series s) {
    for (int i = 0; i < s.labelCount(); i++) {
      if (batch.symbol(s.labelNameRef(i)).equals(config.label())) {
        return i;
      }
    }
    return -1;
  }

  private static int[] without(int[] refs, int label) {
    int[] out = new int[refs.length - 2];
    System.arraycopy(refs, 0, out, 0, 2 * label);
    System.arraycopy(refs, 2 * label + 2, out, 2 * label, refs.length - 2 * label - 2);
    return out;
  }
}
