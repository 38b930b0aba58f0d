package io.rwgateway.gateway.egress;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One log line per drop event, but at most one per reason per interval for a backend: a dead
 * backend with {@code on_full: drop_oldest} drops continuously, and its log must stay readable.
 * What was not logged is summed into the next line. Thread-safe.
 */
final class DropLog {
  private static final Logger LOG = Logger.getLogger(DropLog.class.getName());
  static final long INTERVAL_NANOS = 10_000_000_000L;

  private final String backend;
  private final Map<String, Pending> byReason = new HashMap<>();

  private static final class Pending {
    long lastLogNanos = Long.MIN_VALUE;
    long requests;
    long items;
  }

  DropLog(String backend) {
    this.backend = backend;
  }

  synchronized void dropped(String reason, String tenant, Counts counts, String detail) {
    Pending p = byReason.computeIfAbsent(reason, r -> new Pending());
    p.requests++;
    p.items += counts.items();
    long now = System.nanoTime();
    if (p.lastLogNanos != Long.MIN_VALUE && now - p.lastLogNanos < INTERVAL_NANOS) {
      return;
    }
    String more = p.requests > 1 ? " (" + p.requests + " requests, " + p.items + " items in all since the last line)" : "";
    LOG.warning("backend " + backend + (tenant == null ? "" : " tenant " + tenant) + ": dropped request ("
        + counts.samples() + " samples, " + counts.histograms() + " histograms, " + counts.exemplars()
        + " exemplars), reason " + reason + ": " + detail + more);
    p.lastLogNanos = now;
    p.requests = 0;
    p.items = 0;
  }
}
