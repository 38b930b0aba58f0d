package io.rwgateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Cache of RW 1.0 metadata (type, help, unit per metric family), which travels apart from the
 * series and is joined to them by family name (architecture.md "The canonical model").
 *
 * @param maxFamilies families kept at most
 * @param ttl         how long an entry lives after it was last written
 */
public record MetadataCacheConfig(int maxFamilies, Duration ttl) {

  public MetadataCacheConfig {
    Objects.requireNonNull(ttl, "ttl");
  }

  public static MetadataCacheConfig defaults() {
    return new MetadataCacheConfig(Defaults.METADATA_MAX_FAMILIES, Defaults.METADATA_TTL);
  }
}
