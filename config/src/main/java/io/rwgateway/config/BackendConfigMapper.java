package io.rwgateway.config;

import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.relabel.RelabelRule;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps each item of {@code backends} to {@link BackendConfig}; names must be unique across the list. */
final class BackendConfigMapper {
  static final int MAX_CONCURRENCY = 64;
  static final Duration MIN_BATCH_DELAY = Duration.ofMillis(1);
  static final Duration MAX_BATCH_DELAY = Duration.ofMinutes(5);
  private static final Duration MIN_POSITIVE = Duration.ofMillis(1);
  /** An encoded request is one byte array. */
  private static final long MAX_REQUEST_BYTES = Integer.MAX_VALUE;

  private BackendConfigMapper() {
  }

  /** @return the backends that mapped without error (the caller fails anyway when any did not) */
  static List<BackendConfig> mapAll(List<MapReader> items) {
    Map<String, String> pathByName = new HashMap<>();
    List<BackendConfig> backends = new ArrayList<>(items.size());
    for (MapReader r : items) {
      BackendConfig backend = map(r, pathByName);
      if (backend != null) {
        backends.add(backend);
      }
    }
    return backends;
  }

  private static BackendConfig map(MapReader r, Map<String, String> pathByName) {
    String name = BackendNames.check(r, pathByName);
    URI url = BackendUrls.check(r);
    String protocolName = r.string("protocol", Defaults.PROTOCOL.wireName());
    Protocol protocol = Protocol.fromWireName(protocolName).orElse(null);
    if (protocol == null) {
      r.error("protocol", "must be rw2, rw1 or auto, got '" + protocolName + "'");
    }
    Map<String, String> headers = HeaderRules.check(r.map("headers"));
    Duration timeout = r.duration("timeout", Defaults.TIMEOUT, MIN_POSITIVE, null);
    int concurrency = r.integer("concurrency", Defaults.CONCURRENCY, 1, MAX_CONCURRENCY);
    MapReader queueReader = r.map("queue");
    QueueConfig queue = queue(queueReader);
    BatchConfig batch = batch(r.map("batch"), queueReader, queue);
    RetryConfig retry = retry(r.map("retry"));
    List<RelabelRule> writeRelabelConfigs = RelabelConfigMapper.mapAll(r.mapList("write_relabel_configs"));
    TenantConfig tenant = tenant(r, headers);
    String metadataName = r.string("metadata", MetadataDetail.FULL.configName());
    MetadataDetail metadata = MetadataDetail.fromConfigName(metadataName);
    if (metadata == null) {
      r.error("metadata", "must be full, type_and_unit or none, got '" + metadataName + "'");
    }
    BackendAuth auth = AuthConfigMapper.map(r);
    r.rejectUnknownKeys();
    if (name == null || url == null || protocol == null || metadata == null) {
      return null;
    }
    return new BackendConfig(name, url, protocol, headers, timeout, concurrency, queue, batch, retry,
        writeRelabelConfigs, tenant, metadata, auth);
  }

  /** @return null when the backend has no tenant section (or a refused one: the error is recorded) */
  private static TenantConfig tenant(MapReader r, Map<String, String> headers) {
    MapReader tenant = r.map("tenant");
    if (!r.has("tenant") || r.failed("tenant")) {
      return null;
    }
    return TenantConfigMapper.map(tenant, headers);
  }

  private static QueueConfig queue(MapReader r) {
    long maxBytes = r.size("max_bytes", Defaults.QUEUE_MAX_BYTES, 1, Long.MAX_VALUE);
    String onFullName = r.string("on_full", Defaults.QUEUE_ON_FULL.configName());
    OnFull onFull = OnFull.fromConfigName(onFullName).orElse(null);
    if (onFull == null) {
      r.error("on_full", "must be drop_oldest, drop_newest or block, got '" + onFullName + "'");
      onFull = Defaults.QUEUE_ON_FULL;
    }
    r.rejectUnknownKeys();
    return new QueueConfig(maxBytes, onFull);
  }

  private static BatchConfig batch(MapReader r, MapReader queueReader, QueueConfig queue) {
    int maxSamples = r.integer("max_samples", Defaults.BATCH_MAX_SAMPLES, 1, Integer.MAX_VALUE);
    long maxBytes = r.size("max_bytes", Defaults.BATCH_MAX_BYTES, 1, MAX_REQUEST_BYTES);
    Duration maxDelay = r.duration("max_delay", Defaults.BATCH_MAX_DELAY, MIN_BATCH_DELAY, MAX_BATCH_DELAY);
    // A batch larger than the whole queue could never be queued.
    if (maxBytes > queue.maxBytes() && !r.failed("max_bytes") && !queueReader.failed("max_bytes")) {
      r.error("max_bytes", "must not exceed queue.max_bytes (" + ByteSize.format(queue.maxBytes()) + "), got "
          + ByteSize.format(maxBytes));
    }
    r.rejectUnknownKeys();
    return new BatchConfig(maxSamples, maxBytes, maxDelay);
  }

  private static RetryConfig retry(MapReader r) {
    Duration minBackoff = r.duration("min_backoff", Defaults.MIN_BACKOFF, MIN_POSITIVE, null);
    Duration maxBackoff = r.duration("max_backoff", Defaults.MAX_BACKOFF, MIN_POSITIVE, null);
    if (minBackoff.compareTo(maxBackoff) > 0 && !r.failed("min_backoff") && !r.failed("max_backoff")) {
      r.error("min_backoff", "must not exceed max_backoff (" + Durations.format(maxBackoff) + "), got "
          + Durations.format(minBackoff));
    }
    boolean retryOn429 = r.bool("retry_on_429", Defaults.RETRY_ON_429);
    r.rejectUnknownKeys();
    return new RetryConfig(minBackoff, maxBackoff, retryOn429);
  }
}
