package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.Json;
import io.rwgateway.loadtest.workload.SeriesKind;
import io.rwgateway.loadtest.workload.TypeLayout;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The end-of-run report as an ordered map: the same data for {@code --report FILE.json} and the
 * text summary. Samples count float samples plus native histogram samples.
 */
public record RunReport(Map<String, Object> fields) {

  static RunReport of(WorkloadSpec spec, RunOptions options, TypeLayout layout, RunStats s,
      double durationSeconds, double generatorCpuSeconds, double processCpuSeconds, long churnedUnits) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("target", options.target().toString());
    f.put("protocol", options.protocol().name().toLowerCase(java.util.Locale.ROOT));
    f.put("mode", options.openLoop() ? "open_loop" : "closed_loop");
    f.put("rate_target", options.openLoop() ? options.rate() : null);
    f.put("concurrency", options.concurrency());
    f.put("series", spec.series());
    Map<String, Object> mix = new LinkedHashMap<>();
    for (SeriesKind k : SeriesKind.values()) {
      mix.put(k.flagName(), layout.seriesOf(k));
    }
    f.put("series_by_kind", mix);
    f.put("churned_units", churnedUnits);
    f.put("duration_s", durationSeconds);
    f.put("requests", s.requests);
    f.put("requests_failed", s.failedRequests);
    f.put("metadata_requests", s.metadataRequests);
    f.put("samples_sent", s.samplesSent);
    f.put("samples_accepted", s.samplesAccepted);
    f.put("float_samples_sent", s.floatSamplesSent);
    f.put("histograms_sent", s.histogramsSent);
    f.put("exemplars_sent", s.exemplarsSent);
    f.put("samples_per_s_sent", s.samplesSent / durationSeconds);
    f.put("samples_per_s_accepted", s.samplesAccepted / durationSeconds);
    f.put("bytes_sent", s.bytesSent);
    f.put("uncompressed_bytes_sent", s.uncompressedBytesSent);
    f.put("status_codes", new LinkedHashMap<>(s.statusCodes));
    f.put("written_shortfalls", s.writtenShortfalls);
    f.put("latency_ms", percentiles(s.latency));
    if (options.openLoop()) {
      f.put("latency_corrected_ms", percentiles(s.correctedLatency));
    }
    f.put("generator_starved_ms", s.generatorStarved);
    f.put("generator_cpu_s", generatorCpuSeconds);
    f.put("process_cpu_s", processCpuSeconds);
    return new RunReport(f);
  }

  private static Map<String, Object> percentiles(Histogram h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", h.getValueAtPercentile(50) / 1000.0);
    m.put("p90", h.getValueAtPercentile(90) / 1000.0);
    m.put("p99", h.getValueAtPercentile(99) / 1000.0);
    m.put("p999", h.getValueAtPercentile(99.9) / 1000.0);
    m.put("max", h.getMaxValue() / 1000.0);
    m.put("mean", h.getTotalCount() == 0 ? 0.0 : h.getMean() / 1000.0);
    return m;
  }

  /** Adds a field after the standard ones ({@code workload}, {@code timeline}); returns this. */
  RunReport with(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  public long getLong(String key) {
    return ((Number) fields.get(key)).longValue();
  }

  public String json() {
    return Json.write(fields);
  }

  /** A few lines for the terminal. */
  @SuppressWarnings("unchecked")
  public String text() {
    Map<String, Object> lat = (Map<String, Object>) fields.get("latency_ms");
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%s %s, %s, %d series, %.1f s%n", fields.get("protocol"), fields.get("target"),
        fields.get("mode"), getLong("series"), (Double) fields.get("duration_s")));
    sb.append(String.format("samples: sent %d, accepted %d (%.0f/s accepted)%n", getLong("samples_sent"),
        getLong("samples_accepted"), (Double) fields.get("samples_per_s_accepted")));
    sb.append(String.format("requests: %d (%d failed, %d metadata), status %s%n", getLong("requests"),
        getLong("requests_failed"), getLong("metadata_requests"), fields.get("status_codes")));
    sb.append(String.format("latency ms: p50 %s p90 %s p99 %s p999 %s max %s%n", lat.get("p50"), lat.get("p90"),
        lat.get("p99"), lat.get("p999"), lat.get("max")));
    sb.append(String.format("bytes sent: %d (%d uncompressed)%n", getLong("bytes_sent"), getLong("uncompressed_bytes_sent")));
    sb.append(String.format("generator: %.2f s CPU (process %.2f s), sender waited %d shard-ms for it%n",
        (Double) fields.get("generator_cpu_s"), (Double) fields.get("process_cpu_s"), getLong("generator_starved_ms")));
    if (fields.get("replay") instanceof Map<?, ?> replay) {
      sb.append(String.format("replay: %s requests per cycle, %.1f cycles, pre-generated in %.2f s (%.2f s CPU)%n",
          replay.get("requests_per_cycle"), replay.get("cycles"), replay.get("pregenerate_s"), replay.get("pregenerate_cpu_s")));
    }
    return sb.toString();
  }
}
