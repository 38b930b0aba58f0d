package io.rwgateway.config;

import java.util.Objects;

/**
 * @param maxBytes bound of the memory held for one backend: batches being accumulated and encoded
 *                 requests waiting or in flight (architecture.md "Delivery semantics")
 * @param onFull   what this route does when that bound is reached
 */
public record QueueConfig(long maxBytes, OnFull onFull) {

  public QueueConfig {
    Objects.requireNonNull(onFull, "onFull");
  }

  /** A queue with the default {@code on_full} policy. */
  public QueueConfig(long maxBytes) {
    this(maxBytes, Defaults.QUEUE_ON_FULL);
  }

  public static QueueConfig defaults() {
    return new QueueConfig(Defaults.QUEUE_MAX_BYTES, Defaults.QUEUE_ON_FULL);
  }
}
