package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.Payload;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the senders did. Only touched on the sender event loop (progress runs there too), so
 * plain fields. Latencies in microseconds, HdrHistogram with 3 significant digits up to 1 h.
 */
final class RunStats {
  static final long MAX_LATENCY_US = 3_600_000_000L;

  long requests;
  long failedRequests;
  long metadataRequests;
  long samplesSent;
  long floatSamplesSent;
  long histogramsSent;
  long exemplarsSent;
  long samplesAccepted;
  long bytesSent;
  long uncompressedBytesSent;
  long writtenShortfalls;
  /** Shard-milliseconds a sender found its queue empty (polled again after 1 ms): generator-bound. */
  long generatorStarved;
  final Map<String, Long> statusCodes = new TreeMap<>();
  final Histogram latency = new Histogram(MAX_LATENCY_US, 3);
  final Histogram correctedLatency = new Histogram(MAX_LATENCY_US, 3);
  final Histogram intervalLatency = new Histogram(MAX_LATENCY_US, 3);

  void sent(Payload p) {
    requests++;
    if (p.metadata() > 0) {
      metadataRequests++;
    }
    samplesSent += p.points();
    floatSamplesSent += p.samples();
    histogramsSent += p.histograms();
    exemplarsSent += p.exemplars();
    bytesSent += p.body().length;
    uncompressedBytesSent += p.uncompressedBytes();
  }

  /**
   * One answer.
   *
   * @param accepted samples the target took: all of them on 2xx, or what the RW 2.0 Written
   *                 headers say when present (remote-write.md §5 "Sender")
   */
  void answered(String status, long accepted, long serviceNanos, long correctedNanos) {
    statusCodes.merge(status, 1L, Long::sum);
    if (accepted < 0) {
      failedRequests++;
    } else {
      samplesAccepted += accepted;
    }
    long us = Math.min(MAX_LATENCY_US, Math.max(1, serviceNanos / 1000));
    latency.recordValue(us);
    intervalLatency.recordValue(us);
    if (correctedNanos > 0) {
      correctedLatency.recordValue(Math.min(MAX_LATENCY_US, Math.max(1, correctedNanos / 1000)));
    }
  }
}
