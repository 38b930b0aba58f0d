package io.rwgateway.gateway.testing;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.GatewayConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.QueueConfig;
import io.rwgateway.config.RetryConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Gateway configurations for tests: loopback, a free port, fast batching and backoff. */
public final class TestConfigs {
  private TestConfigs() {}

  public static BackendConfig backend(String name, String url, Protocol protocol) {
    return new BackendConfig(name, URI.create(url), protocol, Map.of(), Duration.ofSeconds(30), 1,
        new QueueConfig(64L << 20), new BatchConfig(10_000, 4L << 20, Duration.ofMillis(50)),
        new RetryConfig(Duration.ofMillis(30), Duration.ofMillis(500), true), List.of(), null);
  }

  public static BackendConfig withQueue(BackendConfig b, long maxBytes) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        new QueueConfig(maxBytes, b.queue().onFull()), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(),
        b.metadata(), b.auth());
  }

  public static BackendConfig withOnFull(BackendConfig b, io.rwgateway.config.OnFull onFull) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        new QueueConfig(b.queue().maxBytes(), onFull), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(),
        b.metadata(), b.auth());
  }

  public static GatewayConfig withBackpressureStatus(GatewayConfig g, int status) {
    io.rwgateway.config.IngestConfig i = g.ingest();
    return new GatewayConfig(g.listenHost(), g.listenPort(), g.statsLogInterval(),
        new io.rwgateway.config.IngestConfig(i.maxBodyBytes(), i.maxDecodedBytes(), i.maxLabelsPerSeries(),
            i.maxLabelNameLength(), i.maxLabelValueLength(), i.metadataCache(), status),
        g.backends(), g.relabelConfigs(), g.relabelCache(), g.otlp());
  }

  /** The same gateway with other body limits: as sent, and once decompressed. */
  public static GatewayConfig withBodyLimits(GatewayConfig g, long maxBodyBytes, int maxDecodedBytes) {
    io.rwgateway.config.IngestConfig i = g.ingest();
    return new GatewayConfig(g.listenHost(), g.listenPort(), g.statsLogInterval(),
        new io.rwgateway.config.IngestConfig(maxBodyBytes, maxDecodedBytes, i.maxLabelsPerSeries(),
            i.maxLabelNameLength(), i.maxLabelValueLength(), i.metadataCache(), i.backpressureStatus()),
        g.backends(), g.relabelConfigs(), g.relabelCache(), g.otlp());
  }

  /** The same gateway with another {@code otlp} section (e.g. gRPC on 127.0.0.1:0, a delta mode). */
  public static GatewayConfig withOtlp(GatewayConfig g, io.rwgateway.config.OtlpConfig otlp) {
    return g.withOtlp(otlp);
  }

  public static BackendConfig withHeaders(BackendConfig b, Map<String, String> headers) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), headers, b.timeout(), b.concurrency(),
        b.queue(), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(), b.metadata(), b.auth());
  }

  public static BackendConfig withAuth(BackendConfig b, io.rwgateway.config.BackendAuth auth) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        b.queue(), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(), b.metadata(), auth);
  }

  public static BackendConfig withRetry(BackendConfig b, RetryConfig retry) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        b.queue(), b.batch(), retry, b.writeRelabelConfigs(), b.tenant(), b.metadata(), b.auth());
  }

  public static BackendConfig withTimeout(BackendConfig b, Duration timeout) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), timeout, b.concurrency(),
        b.queue(), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(), b.metadata(), b.auth());
  }

  public static BackendConfig withMaxDelay(BackendConfig b, Duration maxDelay) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        b.queue(), new BatchConfig(b.batch().maxSamples(), b.batch().maxBytes(), maxDelay), b.retry(),
        b.writeRelabelConfigs(), b.tenant(), b.metadata(), b.auth());
  }

  public static BackendConfig withMetadata(BackendConfig b, io.rwgateway.translators.metadata.MetadataDetail metadata) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        b.queue(), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(), metadata, b.auth());
  }

  public static BackendConfig withProtocol(BackendConfig b, Protocol protocol) {
    return new BackendConfig(b.name(), b.url(), protocol, b.headers(), b.timeout(), b.concurrency(),
        b.queue(), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(), b.metadata(), b.auth());
  }

  public static BackendConfig withConcurrency(BackendConfig b, int concurrency) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), concurrency,
        b.queue(), b.batch(), b.retry(), b.writeRelabelConfigs(), b.tenant(), b.metadata(), b.auth());
  }

  public static BackendConfig withTenant(BackendConfig b, io.rwgateway.config.TenantConfig tenant) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        b.queue(), b.batch(), b.retry(), b.writeRelabelConfigs(), tenant, b.metadata(), b.auth());
  }

  public static BackendConfig withRules(BackendConfig b, java.util.List<io.rwgateway.translators.relabel.RelabelRule> rules) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        b.queue(), b.batch(), b.retry(), rules, b.tenant(), b.metadata(), b.auth());
  }

  public static GatewayConfig withGlobalRules(GatewayConfig g, java.util.List<io.rwgateway.translators.relabel.RelabelRule> rules) {
    return new GatewayConfig(g.listenHost(), g.listenPort(), g.statsLogInterval(), g.ingest(), g.backends(), rules,
        g.relabelCache(), g.otlp());
  }

  /**
   * The same gateway on a fixed port: unlike port 0, it gets one ingest verticle per core, so
   * requests are decoded and handed over on several event loops at once.
   */
  public static GatewayConfig onPort(GatewayConfig g, int port) {
    return new GatewayConfig(g.listenHost(), port, g.statsLogInterval(), g.ingest(), g.backends(), g.relabelConfigs(),
        g.relabelCache(), g.otlp());
  }

  public static BackendConfig withBatch(BackendConfig b, BatchConfig batch) {
    return new BackendConfig(b.name(), b.url(), b.protocol(), b.headers(), b.timeout(), b.concurrency(),
        b.queue(), batch, b.retry(), b.writeRelabelConfigs(), b.tenant(), b.metadata(), b.auth());
  }

  public static GatewayConfig gateway(BackendConfig... backends) {
    GatewayConfig d = GatewayConfig.defaults();
    return new GatewayConfig("127.0.0.1", 0, Duration.ZERO, d.ingest(), List.of(backends), d.relabelConfigs(),
        d.relabelCache());
  }
}
