package io.rwgateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The state of {@code otlp.delta: to_cumulative}: one running total per series, bounded in count
 * and forgotten after a time without points (the Collector's deltatocumulative {@code max_streams}
 * and {@code max_stale}). A series evicted or expired starts a new cumulative run at its next point.
 *
 * @param maxSeries series tracked at once; the least recently used go first
 * @param expiry    a series without a point for this long is forgotten
 */
public record DeltaCacheConfig(long maxSeries, Duration expiry) {
  public DeltaCacheConfig {
    if (maxSeries < 1) {
      throw new IllegalArgumentException("maxSeries must be at least 1");
    }
    Objects.requireNonNull(expiry, "expiry");
  }

  public static DeltaCacheConfig defaults() {
    return new DeltaCacheConfig(Defaults.DELTA_CACHE_MAX_SERIES, Defaults.DELTA_CACHE_EXPIRY);
  }
}
