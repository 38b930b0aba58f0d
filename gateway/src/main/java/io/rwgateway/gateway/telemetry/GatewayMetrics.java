package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rwgateway.gateway.ingest.IngestEvents;
import io.rwgateway.gateway.ingest.WireProtocol;
import io.rwgateway.translators.model.SymbolDictionary;
import java.util.EnumMap;
import java.util.Map;

/**
 * The gateway's own metrics (architecture.md "Self-observability"), in one Prometheus registry
 * served on {@code /metrics}. Per-protocol and per-backend meter groups are created once and
 * handed to the components that count, so the hot path never looks meters up by name.
 */
public final class GatewayMetrics implements IngestEvents {
  public static final String PREFIX = "rw_gateway_";

  private final PrometheusMeterRegistry registry;
  private final Map<WireProtocol, IngestMetrics> ingest = new EnumMap<>(WireProtocol.class);
  private final OtlpMetrics otlp;

  public GatewayMetrics() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    for (WireProtocol p : WireProtocol.values()) {
      ingest.put(p, new IngestMetrics(registry, p.label()));
    }
    otlp = new OtlpMetrics(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public IngestMetrics ingest(WireProtocol protocol) {
    return ingest.get(protocol);
  }

  @Override
  public IngestEvents.Protocol protocol(WireProtocol protocol) {
    return ingest.get(protocol);
  }

  @Override
  public OtlpMetrics otlp() {
    return otlp;
  }

  /** A request refused before its protocol was known (wrong method, wrong content type...). */
  @Override
  public void rejectedUnknownProtocol(String reason) {
    Counter.builder(PREFIX + "rejected_requests")
        .description("Ingest requests refused, by reason")
        .tag("protocol", "unknown").tag("reason", reason)
        .register(registry).increment();
  }

  /** Rule-driven drops and relabel cache of a route ({@code "global"} for relabel_configs). */
  public RelabelMetrics relabel(String route) {
    return new RelabelMetrics(registry, route);
  }

  public RouteMetrics route(String backend) {
    return new RouteMetrics(registry, backend, this::receivedCompressedBytes);
  }

  /**
   * The scrape interval senders use, as the gateway sees it: what decides how much a window of
   * {@code batch.max_delay} merges (docs/benchmarks.md "Egress grid").
   */
  public void scrapeInterval(io.rwgateway.translators.model.SeriesIntervals intervals) {
    io.micrometer.core.instrument.Gauge.builder(PREFIX + "scrape_interval_seconds", intervals::medianSeconds)
        .description("Median gap between consecutive samples of a series (a sample of the series, last 1-2 minutes)")
        .register(registry);
  }

  /** Series whose OTLP delta running totals are held ({@code otlp.delta: to_cumulative}). */
  public void otlpDeltaSeries(java.util.function.LongSupplier series) {
    io.micrometer.core.instrument.Gauge.builder(PREFIX + "otlp_delta_series", () -> (double) series.getAsLong())
        .description("Series whose OTLP deltas are being summed into cumulative values (otlp.delta: to_cumulative)")
        .register(registry);
  }

  /**
   * The symbol dictionary the decoders share (docs/dictionary.md): strings in its current
   * generation, their bytes, and generations started (a fast-growing count means more distinct
   * active label values than a generation holds: every value is looked up again per generation).
   */
  public void symbolDictionary(SymbolDictionary dictionary) {
    io.micrometer.core.instrument.Gauge.builder(PREFIX + "symbol_dictionary_symbols", dictionary,
            d -> d.current().size())
        .description("Label strings in the symbol dictionary's current generation").register(registry);
    io.micrometer.core.instrument.Gauge.builder(PREFIX + "symbol_dictionary_bytes", dictionary,
            d -> d.current().bytesUsed())
        .description("UTF-8 bytes of the label strings in the symbol dictionary's current generation")
        .register(registry);
    // Meters hold their object weakly: the dictionary itself, which the decoders keep alive (a
    // method reference made here would be collected and read 0).
    io.micrometer.core.instrument.FunctionCounter.builder(PREFIX + "symbol_dictionary_generations",
            dictionary, SymbolDictionary::generationsStarted)
        .description("Generations the symbol dictionary started (the first included)").register(registry);
  }

  /** Text exposition for {@code /metrics}. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Sum over every protocol of a received-bytes counter (as sent: snappy for RW, gzip or identity
   * for OTLP), for the egress ratio: the RW 2.0 bytes out against what came in.
   */
  public double receivedCompressedBytes() {
    double sum = 0;
    for (IngestMetrics m : ingest.values()) {
      sum += m.bytes.count();
    }
    return sum;
  }
}
