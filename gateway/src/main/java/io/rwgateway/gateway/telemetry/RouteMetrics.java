package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rwgateway.translators.codec.EncodedRequest;
import java.time.Duration;
import java.util.function.Supplier;

/** Meters of one backend route: what was sent, retried, dropped, and how long sending took. */
public final class RouteMetrics {
  private final MeterRegistry registry;
  private final String backend;
  private final Counter sentBytes;
  private final Counter sentUncompressedBytes;
  private final Counter sentSamples;
  private final Counter sentHistograms;
  private final Counter sentExemplars;
  private final Counter sentSeries;
  private final Timer sendDuration;

  RouteMetrics(MeterRegistry registry, String backend) {
    this.registry = registry;
    this.backend = backend;
    sentBytes = counter("sent_bytes", "Request bodies delivered (2xx), compressed", "encoding", "snappy");
    sentUncompressedBytes = counter("sent_bytes", "Request bodies delivered (2xx), compressed", "encoding", "identity");
    sentSamples = counter("sent_samples", "Float samples delivered (2xx)");
    sentHistograms = counter("sent_histograms", "Native histogram samples delivered (2xx)");
    sentExemplars = counter("sent_exemplars", "Exemplars delivered (2xx)");
    sentSeries = counter("sent_series", "Series entries delivered (2xx)");
    sendDuration = Timer.builder(GatewayMetrics.PREFIX + "send_duration")
        .description("Time of one HTTP request to a backend, any outcome")
        .tag("backend", backend)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
  }

  private Counter counter(String name, String help, String... tags) {
    return Counter.builder(GatewayMetrics.PREFIX + name).description(help).tag("backend", backend)
        .tags(tags).register(registry);
  }

  public void queueGauges(Supplier<Number> usedBytes, long capacityBytes, Supplier<Number> pendingRequests) {
    Gauge.builder(GatewayMetrics.PREFIX + "queue_bytes", usedBytes)
        .description("Bytes held for this backend: encoded requests waiting or in flight, plus batches being accumulated")
        .tag("backend", backend).register(registry);
    Gauge.builder(GatewayMetrics.PREFIX + "queue_capacity_bytes", () -> capacityBytes)
        .description("Configured bound of queue_bytes").tag("backend", backend).register(registry);
    Gauge.builder(GatewayMetrics.PREFIX + "queue_requests", pendingRequests)
        .description("Encoded requests waiting or in flight").tag("backend", backend).register(registry);
  }

  public void delivered(EncodedRequest r) {
    sentBytes.increment(r.body().length);
    sentUncompressedBytes.increment(r.uncompressedBytes());
    sentSamples.increment(r.samples());
    sentHistograms.increment(r.histograms());
    sentExemplars.increment(r.exemplars());
    sentSeries.increment(r.series());
  }

  public void response(int status, long nanos) {
    sendDuration.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    Counter.builder(GatewayMetrics.PREFIX + "sent_requests")
        .description("HTTP requests to a backend, by status code (0 = network error or timeout)")
        .tag("backend", backend).tag("code", Integer.toString(status))
        .register(registry).increment();
  }

  public void retry(String reason) {
    Counter.builder(GatewayMetrics.PREFIX + "retries")
        .description("Requests to a backend retried, by reason")
        .tag("backend", backend).tag("reason", reason)
        .register(registry).increment();
  }

  /** A request given up on: its content is counted as dropped with the reason. */
  public void dropped(EncodedRequest r, String reason) {
    drop("dropped_requests", 1, reason);
    drop("dropped_samples", r.samples(), reason);
    drop("dropped_histograms", r.histograms(), reason);
    drop("dropped_exemplars", r.exemplars(), reason);
  }

  private void drop(String name, long n, String reason) {
    Counter.builder(GatewayMetrics.PREFIX + name)
        .description("Data given up for this backend, by reason")
        .tag("backend", backend).tag("reason", reason)
        .register(registry).increment(n);
  }

  /** The backend answered 2xx but wrote less than was sent (RW 2.0 Written headers, §2.6). */
  public void partialWrite(long missingSamples, long missingHistograms, long missingExemplars) {
    Counter.builder(GatewayMetrics.PREFIX + "backend_partial_writes")
        .description("2xx answers whose X-Prometheus-Remote-Write-*-Written counts were below what was sent")
        .tag("backend", backend).register(registry).increment();
  }

  /** A {@code protocol: auto} route switched to RW 1.0. */
  public void protocolFallback() {
    Counter.builder(GatewayMetrics.PREFIX + "protocol_fallbacks")
        .description("Times an auto route found its backend does not speak RW 2.0 and switched to RW 1.0")
        .tag("backend", backend).register(registry).increment();
  }

  public double sentBytesTotal() {
    return sentBytes.count();
  }

  public double sentSamplesTotal() {
    return sentSamples.count();
  }
}
