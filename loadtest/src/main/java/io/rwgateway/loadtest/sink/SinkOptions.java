package io.rwgateway.loadtest.sink;

import io.rwgateway.translators.codec.DecodeLimits;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * How the sink behaves.
 *
 * @param latency     added before every write answer
 * @param errorRate   share (0..1) of write requests answered {@code errorStatus} instead of 204
 * @param errorStatus status of injected errors
 * @param countOnly   count by walking protobuf tags instead of decoding ({@code --count-only})
 */
public record SinkOptions(String host, int port, Duration latency, double errorRate, int errorStatus,
    DecodeLimits limits, boolean countOnly) {

  /** A sink that fully decodes what it counts. */
  public SinkOptions(String host, int port, Duration latency, double errorRate, int errorStatus, DecodeLimits limits) {
    this(host, port, latency, errorRate, errorStatus, limits, false);
  }

  public SinkOptions {
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("--error-rate must be in 0..1");
    }
    if (errorStatus < 400 || errorStatus > 599) {
      throw new IllegalArgumentException("--error-status must be a 4xx or 5xx status");
    }
  }

  /** Runs {@code answer} after the injected {@link #latency} (at once without one). */
  void afterLatency(Vertx vertx, Runnable answer) {
    long ms = latency.toMillis();
    if (ms <= 0) {
      answer.run();
    } else {
      vertx.setTimer(ms, id -> answer.run());
    }
  }
}
