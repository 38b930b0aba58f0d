package io.rwgateway.gateway.egress;

import io.rwgateway.config.RetryConfig;
import java.util.function.LongUnaryOperator;

/**
 * Capped exponential backoff with jitter, as Prometheus' queue manager (min_backoff 30 ms doubling
 * up to max_backoff 5 s, remote-write.md §1.8); a positive {@code Retry-After} replaces the
 * computed delay for that attempt. Retries are unbounded in count: the bounded queue and its
 * {@code on_full} policy are what limit them (architecture.md).
 */
public final class RetryPolicy {
  private final long minMs;
  private final long maxMs;
  /** Picks a value in [0, bound]; random in production, fixed in tests. */
  private final LongUnaryOperator jitter;

  public RetryPolicy(RetryConfig config) {
    this(config, bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
  }

  RetryPolicy(RetryConfig config, LongUnaryOperator jitter) {
    this.minMs = Math.max(1, config.minBackoff().toMillis());
    this.maxMs = Math.max(minMs, config.maxBackoff().toMillis());
    this.jitter = jitter;
  }

  /**
   * Delay before retry number {@code attempt} (1 for the first retry): the capped exponential
   * value d with "equal jitter", in [d/2, d], so retries of many shards do not line up.
   */
  public long backoffMillis(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long d = Math.min(maxMs, minMs << shift);
    if (d <= 1) {
      return d;
    }
    return d / 2 + jitter.applyAsLong(d / 2);
  }

  /** The delay before retry {@code attempt}, the backend's {@code Retry-After} when it gave one. */
  public long delayMillis(int attempt, long retryAfterMillis) {
    return retryAfterMillis > 0 ? retryAfterMillis : backoffMillis(attempt);
  }
}
