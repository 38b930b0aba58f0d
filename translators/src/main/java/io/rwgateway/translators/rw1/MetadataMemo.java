package io.rwgateway.translators.rw1;

import io.rwgateway.translators.metadata.FamilyMetadata;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.SymbolGeneration;
import io.rwgateway.translators.model.SymbolTableBuilder;

/**
 * The metadata join of one request, remembered by metric name (remote-write.md §3.3.3): a request
 * carries many series per family (every bucket of a histogram, every pod of a metric), and the
 * {@link MetadataStore} answers through a concurrent cache and a clock read. Names are ids of the
 * request's dictionary generation, so a direct-mapped table compares ints; a colliding name just
 * asks the store again. Answers are kept across requests while the store's
 * {@link MetadataStore#version()} and the generation are unchanged (Prometheus re-sends identical
 * metadata every minute, which does not change it) and for at most {@link #MAX_AGE_NANOS}, so an
 * expiry inside the store is seen within that time. Each answer keeps the dictionary ids of its
 * help and unit, so a request maps them to its own refs with an int lookup, without a string.
 * Not thread-safe.
 */
final class MetadataMemo {
  /** Slots: more than the metric names of several thousand families, so names of a steady stream rarely collide. */
  private static final int SIZE = 1 << 15;
  static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final MetadataStore store;
  private final Joined[] table = new Joined[SIZE];
  private long storeVersion = -1;
  private SymbolGeneration generation;
  private long filledAtNanos;
  private int request;

  MetadataMemo(MetadataStore store) {
    this.store = store;
    for (int i = 0; i < SIZE; i++) {
      table[i] = new Joined();
    }
  }

  /** Called at the start of each request: forgets answers the store may have changed since. */
  void startRequest(SymbolGeneration requestGeneration) {
    request++;
    long version = store.version();
    long now = System.nanoTime();
    if (version != storeVersion || requestGeneration != generation || now - filledAtNanos > MAX_AGE_NANOS) {
      for (Joined j : table) {
        j.metricName = -1;
        j.metadata = null;
      }
      storeVersion = version;
      generation = requestGeneration;
      filledAtNanos = now;
    }
  }

  /** Forgets everything (the store was just written by this decoder). */
  void invalidate() {
    storeVersion = -1;
  }

  /**
   * The metadata of the family of the metric name with id {@code metricName} (in the request's
   * generation), with its help and unit interned into {@code symbols}, valid until the next call.
   */
  Joined join(int metricName, SymbolTableBuilder symbols) {
    int h = metricName * 0x9E3779B9;
    Joined j = table[(h ^ (h >>> 16)) & (SIZE - 1)];
    if (j.metricName != metricName) {
      j.metricName = metricName;
      j.metadata = store.resolve(generation.string(metricName));
      j.type = j.metadata == null ? MetricType.UNSPECIFIED : j.metadata.type();
      j.request = request - 1;
      j.helpId = -1;
    }
    if (j.request != request) {
      j.request = request;
      if (j.metadata == null) {
        j.helpRef = 0;
        j.unitRef = 0;
      } else if (j.helpId < 0) {
        j.helpRef = symbols.intern(j.metadata.help());
        j.unitRef = symbols.intern(j.metadata.unit());
        j.helpId = symbols.id(j.helpRef);
        j.unitId = symbols.id(j.unitRef);
      } else {
        j.helpRef = symbols.internId(j.helpId);
        j.unitRef = symbols.internId(j.unitId);
      }
    }
    return j;
  }

  /** A series' type and metadata refs (all unset when the store knows nothing). */
  static final class Joined {
    private int metricName = -1;
    private FamilyMetadata metadata;
    private int request;
    private int helpId = -1;
    private int unitId;
    MetricType type = MetricType.UNSPECIFIED;
    int helpRef;
    int unitRef;
  }
}
