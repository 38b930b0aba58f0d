package io.rwgateway.config;

import java.time.Duration;

/**
 * Every default value of the configuration, in one place. The records' {@code defaults()} and the
 * mappers (for absent keys) both read from here, so a default changes in exactly one line.
 */
final class Defaults {
  static final String LISTEN_HOST = "0.0.0.0";
  static final int LISTEN_PORT = 9201;
  static final Duration STATS_LOG_INTERVAL = Duration.ofSeconds(10);

  // ingest: body and label limits as Prometheus' handler and Mimir's defaults (see DecodeLimits).
  static final long MAX_BODY_BYTES = 10L << 20;
  static final int MAX_DECODED_BYTES = 32 << 20;
  static final int MAX_LABELS_PER_SERIES = 30;
  static final int MAX_LABEL_NAME_LENGTH = 1024;
  static final int MAX_LABEL_VALUE_LENGTH = 2048;
  /**
   * Refusals under backpressure: every RW and OTLP sender retries 5xx, while Prometheus 2.x drops
   * 429s unless {@code retry_on_http_429} is set (remote-write.md §1.8).
   */
  static final int BACKPRESSURE_STATUS = 503;
  static final int METADATA_MAX_FAMILIES = 100_000;
  static final Duration METADATA_TTL = Duration.ofHours(1);

  // otlp: the translation defaults are OtlpOptions' (Prometheus' otlp: block, deltas dropped).
  /** The OTLP/gRPC default port (OTLP specification, "OTLP/gRPC Default Port"). */
  static final String OTLP_GRPC_HOST = "0.0.0.0";
  static final int OTLP_GRPC_PORT = 4317;

  // relabeling: results cached per rule, per tuple of the values it reads (RelabelCacheConfig)
  static final long RELABEL_CACHE_MAX_ENTRIES = 100_000;

  // backends
  static final Protocol PROTOCOL = Protocol.RW2;
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * One shard: every shard's requests repeat the HELP text and common labels of what they carry,
   * and at low volume two shards sent more RW 2.0 bytes than the RW 1.0 input (docs/benchmarks.md,
   * "Egress bytes"). Raise it for high-latency backends.
   */
  static final int CONCURRENCY = 1;
  static final long QUEUE_MAX_BYTES = 64L << 20;
  /** A full queue sheds this backend's oldest data rather than refusing data for every backend. */
  static final OnFull QUEUE_ON_FULL = OnFull.DROP_OLDEST;
  static final int BATCH_MAX_SAMPLES = 10_000;
  static final long BATCH_MAX_BYTES = 4L << 20;
  /** Prometheus' own batch_send_deadline; long enough to merge a few scrapes of a series. */
  static final Duration BATCH_MAX_DELAY = Duration.ofSeconds(5);
  static final Duration MIN_BACKOFF = Duration.ofMillis(30);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  static final boolean RETRY_ON_429 = true;
  /** Mimir's, Cortex's and Loki's tenant header. */
  static final String TENANT_HEADER = "X-Scope-OrgID";
  static final boolean TENANT_DROP_LABEL = false;

  private Defaults() {
  }
}
