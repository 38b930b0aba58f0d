package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rwgateway.gateway.ingest.IngestEvents;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.Rejections;
import io.rwgateway.translators.model.MetricBatch;
import java.util.Map;

/** Counters of one ingest protocol: what arrived, what was accepted, what was refused and why. */
public final class IngestMetrics implements IngestEvents.Protocol {
  private final MeterRegistry registry;
  private final String protocol;
  final Counter bytes;
  private final Counter decodedBytes;
  private final Counter series;
  private final Counter samples;
  private final Counter histograms;
  private final Counter exemplars;
  private final Counter metadata;

  IngestMetrics(MeterRegistry registry, String protocol) {
    this.registry = registry;
    this.protocol = protocol;
    bytes = counter("received_bytes", "Request bodies received, as sent (compressed when sent so)");
    decodedBytes = counter("received_decoded_bytes", "Request bodies received, after snappy or gzip decoding");
    series = counter("received_series", "Series accepted");
    samples = counter("received_samples", "Float samples accepted");
    histograms = counter("received_histograms", "Native histogram samples accepted");
    exemplars = counter("received_exemplars", "Exemplars accepted");
    metadata = counter("received_metadata", "RW 1.0 metadata entries received");
  }

  private Counter counter(String name, String help) {
    return Counter.builder(GatewayMetrics.PREFIX + name).description(help).tag("protocol", protocol)
        .register(registry);
  }

  @Override
  public void body(long compressed, long decoded) {
    bytes.increment(compressed);
    decodedBytes.increment(decoded);
  }

  @Override
  public void accepted(MetricBatch batch, int metadataEntries) {
    series.increment(batch.series().size());
    samples.increment(batch.sampleCount());
    histograms.increment(batch.histogramCount());
    exemplars.increment(batch.exemplarCount());
    metadata.increment(metadataEntries);
  }

  /** Series left out of a request that was otherwise accepted. */
  public void rejectedSeries(Rejections r) {
    for (Map.Entry<String, Long> e : r.seriesByReason().entrySet()) {
      Counter.builder(GatewayMetrics.PREFIX + "rejected_series")
          .description("Series refused at ingest (the rest of their request was kept), by reason")
          .tag("protocol", protocol).tag("reason", e.getKey())
          .register(registry).increment(e.getValue());
    }
    if (r.samples() > 0) {
      rejectedItems("samples", r.samples());
    }
    if (r.histograms() > 0) {
      rejectedItems("histograms", r.histograms());
    }
    if (r.exemplars() > 0) {
      rejectedItems("exemplars", r.exemplars());
    }
  }

  private void rejectedItems(String kind, long n) {
    Counter.builder(GatewayMetrics.PREFIX + "rejected_" + kind)
        .description("Items refused at ingest because their series was invalid")
        .tag("protocol", protocol).register(registry).increment(n);
  }

  /** A whole request refused (415, 413, 400 undecodable, 429 queue full...). */
  @Override
  public void rejectedRequest(String reason) {
    Counter.builder(GatewayMetrics.PREFIX + "rejected_requests")
        .description("Ingest requests refused, by reason")
        .tag("protocol", protocol).tag("reason", reason)
        .register(registry).increment();
  }

  private final java.util.concurrent.atomic.LongAdder requests = new java.util.concurrent.atomic.LongAdder();

  @Override
  public void response(int status) {
    requests.increment();
    Counter.builder(GatewayMetrics.PREFIX + "received_requests")
        .description("Ingest requests answered, by status code")
        .tag("protocol", protocol).tag("code", Integer.toString(status))
        .register(registry).increment();
  }

  public long requestsTotal() {
    return requests.sum();
  }

  public double bytesTotal() {
    return bytes.count();
  }

  public double decodedBytesTotal() {
    return decodedBytes.count();
  }

  public double seriesTotal() {
    return series.count();
  }

  public double samplesTotal() {
    return samples.count();
  }

  public double histogramsTotal() {
    return histograms.count();
  }

  public double exemplarsTotal() {
    return exemplars.count();
  }

  /** Convenience for handlers. */
  @Override
  public void decoded(DecodedRequest d) {
    accepted(d.batch(), d.metadataEntries());
    if (!d.rejections().isEmpty()) {
      rejectedSeries(d.rejections());
    }
  }
}
