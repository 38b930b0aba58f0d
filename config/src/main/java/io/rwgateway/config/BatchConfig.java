package io.rwgateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a backend's batch accumulator flushes: as soon as any one limit is reached.
 *
 * @param maxSamples samples (floats, histograms) in one request
 * @param maxBytes   bytes in one request
 * @param maxDelay   age of the oldest data waiting in the batch
 */
public record BatchConfig(int maxSamples, long maxBytes, Duration maxDelay) {

  public BatchConfig {
    Objects.requireNonNull(maxDelay, "maxDelay");
  }

  public static BatchConfig defaults() {
    return new BatchConfig(Defaults.BATCH_MAX_SAMPLES, Defaults.BATCH_MAX_BYTES, Defaults.BATCH_MAX_DELAY);
  }
}
