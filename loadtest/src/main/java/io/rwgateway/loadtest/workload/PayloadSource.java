package io.rwgateway.loadtest.workload;

/**
 * One shard's stream of encoded requests (RW or OTLP), polled by a generator thread.
 * Not thread-safe: one thread owns it.
 */
public interface PayloadSource {
  /** The next request; null when the shard has no series. */
  Payload next();

  /** The shard's series (churn counts come from it). */
  SeriesSet seriesSet();
}
