package io.rwgateway.config;

/**
 * @param maxBytes bound of the encoded bytes queued for one backend; when full, ingest answers 429
 *                 (architecture.md "Delivery semantics")
 */
public record QueueConfig(long maxBytes) {

  public static QueueConfig defaults() {
    return new QueueConfig(Defaults.QUEUE_MAX_BYTES);
  }
}
