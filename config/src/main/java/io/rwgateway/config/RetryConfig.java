package io.rwgateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff for retryable failures (network errors, 5xx, and 429 when enabled;
 * remote-write.md §1 "Prometheus as a sender").
 *
 * @param minBackoff first wait, never more than {@code maxBackoff}
 * @param maxBackoff cap of the wait
 * @param retryOn429 retry 429 answers (true) or drop and count them (false)
 */
public record RetryConfig(Duration minBackoff, Duration maxBackoff, boolean retryOn429) {

  public RetryConfig {
    Objects.requireNonNull(minBackoff, "minBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  public static RetryConfig defaults() {
    return new RetryConfig(Defaults.MIN_BACKOFF, Defaults.MAX_BACKOFF, Defaults.RETRY_ON_429);
  }
}
