package io.rwgateway.config;

import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.relabel.RelabelRule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One remote-write destination and everything its route owns.
 *
 * @param name        unique, {@code [a-zA-Z0-9_-]+}; used as a metric label
 * @param url         absolute http or https URL the requests are POSTed to
 * @param protocol    RW 2.0 or RW 1.0 encoding
 * @param headers     extra request headers; never one of the reserved names (remote-write.md §1.2)
 * @param timeout     per request
 * @param concurrency sender shards, 1..64; the order of one series is kept within its shard
 * @param queue       bound of queued encoded bytes
 * @param batch       flush thresholds
 * @param retry       backoff for retryable failures
 * @param writeRelabelConfigs rules applied to this backend's series before encoding, in order
 * @param tenant      how batches are split by tenant; null when the backend is not multi-tenant
 * @param metadata    how much metadata (type, help, unit) the backend gets
 * @param auth        what the requests carry in their Authorization header; null for nothing
 */
public record BackendConfig(String name, URI url, Protocol protocol, Map<String, String> headers,
    Duration timeout, int concurrency, QueueConfig queue, BatchConfig batch, RetryConfig retry,
    List<RelabelRule> writeRelabelConfigs, TenantConfig tenant, MetadataDetail metadata, BackendAuth auth) {

  public BackendConfig {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(protocol, "protocol");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(retry, "retry");
    writeRelabelConfigs = List.copyOf(writeRelabelConfigs);
  }

  /** A backend without credentials. */
  public BackendConfig(String name, URI url, Protocol protocol, Map<String, String> headers,
      Duration timeout, int concurrency, QueueConfig queue, BatchConfig batch, RetryConfig retry,
      List<RelabelRule> writeRelabelConfigs, TenantConfig tenant, MetadataDetail metadata) {
    this(name, url, protocol, headers, timeout, concurrency, queue, batch, retry, writeRelabelConfigs,
        tenant, metadata, null);
  }

  /** A backend that gets full metadata. */
  public BackendConfig(String name, URI url, Protocol protocol, Map<String, String> headers,
      Duration timeout, int concurrency, QueueConfig queue, BatchConfig batch, RetryConfig retry,
      List<RelabelRule> writeRelabelConfigs, TenantConfig tenant) {
    this(name, url, protocol, headers, timeout, concurrency, queue, batch, retry, writeRelabelConfigs,
        tenant, MetadataDetail.FULL);
  }

  /** Header values are left out: a custom header may carry a token (e.g. an API key). */
  @Override
  public String toString() {
    return "BackendConfig[name=" + name + ", url=" + url + ", protocol=" + protocol + ", headers="
        + new java.util.TreeSet<>(headers.keySet()) + ", timeout=" + timeout + ", concurrency=" + concurrency
        + ", queue=" + queue + ", batch=" + batch + ", retry=" + retry + ", writeRelabelConfigs="
        + writeRelabelConfigs + ", tenant=" + tenant + ", metadata=" + metadata.configName()
        + (auth == null ? "" : ", auth=" + auth) + "]";
  }

  /** A backend with every optional setting at its default (for code and tests building configs). */
  public static BackendConfig withDefaults(String name, URI url) {
    return new BackendConfig(name, url, Defaults.PROTOCOL, Map.of(), Defaults.TIMEOUT,
        Defaults.CONCURRENCY, QueueConfig.defaults(), BatchConfig.defaults(), RetryConfig.defaults(),
        List.of(), null);
  }
}
