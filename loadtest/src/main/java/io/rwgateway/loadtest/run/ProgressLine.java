package io.rwgateway.loadtest.run;

import java.io.PrintStream;
import java.util.List;

/**
 * The live line, once a second: rates over the last second, errors and p99 so far. Each line also
 * closes a {@link Timeline} interval.
 */
final class ProgressLine {
  private final PrintStream out;
  private final RunStats stats;
  private final RequestSource producer;
  private final Timeline timeline;
  private final long startNanos;
  private long lastNanos;
  private long lastSent;
  private long lastAccepted;
  private long lastRequests;

  ProgressLine(PrintStream out, RunStats stats, RequestSource producer, Timeline timeline, long startNanos) {
    this.out = out;
    this.stats = stats;
    this.producer = producer;
    this.timeline = timeline;
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  void print(List<ShardSender> senders) {
    print(senders, false);
  }

  private void print(List<ShardSender> senders, boolean last) {
    long now = System.nanoTime();
    double dt = Math.max(1e-9, (now - lastNanos) / 1e9);
    int inFlight = 0;
    for (ShardSender s : senders) {
      inFlight += s.inFlight() ? 1 : 0;
    }
    out.printf("[%5.1fs] sent %s/s accepted %s/s req %.0f/s errors %d p99 %.2fms (1s: %.2fms) in-flight %d queued %d starved %dms%n",
        (now - startNanos) / 1e9, si((stats.samplesSent - lastSent) / dt), si((stats.samplesAccepted - lastAccepted) / dt),
        (stats.requests - lastRequests) / dt, stats.failedRequests,
        stats.latency.getValueAtPercentile(99) / 1000.0, stats.intervalLatency.getValueAtPercentile(99) / 1000.0,
        inFlight, producer.queued(), stats.generatorStarved);
    timeline.record(now, stats, last);
    stats.intervalLatency.reset();
    lastNanos = now;
    lastSent = stats.samplesSent;
    lastAccepted = stats.samplesAccepted;
    lastRequests = stats.requests;
  }

  void finish(List<ShardSender> senders) {
    print(senders, true);
  }

  static String si(double v) {
    if (v >= 1e6) {
      return String.format("%.2fM", v / 1e6);
    }
    if (v >= 1e3) {
      return String.format("%.1fk", v / 1e3);
    }
    return String.format("%.0f", v);
  }
}
