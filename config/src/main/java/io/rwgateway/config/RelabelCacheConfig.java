package io.rwgateway.config;

/**
 * Each relabel stage (the global one and each backend's) caches its result per distinct label set,
 * so a series seen again costs one lookup instead of running every rule (architecture.md
 * "Performance principles").
 *
 * @param maxEntries label sets kept at most, per stage
 */
public record RelabelCacheConfig(long maxEntries) {

  public static RelabelCacheConfig defaults() {
    return new RelabelCacheConfig(Defaults.RELABEL_CACHE_MAX_ENTRIES);
  }
}
