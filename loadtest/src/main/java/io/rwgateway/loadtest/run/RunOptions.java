package io.rwgateway.loadtest.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to send, from the {@code run} flags.
 *
 * @param rate        target samples/s (open loop), or 0 for as fast as the target answers (closed loop)
 * @param concurrency sender shards; each sends one request at a time and owns a fixed set of
 *                    series, so every series' samples arrive in order (as Prometheus shards do)
 * @param queueDepth  encoded requests buffered per shard ahead of sending
 * @param generators  threads encoding requests
 * @param gzip        OTLP bodies gzip-compressed ({@code Content-Encoding: gzip}); RW is always snappy
 * @param replayBudgetBytes {@code --replay}: encode one round per shard before the run, within this
 *                    many body bytes in all, and cycle through it; 0 for live generation
 */
public record RunOptions(URI target, Protocol protocol, double rate, int concurrency, Duration duration,
    int queueDepth, int generators, Duration timeout, Map<String, String> headers, Path report, Path html,
    boolean gzip, long replayBudgetBytes) {

  /** Live generation (no replay). */
  public RunOptions(URI target, Protocol protocol, double rate, int concurrency, Duration duration,
      int queueDepth, int generators, Duration timeout, Map<String, String> headers, Path report, Path html,
      boolean gzip) {
    this(target, protocol, rate, concurrency, duration, queueDepth, generators, timeout, headers, report, html, gzip, 0);
  }

  /** What the target is sent. */
  public enum Protocol {
    RW1, RW2, OTLP
  }

  public RunOptions {
    headers = Map.copyOf(headers);
    if (concurrency <= 0) {
      throw new IllegalArgumentException("--concurrency must be > 0");
    }
    if (rate < 0) {
      throw new IllegalArgumentException("--rate must be > 0 (leave it out for max rate)");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--duration must be > 0");
    }
    if (replayBudgetBytes < 0) {
      throw new IllegalArgumentException("--replay-budget must be > 0");
    }
    if (queueDepth <= 0 || generators <= 0) {
      throw new IllegalArgumentException("--queue-depth and --generators must be > 0");
    }
    if (gzip && protocol != Protocol.OTLP) {
      throw new IllegalArgumentException("--gzip applies to --protocol otlp only (Remote Write is always snappy)");
    }
  }

  /** Without gzip (RW, or identity-encoded OTLP). */
  public RunOptions(URI target, Protocol protocol, double rate, int concurrency, Duration duration,
      int queueDepth, int generators, Duration timeout, Map<String, String> headers, Path report, Path html) {
    this(target, protocol, rate, concurrency, duration, queueDepth, generators, timeout, headers, report, html, false);
  }

  public boolean replay() {
    return replayBudgetBytes > 0;
  }

  public boolean openLoop() {
    return rate > 0;
  }
}
