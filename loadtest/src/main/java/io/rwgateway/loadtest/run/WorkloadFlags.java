package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.SeriesKind;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The flags a run was made with ({@code workload} in the report), so a report says what it measured. */
final class WorkloadFlags {
  private WorkloadFlags() {}

  static Map<String, Object> of(WorkloadSpec spec, RunOptions options) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protocol", options.protocol().name().toLowerCase(java.util.Locale.ROOT));
    m.put("gzip", options.gzip());
    m.put("series", spec.series());
    StringBuilder mix = new StringBuilder();
    for (SeriesKind k : SeriesKind.values()) {
      double share = spec.mix().share(k);
      if (share > 0) {
        mix.append(mix.length() == 0 ? "" : ",").append(k.flagName()).append('=')
            .append(Math.round(share * 1000) / 10.0);
      }
    }
    m.put("mix", mix.toString());
    m.put("label_shape", spec.labelShape().flagName());
    m.put("labels", spec.extraLabels());
    m.put("idle_series", spec.idlePercent());
    m.put("label_cardinality", spec.labelCardinality());
    m.put("targets", spec.effectiveTargets());
    m.put("series_per_metric", spec.seriesPerFamily());
    m.put("churn_per_minute", spec.churnPerMinute());
    m.put("exemplars", spec.exemplarPercent());
    m.put("metadata", spec.metadata());
    m.put("samples_per_request", spec.samplesPerRequest());
    m.put("concurrency", options.concurrency());
    m.put("rate", options.openLoop() ? options.rate() : null);
    m.put("duration_s", options.duration().toMillis() / 1000.0);
    m.put("generators", options.generators());
    m.put("queue_depth", options.queueDepth());
    m.put("timeout_s", options.timeout().toMillis() / 1000.0);
    m.put("seed", spec.seed());
    return m;
  }
}
