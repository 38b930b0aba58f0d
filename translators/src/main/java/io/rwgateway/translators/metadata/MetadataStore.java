package io.rwgateway.translators.metadata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * RW 1.0 metadata by family name, kept between requests (remote-write.md §3.3.3: Prometheus sends
 * it apart from the series, every minute, in metadata-only requests) and joined to series by their
 * metric name. Bounded and expiring (Caffeine, {@code expireAfterWrite}): a family that is no
 * longer re-sent is forgotten after the TTL. Thread-safe.
 *
 * <p>{@link #resolve} runs once per decoded series, so its answers (hits and misses) are cached by
 * metric name. A {@link #put} that changes what a family says drops the cached answers of the
 * names that family can own; the identical re-put Prometheus makes every minute only extends the
 * family's life and keeps every cached answer.
 */
public final class MetadataStore {
  /** Resolutions per family kept: base name, {@code _bucket}, {@code _sum}, {@code _count}, misses. */
  private static final long RESOLUTIONS_PER_FAMILY = 8;
  private static final long MAX_RESOLUTIONS = 1 << 20;
  /** The cached answer "no family owns this name"; never expires, dropped by a put instead. */
  private static final Entry UNKNOWN = new Entry(null, 0);

  private final Ticker ticker;
  private final long ttlNanos;
  private final Cache<String, Entry> resolutions;
  private final Cache<String, Entry> families;
  /** Bumped whenever some family's answer may change; guards resolve's check-then-cache. */
  private final AtomicLong version = new AtomicLong();

  public MetadataStore(int maxFamilies, Duration ttl) {
    this(maxFamilies, ttl, Ticker.systemTicker());
  }

  MetadataStore(int maxFamilies, Duration ttl, Ticker ticker) {
    if (maxFamilies <= 0 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cannot create metadata store (" + maxFamilies + " families, ttl "
          + ttl + "): both must be positive");
    }
    this.ticker = ticker;
    this.ttlNanos = ttl.toNanos();
    this.resolutions = Caffeine.newBuilder()
        .maximumSize(Math.min(maxFamilies * RESOLUTIONS_PER_FAMILY, MAX_RESOLUTIONS))
        .build();
    this.families = Caffeine.newBuilder()
        .maximumSize(maxFamilies)
        .expireAfterWrite(ttl)
        .ticker(ticker)
        // Run maintenance on the writing thread so an evicted family is forgotten before put returns.
        .executor(Runnable::run)
        .removalListener((String family, Entry e, RemovalCause cause) -> {
          // REPLACED is handled by put, which knows whether the content changed.
          if (family != null && cause != RemovalCause.REPLACED) {
            forget(family);
          }
        })
        .build();
  }

  /** Records what {@code familyName} is; a later put for the same family replaces it. */
  public void put(String familyName, FamilyMetadata metadata) {
    long expiresAt = ticker.read() + ttlNanos;
    boolean[] changed = {false};
    families.asMap().compute(familyName, (name, current) -> {
      if (current != null && current.metadata.equals(metadata)) {
        current.expiresAt = expiresAt;
        return current;
      }
      changed[0] = true;
      return new Entry(metadata, expiresAt);
    });
    if (changed[0]) {
      forget(familyName);
    }
  }

  /**
   * The metadata of the family series {@code metricName} belongs to, or null when none is known:
   * a family of exactly that name (any type), else the family left after stripping the one
   * suffix the name ends with, when that family's type owns the suffix (§3.3.3).
   */
  public FamilyMetadata resolve(String metricName) {
    Entry cached = resolutions.getIfPresent(metricName);
    if (cached == UNKNOWN) {
      return null;
    }
    if (cached != null && ticker.read() - cached.expiresAt < 0) {
      return cached.metadata;
    }
    long seen = version.get();
    Entry found = lookup(metricName);
    resolutions.put(metricName, found == null ? UNKNOWN : found);
    if (version.get() != seen) {
      // A put raced with the lookup: the answer just cached may already be stale.
      resolutions.invalidate(metricName);
    }
    return found == null ? null : found.metadata;
  }

  private Entry lookup(String metricName) {
    Entry exact = families.getIfPresent(metricName);
    if (exact != null) {
      return exact;
    }
    String suffix = MetricFamilies.suffixOf(metricName);
    if (suffix == null || suffix.length() == metricName.length()) {
      return null;
    }
    String family = metricName.substring(0, metricName.length() - suffix.length());
    Entry candidate = families.getIfPresent(family);
    if (candidate != null && MetricFamilies.ownsSuffix(family, candidate.metadata.type(), suffix)) {
      return candidate;
    }
    return null;
  }

  /** Drops the cached answers of every name {@code family} can own (see MetricFamilies). */
  private void forget(String family) {
    version.incrementAndGet();
    resolutions.invalidate(family);
    for (String suffix : MetricFamilies.SUFFIXES) {
      resolutions.invalidate(family + suffix);
    }
  }

  /**
   * A number that changes whenever some answer of {@link #resolve} may have changed (a put with new
   * content, an eviction, an expiry noticed): a caller may keep answers while it stays the same.
   */
  public long version() {
    return version.get();
  }

  /** Families currently known (expired ones are purged first). */
  public long size() {
    families.cleanUp();
    return families.estimatedSize();
  }

  /** For tests: whether an answer for {@code metricName} is cached. */
  boolean hasCachedResolution(String metricName) {
    return resolutions.getIfPresent(metricName) != null;
  }

  /** A family's metadata and when it expires; the same instance survives identical re-puts. */
  private static final class Entry {
    final FamilyMetadata metadata;
    volatile long expiresAt;

    Entry(FamilyMetadata metadata, long expiresAt) {
      this.metadata = metadata;
      this.expiresAt = expiresAt;
    }
  }
}
