package io.rwgateway.loadtest.workload;

/**
 * Metric family names and HELP texts shaped like what exporters expose ({@code
 * prometheus_tsdb_head_chunks_created_total}, {@code go_memstats_heap_idle_bytes}, about 40
 * characters, HELP about 60), built from word lists so that a family index maps to one name and
 * distinct indexes to distinct names (mixed radix over the lists, then a number once they run out).
 * Each kind has its own nouns, so names of different kinds never collide.
 */
final class MetricNames {
  /** Prefixes of families every Go/JVM service exposes (shared by all jobs). */
  private static final String[] COMMON = {"go_memstats", "process", "http_server", "grpc_server",
      "net_conntrack", "go_gc", "http_client", "runtime_scheduler"};
  private static final String[] SUBSYSTEMS = {"requests", "storage", "heap", "queue", "tsdb_head",
      "remote_write", "scrape", "connections", "cache", "handler", "compaction", "wal"};
  private static final String[] COUNTER_NOUNS = {"bytes_received", "samples_appended", "errors", "retries",
      "chunks_created", "dropped_items", "completed_operations", "failed_attempts"};
  private static final String[] GAUGE_NOUNS = {"inuse_bytes", "active_series", "pending_items", "open_files",
      "last_success_timestamp_seconds", "capacity", "highest_sent_timestamp_seconds", "utilization_ratio"};
  private static final String[] HISTOGRAM_NOUNS = {"request_duration_seconds", "response_size_bytes",
      "operation_latency_seconds", "batch_size_items"};
  private static final String[] NATIVE_NOUNS = {"handling_duration_seconds", "payload_size_bytes",
      "wait_duration_seconds", "flush_duration_seconds"};
  private static final String[] SUMMARY_NOUNS = {"gc_duration_seconds", "interval_length_seconds",
      "query_duration_seconds", "sync_duration_seconds"};

  private MetricNames() {}

  /**
   * The family name of family {@code f} of a kind; {@code app} (a job's own prefix, already a
   * valid metric name part) for job-specific families, null for the common ones.
   */
  static String family(SeriesKind kind, int f, String app) {
    String[] nouns = nouns(kind);
    int q = f;
    String prefix;
    if (app == null) {
      prefix = COMMON[q % COMMON.length];
      q /= COMMON.length;
    } else {
      prefix = app;
    }
    String sub = SUBSYSTEMS[q % SUBSYSTEMS.length];
    q /= SUBSYSTEMS.length;
    String noun = nouns[q % nouns.length];
    q /= nouns.length;
    return prefix + "_" + sub + "_" + noun + (q == 0 ? "" : "_" + q);
  }

  /** A HELP text of about 60 characters, a function of the name. */
  static String help(SeriesKind kind, String family) {
    String words = family.replace('_', ' ');
    return switch (kind) {
      case COUNTER -> "Total number of " + words + " since the process started.";
      case GAUGE -> "Current value of " + words + ", as last observed.";
      case HISTOGRAM, NATIVE -> "Distribution of " + words + " observed per request.";
      case SUMMARY -> "Summary of " + words + " over the last ten minutes.";
    };
  }

  private static String[] nouns(SeriesKind kind) {
    return switch (kind) {
      case COUNTER -> COUNTER_NOUNS;
      case GAUGE -> GAUGE_NOUNS;
      case HISTOGRAM -> HISTOGRAM_NOUNS;
      case NATIVE -> NATIVE_NOUNS;
      case SUMMARY -> SUMMARY_NOUNS;
    };
  }
}
