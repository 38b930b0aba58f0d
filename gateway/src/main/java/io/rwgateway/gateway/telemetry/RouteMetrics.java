package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rwgateway.gateway.egress.Counts;
import io.rwgateway.gateway.egress.OutgoingRequest;
import io.rwgateway.gateway.egress.RouteEvents;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Meters of one backend route: what it accepted, delivered, retried and dropped (by reason), its
 * queue, and how long sending took. Per backend, accepted = sent + dropped + queued, for samples,
 * histograms and exemplars alike. {@link #close} removes every meter it registered.
 */
public final class RouteMetrics implements RouteEvents {
  private final MeterRegistry registry;
  private final String backend;
  private final Set<Meter.Id> registered = ConcurrentHashMap.newKeySet();
  private final Counter acceptedSamples;
  private final Counter acceptedHistograms;
  private final Counter acceptedExemplars;
  private final Counter sentBytes;
  private final Counter sentUncompressedBytes;
  private final Counter sentSamples;
  private final Counter sentHistograms;
  private final Counter sentExemplars;
  private final Counter sentSeries;
  private final Counter partialWrites;
  private final Counter fallbacks;
  private final Timer sendDuration;

  /** @param receivedCompressedBytes what ingest received, for this backend's egress ratio */
  RouteMetrics(MeterRegistry registry, String backend, java.util.function.DoubleSupplier receivedCompressedBytes) {
    this.registry = registry;
    this.backend = backend;
    acceptedSamples = counter("accepted_samples", "Float samples this backend's route took (after its rules)");
    acceptedHistograms = counter("accepted_histograms", "Native histogram samples this backend's route took (after its rules)");
    acceptedExemplars = counter("accepted_exemplars", "Exemplars this backend's route took (after its rules)");
    sentBytes = counter("sent_bytes", "Request bodies delivered (2xx), compressed", "encoding", "snappy");
    sentUncompressedBytes = counter("sent_bytes", "Request bodies delivered (2xx), compressed", "encoding", "identity");
    sentSamples = counter("sent_samples", "Float samples delivered (2xx; RW 2.0: as the Written header says)");
    sentHistograms = counter("sent_histograms", "Native histogram samples delivered (2xx; RW 2.0: as the Written header says)");
    sentExemplars = counter("sent_exemplars", "Exemplars delivered (2xx; RW 2.0: as the Written header says)");
    sentSeries = counter("sent_series", "Series entries in requests delivered (2xx)");
    partialWrites = counter("backend_partial_writes",
        "2xx answers whose X-Prometheus-Remote-Write-*-Written counts were below what was sent");
    fallbacks = counter("protocol_fallbacks",
        "Times an auto route found its backend does not speak RW 2.0 and switched to RW 1.0");
    sendDuration = track(Timer.builder(GatewayMetrics.PREFIX + "send_duration")
        .description("Time of one HTTP request to a backend, any outcome")
        .tag("backend", backend)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry));
    track(Gauge.builder(GatewayMetrics.PREFIX + "egress_ratio", () -> {
      double in = receivedCompressedBytes.getAsDouble();
      return in == 0 ? 0 : sentBytes.count() / in;
    }).description("Compressed bytes delivered to this backend / compressed bytes received, since start")
        .tag("backend", backend).register(registry));
    // What a window merged: RW 2.0 writes a series' labels and metadata once for all of these
    // (docs/benchmarks.md "Egress grid"); below 2 the window is shorter than the scrape interval.
    track(Gauge.builder(GatewayMetrics.PREFIX + "samples_per_series", this::samplesPerSeries)
        .description("Samples and histograms per series entry in requests delivered to this backend, since start")
        .tag("backend", backend).register(registry));
  }

  private double samplesPerSeries() {
    double series = sentSeries.count();
    return series == 0 ? 0 : sentItemsTotal() / series;
  }

  /** Samples and histograms delivered, since start. */
  public double sentItemsTotal() {
    return sentSamples.count() + sentHistograms.count();
  }

  /** Series entries in delivered requests, since start. */
  public double sentSeriesTotal() {
    return sentSeries.count();
  }

  private <M extends Meter> M track(M meter) {
    registered.add(meter.getId());
    return meter;
  }

  private Counter counter(String name, String help, String... tags) {
    return track(Counter.builder(GatewayMetrics.PREFIX + name).description(help).tag("backend", backend)
        .tags(tags).register(registry));
  }

  @Override
  public void gauges(LongSupplier usedBytes, long capacityBytes, LongSupplier requests, Supplier<Counts> queued) {
    gauge("queue_bytes", "Bytes held for this backend: batches being accumulated, encoded requests waiting or in flight",
        () -> usedBytes.getAsLong());
    gauge("queue_capacity_bytes", "Configured bound of queue_bytes (queue.max_bytes)", () -> capacityBytes);
    gauge("queue_requests", "Encoded requests waiting or in flight", () -> requests.getAsLong());
    gauge("queue_samples", "Float samples accepted and not yet delivered or dropped", () -> queued.get().samples());
    gauge("queue_histograms", "Native histogram samples accepted and not yet delivered or dropped",
        () -> queued.get().histograms());
    gauge("queue_exemplars", "Exemplars accepted and not yet delivered or dropped", () -> queued.get().exemplars());
  }

  private void gauge(String name, String help, Supplier<Number> value) {
    track(Gauge.builder(GatewayMetrics.PREFIX + name, value).description(help).tag("backend", backend)
        .register(registry));
  }

  @Override
  public void accepted(Counts c) {
    acceptedSamples.increment(c.samples());
    acceptedHistograms.increment(c.histograms());
    acceptedExemplars.increment(c.exemplars());
  }

  @Override
  public void delivered(OutgoingRequest r, Counts written) {
    sentBytes.increment(r.bytes());
    sentUncompressedBytes.increment(r.encoded().uncompressedBytes());
    sentSamples.increment(written.samples());
    sentHistograms.increment(written.histograms());
    sentExemplars.increment(written.exemplars());
    sentSeries.increment(r.encoded().series());
  }

  @Override
  public void response(int status, long nanos) {
    sendDuration.record(nanos, TimeUnit.NANOSECONDS);
    track(Counter.builder(GatewayMetrics.PREFIX + "sent_requests")
        .description("HTTP requests to a backend, by status code (0 = network error or timeout)")
        .tag("backend", backend).tag("code", Integer.toString(status))
        .register(registry)).increment();
  }

  @Override
  public void retried(String reason) {
    track(Counter.builder(GatewayMetrics.PREFIX + "retries")
        .description("Requests to a backend retried, by reason")
        .tag("backend", backend).tag("reason", reason)
        .register(registry)).increment();
  }

  @Override
  public void dropped(Counts c, String reason) {
    drop("dropped_samples", c.samples(), reason);
    drop("dropped_histograms", c.histograms(), reason);
    drop("dropped_exemplars", c.exemplars(), reason);
  }

  @Override
  public void droppedRequest(String reason) {
    drop("dropped_requests", 1, reason);
  }

  private void drop(String name, long n, String reason) {
    track(Counter.builder(GatewayMetrics.PREFIX + name)
        .description("Data accepted for this backend and given up, by reason")
        .tag("backend", backend).tag("reason", reason)
        .register(registry)).increment(n);
  }

  @Override
  public void partialWrite() {
    partialWrites.increment();
  }

  @Override
  public void protocolFallback() {
    fallbacks.increment();
  }

  @Override
  public void close() {
    for (Meter.Id id : registered) {
      registry.remove(id);
    }
    registered.clear();
  }

  public double sentBytesTotal() {
    return sentBytes.count();
  }
}
