package io.rwgateway.loadtest.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The run second by second: what was sent, accepted and failed in each interval and the latency
 * percentiles of the answers that came in it. Sampled on the sender event loop by the progress
 * timer (once a second) and once more after the last answer, so the entries' counts add up
 * exactly to the report's totals. A last interval shorter than {@link #MIN_LAST_NANOS} is merged
 * into the one before, so a rate chart has no spike from a few answers in a few milliseconds.
 */
final class Timeline {
  static final long MIN_LAST_NANOS = 250_000_000L;

  /** One interval; counts are deltas over it, latencies in ms of the answers received in it (NaN: none). */
  record Entry(double endSeconds, double intervalSeconds, long samplesSent, long samplesAccepted,
      long requests, long errors, long bytesSent, double p50Ms, double p99Ms, double maxMs) {

    double perSecond(long count) {
      return intervalSeconds <= 0 ? 0 : count / intervalSeconds;
    }
  }

  private final long startNanos;
  private final List<Entry> entries = new ArrayList<>();
  private Histogram lastLatency;
  private long lastNanos;
  private long lastSent;
  private long lastAccepted;
  private long lastRequests;
  private long lastErrors;
  private long lastBytes;

  Timeline(long startNanos) {
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  /**
   * Closes the interval ending at {@code now}; call before {@code stats.intervalLatency} is reset.
   *
   * @param last the run is over: a very short final interval joins the previous one
   */
  void record(long now, RunStats stats, boolean last) {
    Histogram latency = stats.intervalLatency.copy();
    long sent = stats.samplesSent - lastSent;
    long accepted = stats.samplesAccepted - lastAccepted;
    long requests = stats.requests - lastRequests;
    long errors = stats.failedRequests - lastErrors;
    long bytes = stats.bytesSent - lastBytes;
    long from = lastNanos;
    if (last && now - lastNanos < MIN_LAST_NANOS && !entries.isEmpty()) {
      Entry prev = entries.remove(entries.size() - 1);
      latency.add(lastLatency);
      from = lastNanos - (long) (prev.intervalSeconds() * 1e9);
      sent += prev.samplesSent();
      accepted += prev.samplesAccepted();
      requests += prev.requests();
      errors += prev.errors();
      bytes += prev.bytesSent();
    }
    entries.add(new Entry((now - startNanos) / 1e9, (now - from) / 1e9, sent, accepted, requests, errors, bytes,
        ms(latency, 50), ms(latency, 99), latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0));
    lastLatency = latency;
    lastNanos = now;
    lastSent = stats.samplesSent;
    lastAccepted = stats.samplesAccepted;
    lastRequests = stats.requests;
    lastErrors = stats.failedRequests;
    lastBytes = stats.bytesSent;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The entries for the JSON report ({@code timeline}). */
  List<Map<String, Object>> json() {
    List<Map<String, Object>> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t_s", e.endSeconds());
      m.put("interval_s", e.intervalSeconds());
      m.put("samples_sent", e.samplesSent());
      m.put("samples_accepted", e.samplesAccepted());
      m.put("requests", e.requests());
      m.put("errors", e.errors());
      m.put("bytes_sent", e.bytesSent());
      // NaN (no answer in the interval) is written as null.
      m.put("latency_p50_ms", e.p50Ms());
      m.put("latency_p99_ms", e.p99Ms());
      m.put("latency_max_ms", e.maxMs());
      out.add(m);
    }
    return out;
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }
}
