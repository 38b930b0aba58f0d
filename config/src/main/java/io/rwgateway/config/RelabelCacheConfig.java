package io.rwgateway.config;

/**
 * Each rule of a relabel stage (the global one and each backend's) caches its result per distinct
 * tuple of the label values it reads (per label name for labelmap, labeldrop and labelkeep), so a
 * value seen again costs a lookup instead of a regex (docs/architecture.md, "Relabeling on what
 * the rules read"). Until issue 11 the cache was one per stage, keyed by whole label sets; the
 * key {@code max_entries} keeps its name and now bounds each rule's cache.
 *
 * @param maxEntries results kept at most per cached rule (distinct read-value tuples or names)
 */
public record RelabelCacheConfig(long maxEntries) {

  public static RelabelCacheConfig defaults() {
    return new RelabelCacheConfig(Defaults.RELABEL_CACHE_MAX_ENTRIES);
  }
}
