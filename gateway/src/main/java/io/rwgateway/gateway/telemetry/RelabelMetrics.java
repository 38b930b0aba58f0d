package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rwgateway.gateway.egress.RuleDrops;
import io.rwgateway.translators.relabel.BatchRelabeler;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Drops by rules (relabeling, tenant routing) and the relabel cache of one route, or of the global
 * stage ({@code route="global"}). Every drop has a reason (relabel_drop, relabel_no_name, no_tenant).
 */
public final class RelabelMetrics implements RuleDrops {
  private final MeterRegistry registry;
  private final String route;
  private final java.util.Set<io.micrometer.core.instrument.Meter.Id> registered =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  RelabelMetrics(MeterRegistry registry, String route) {
    this.registry = registry;
    this.route = route;
  }

  @Override
  public void dropped(String reason, long series, long samples, long histograms, long exemplars) {
    count("series", reason, series);
    count("samples", reason, samples);
    count("histograms", reason, histograms);
    count("exemplars", reason, exemplars);
  }

  /**
   * Drops of one relabel pass. Series are counted per reason; the relabeler does not split their
   * samples by reason, so those carry the reason when there was one, else "relabel".
   */
  @Override
  public void dropped(BatchRelabeler.Result r) {
    if (r.droppedSeries() == 0) {
      return;
    }
    for (Map.Entry<String, Long> e : r.droppedSeriesByReason().entrySet()) {
      count("series", e.getKey(), e.getValue());
    }
    String reason = r.droppedSeriesByReason().size() == 1
        ? r.droppedSeriesByReason().keySet().iterator().next() : "relabel";
    count("samples", reason, r.droppedSamples());
    count("histograms", reason, r.droppedHistograms());
    count("exemplars", reason, r.droppedExemplars());
  }

  private void count(String kind, String reason, long n) {
    if (n == 0) {
      return;
    }
    Counter c = Counter.builder(GatewayMetrics.PREFIX + "relabel_dropped_" + kind)
        .description("Data dropped by rules (relabel_configs, write_relabel_configs, tenant routing), by route and reason")
        .tag("route", route).tag("reason", reason)
        .register(registry);
    registered.add(c.getId());
    c.increment(n);
  }

  public void cache(BatchRelabeler relabeler) {
    cache(relabeler, BatchRelabeler::cacheHits, BatchRelabeler::cacheMisses, BatchRelabeler::cacheSize);
  }

  /**
   * The route's caches, read from {@code state} (the global route's sums over one relabeler per
   * event loop). Micrometer holds {@code state} weakly: it must be an object the pipeline keeps.
   */
  public <T> void cache(T state, ToDoubleFunction<T> hits, ToDoubleFunction<T> misses, ToDoubleFunction<T> entries) {
    registered.add(FunctionCounter.builder(GatewayMetrics.PREFIX + "relabel_cache_hits", state, hits)
        .description("Relabel rule results served from the rules' caches (per tuple of the values a rule reads)").tag("route", route).register(registry).getId());
    registered.add(FunctionCounter.builder(GatewayMetrics.PREFIX + "relabel_cache_misses", state, misses)
        .description("Relabel rule results computed (cache misses: a value, or label name, a rule had not seen)").tag("route", route).register(registry).getId());
    registered.add(Gauge.builder(GatewayMetrics.PREFIX + "relabel_cache_entries", state, entries)
        .description("Entries in the relabel rules' caches, all rules of the route together").tag("route", route).register(registry).getId());
  }

  /** Removes the meters of this route (it is gone). */
  public void close() {
    for (io.micrometer.core.instrument.Meter.Id id : registered) {
      registry.remove(id);
    }
    registered.clear();
  }
}
