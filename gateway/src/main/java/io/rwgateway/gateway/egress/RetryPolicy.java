package io.rwgateway.gateway.egress;

import io.rwgateway.config.RetryConfig;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter, as Prometheus' queue manager (min_backoff 30 ms doubling
 * up to max_backoff 5 s, remote-write.md §1.8), and {@code Retry-After} honoured when present: a
 * positive value, in seconds or as an HTTP-date, replaces the computed delay for that attempt.
 * Retries are unbounded in count; the bounded queue is what limits them (architecture.md).
 */
public final class RetryPolicy {
  /** A Retry-After above this is clamped: a misbehaving backend must not park a shard for days. */
  static final long MAX_RETRY_AFTER_MS = Duration.ofMinutes(10).toMillis();

  private final long minMs;
  private final long maxMs;

  public RetryPolicy(RetryConfig config) {
    this.minMs = Math.max(1, config.minBackoff().toMillis());
    this.maxMs = Math.max(minMs, config.maxBackoff().toMillis());
  }

  /**
   * Delay before retry number {@code attempt} (1 for the first retry): the capped exponential
   * value with "equal jitter", in [d/2, d], so retries of many shards do not line up.
   */
  public long backoffMillis(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long d = Math.min(maxMs, minMs << shift);
    if (d <= 1) {
      return d;
    }
    return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
  }

  /** The delay for this attempt, honouring {@code retryAfter} when it parses to a positive value. */
  public long delayMillis(int attempt, String retryAfter, long nowMillis) {
    long fromHeader = parseRetryAfter(retryAfter, nowMillis);
    return fromHeader > 0 ? fromHeader : backoffMillis(attempt);
  }

  /** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date; -1 when absent or invalid. */
  static long parseRetryAfter(String value, long nowMillis) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : -1;
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        long delta = at - nowMillis;
        return delta > 0 ? Math.min(delta, MAX_RETRY_AFTER_MS) : -1;
      } catch (DateTimeParseException notADate) {
        return -1;
      }
    }
  }
}
