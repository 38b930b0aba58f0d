package io.rwgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.rwgateway.translators.relabel.RelabelRule;
import java.time.Duration;
import java.util.List;

/** Maps the document root to {@link GatewayConfig}; sections go to their own mappers. */
final class GatewayConfigMapper {
  private GatewayConfigMapper() {
  }

  static GatewayConfig map(JsonNode root, ConfigErrors errors) {
    MapReader r = MapReader.root(root, errors);
    String host = Defaults.LISTEN_HOST;
    int port = Defaults.LISTEN_PORT;
    String address = r.string("listen_address", null);
    if (address != null) {
      try {
        ListenAddress parsed = ListenAddress.parse(address);
        host = parsed.host();
        port = parsed.port();
      } catch (IllegalArgumentException e) {
        r.error("listen_address", e.getMessage());
      }
    }
    // 0s turns the periodic stats line off.
    Duration statsLogInterval = r.duration("stats_log_interval", Defaults.STATS_LOG_INTERVAL, Duration.ZERO, null);
    IngestConfig ingest = IngestConfigMapper.map(r.map("ingest"));
    // Pipeline order (architecture.md): global relabel right after decode, then fan-out to the backends.
    List<RelabelRule> relabelConfigs = RelabelConfigMapper.mapAll(r.mapList("relabel_configs"));
    RelabelCacheConfig relabelCache = relabelCache(r.map("relabel_cache"));
    List<BackendConfig> backends = BackendConfigMapper.mapAll(r.mapList("backends"));
    OtlpConfig otlp = OtlpConfigMapper.map(r.map("otlp"), host, port);
    r.rejectUnknownKeys();
    return new GatewayConfig(host, port, statsLogInterval, ingest, backends, relabelConfigs, relabelCache, otlp);
  }

  private static RelabelCacheConfig relabelCache(MapReader r) {
    long maxEntries = r.longInteger("max_entries", Defaults.RELABEL_CACHE_MAX_ENTRIES, 1, Long.MAX_VALUE);
    r.rejectUnknownKeys();
    return new RelabelCacheConfig(maxEntries);
  }
}
