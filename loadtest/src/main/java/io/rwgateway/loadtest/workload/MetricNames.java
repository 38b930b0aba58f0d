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
      "net_conntrack", "go_gc", "http_client", "runtime_scheduler", "jvm_memory", "promhttp", "db_pool",
      "kafka_consumer"};
  private static final String[] SUBSYSTEMS = {"requests", "remote_storage", "heap", "queue", "tsdb_head",
      "remote_write", "scrape", "connections", "service_discovery", "handler", "compaction", "wal",
      "rule_evaluation", "notifications", "checkpoint", "exemplar", "sd_file", "treecache", "engine_query",
      "target_sync", "web_federation", "isolation", "mmap_chunk", "symbol_table", "block", "shard",
      "string_interner", "config_reload", "retention", "segment", "dns_lookup", "watcher"};
  private static final String[] COUNTER_NOUNS = {"bytes_received", "samples_appended", "errors", "retries",
      "chunks_created", "dropped_items", "completed_operations", "failed_attempts", "truncations",
      "corruptions", "lookups", "frees", "evictions", "rejected_writes", "out_of_order_samples",
      "exceeded_limits", "reloads", "sent_batches", "tombstone_cleanups", "fsync_calls",
      "expansions", "skipped_records", "warnings", "zero_reference_releases"};
  private static final String[] GAUGE_NOUNS = {"inuse_bytes", "active_series", "pending_items", "open_files",
      "last_success_timestamp_seconds", "capacity", "highest_sent_timestamp_seconds", "utilization_ratio",
      "max_shards", "min_shards", "lowest_timestamp_seconds", "watermark", "concurrent_queries",
      "goroutines", "resident_memory_bytes", "virtual_memory_max_bytes", "enabled", "populating_block",
      "appenders_active", "tailing_readers", "discovered_targets", "next_gc_bytes", "idle_pages",
      "build_info"};
  private static final String[] HISTOGRAM_NOUNS = {"request_duration_seconds", "response_size_bytes",
      "operation_latency_seconds", "batch_size_items", "fsync_duration_seconds", "sync_length_seconds",
      "chunk_range_seconds", "flush_size_bytes"};
  private static final String[] NATIVE_NOUNS = {"handling_duration_seconds", "payload_size_bytes",
      "wait_duration_seconds", "flush_duration_seconds", "decode_duration_seconds", "queue_time_seconds",
      "record_size_bytes", "replay_duration_seconds"};
  private static final String[] SUMMARY_NOUNS = {"gc_seconds", "interval_seconds", "query_seconds",
      "sync_seconds", "eval_seconds", "scan_seconds", "enqueue_seconds", "expansion_seconds"};

  private MetricNames() {}

  /**
   * The family name of family {@code f} of a kind; {@code app} (a job's own prefix, already a
   * valid metric name part) for job-specific families, null for the common ones.
   */
  static String family(SeriesKind kind, int f, String app) {
    String[] nouns = nouns(kind);
    int prefixes = app == null ? COMMON.length : 1;
    long space = (long) prefixes * SUBSYSTEMS.length * nouns.length;
    long round = f / space;
    // A bijection of the block (a multiplier coprime with its size), so that neighbouring families
    // differ in every word, as real ones do, and distinct indexes still get distinct names.
    long q = Math.floorMod((f % space) * multiplier(space) + 7, space);
    String prefix = app == null ? COMMON[(int) (q % prefixes)] : app;
    q /= prefixes;
    String sub = SUBSYSTEMS[(int) (q % SUBSYSTEMS.length)];
    q /= SUBSYSTEMS.length;
    String noun = nouns[(int) (q % nouns.length)];
    return prefix + "_" + sub + "_" + noun + (round == 0 ? "" : "_" + round);
  }

  private static final String[][] OPENERS = {
      {"Total number of", "Number of", "Cumulative count of", "Total", "Count of"},
      {"Current number of", "Number of", "The number of", "Current", "Size of", "Amount of"},
      {"Histogram of", "Distribution of", "Latency of", "Duration of", "Size of"},
      {"Histogram of", "Distribution of", "Latency of", "Duration of", "Size of"},
      {"Summary of", "Quantiles of", "Duration of", "Observed"}};
  private static final String[] CLAUSES = {"handled by this instance", "sent to remote storage",
      "currently held in memory", "waiting in the queue", "that failed and were retried",
      "read from the write-ahead log", "rejected because of limits", "served over HTTP",
      "received from scrape targets", "created by the head block", "evicted from the cache",
      "processed by the rule manager", "returned to the operating system", "seen by service discovery",
      "dropped after relabelling", "written to disk", "scheduled for compaction", "found in the index",
      "truncated at the checkpoint", "queued for the alertmanager", "replayed at startup", "resolved via DNS",
      "refused by the upstream", "seen out of order", "kept in the page cache", "spent in the garbage collector",
      "forwarded to the federation endpoint", "loaded from the config file", "lost to a crash",
      "merged into a block", "opened by the listener", "held by the isolation watermark"};
  private static final String[] QUALIFIERS = {"", "", "", "", "", "", "ever ", "now ", "per tenant ",
      "per shard ", "in total ", "once "};
  private static final String[] ENDINGS = {".", ".", ".", ".", " (deprecated).", "; reset on restart.",
      ", in seconds.", ", in bytes."};

  /**
   * A HELP text of about 60 characters (the captured traffic's mean): an opener, the name's
   * words, a clause and an ending chosen by the name's hash, so texts vary the way real ones do
   * (a templated sentence compresses far better than real HELP).
   */
  static String help(SeriesKind kind, String family) {
    int h = family.hashCode() * 0x9E3779B1;
    String[] openers = OPENERS[kind.ordinal()];
    String words = family.substring(family.indexOf('_', family.indexOf('_') + 1) + 1).replace('_', ' ');
    return openers[Math.floorMod(h, openers.length)] + " " + words + " "
        + QUALIFIERS[Math.floorMod(h >>> 4, QUALIFIERS.length)]
        + CLAUSES[Math.floorMod(h >>> 10, CLAUSES.length)] + ENDINGS[Math.floorMod(h >>> 18, ENDINGS.length)];
  }

  /** A multiplier coprime with {@code n}. */
  private static long multiplier(long n) {
    long m = 7_919;
    while (gcd(m, n) != 1) {
      m += 2;
    }
    return m;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
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
