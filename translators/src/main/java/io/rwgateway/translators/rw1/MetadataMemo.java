package io.rwgateway.translators.rw1;

import io.rwgateway.translators.metadata.FamilyMetadata;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.SymbolTableBuilder;

/**
 * The metadata join of one request, remembered by metric name (remote-write.md §3.3.3): a request
 * carries many series per family (every bucket of a histogram, every pod of a metric), and the
 * {@link MetadataStore} answers through a concurrent cache and a clock read. Names are the
 * interner's shared strings, so a direct-mapped table compared by identity finds them again; a
 * colliding name just asks the store again. Each answer keeps the batch refs of its help and unit.
 * Answers are kept across requests while the store's {@link MetadataStore#version()} is unchanged
 * (Prometheus re-sends identical metadata every minute, which does not change it) and for at most
 * {@link #MAX_AGE_NANOS}, so an expiry inside the store is seen within that time. Help and unit
 * refs belong to one request's symbol table, so they are interned again once per request.
 * Not thread-safe.
 */
final class MetadataMemo {
  private static final int SIZE = 1024;
  static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final MetadataStore store;
  private final Joined[] table = new Joined[SIZE];
  private long storeVersion = -1;
  private long filledAtNanos;
  private int request;

  MetadataMemo(MetadataStore store) {
    this.store = store;
    for (int i = 0; i < SIZE; i++) {
      table[i] = new Joined();
    }
  }

  /** Called at the start of each request: forgets answers the store may have changed since. */
  void startRequest() {
    request++;
    long version = store.version();
    long now = System.nanoTime();
    if (version != storeVersion || now - filledAtNanos > MAX_AGE_NANOS) {
      for (Joined j : table) {
        j.metricName = null;
        j.metadata = null;
      }
      storeVersion = version;
      filledAtNanos = now;
    }
  }

  /** Forgets everything (the store was just written by this decoder). */
  void invalidate() {
    storeVersion = -1;
  }

  /**
   * The metadata of {@code metricName}'s family with its help and unit interned into
   * {@code symbols}, valid until the next call.
   */
  Joined join(String metricName, SymbolTableBuilder symbols) {
    int h = metricName.hashCode();
    Joined j = table[(h ^ (h >>> 8)) & (SIZE - 1)];
    if (j.metricName != metricName) {
      j.metricName = metricName;
      j.metadata = store.resolve(metricName);
      j.type = j.metadata == null ? MetricType.UNSPECIFIED : j.metadata.type();
      j.request = request - 1;
    }
    if (j.request != request) {
      j.request = request;
      j.helpRef = j.metadata == null ? 0 : symbols.intern(j.metadata.help());
      j.unitRef = j.metadata == null ? 0 : symbols.intern(j.metadata.unit());
    }
    return j;
  }

  /** A series' type and metadata refs (all unset when the store knows nothing). */
  static final class Joined {
    private String metricName;
    private FamilyMetadata metadata;
    private int request;
    MetricType type = MetricType.UNSPECIFIED;
    int helpRef;
    int unitRef;
  }
}
