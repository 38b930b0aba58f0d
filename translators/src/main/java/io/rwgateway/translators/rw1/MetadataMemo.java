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
 * Cleared per request: each request sees the store as it is when the request is decoded, and refs
 * belong to one request's symbol table. Not thread-safe.
 */
final class MetadataMemo {
  private static final int SIZE = 256;

  private final MetadataStore store;
  private final Joined[] table = new Joined[SIZE];

  MetadataMemo(MetadataStore store) {
    this.store = store;
    for (int i = 0; i < SIZE; i++) {
      table[i] = new Joined();
    }
  }

  void clear() {
    for (Joined j : table) {
      j.metricName = null;
    }
  }

  /**
   * The metadata of {@code metricName}'s family with its help and unit interned into
   * {@code symbols}, valid until the next call.
   */
  Joined join(String metricName, SymbolTableBuilder symbols) {
    int h = metricName.hashCode();
    Joined j = table[(h ^ (h >>> 8)) & (SIZE - 1)];
    if (j.metricName != metricName) {
      FamilyMetadata m = store.resolve(metricName);
      j.metricName = metricName;
      j.type = m == null ? MetricType.UNSPECIFIED : m.type();
      j.helpRef = m == null ? 0 : symbols.intern(m.help());
      j.unitRef = m == null ? 0 : symbols.intern(m.unit());
    }
    return j;
  }

  /** A series' type and metadata refs (all unset when the store knows nothing). */
  static final class Joined {
    private String metricName;
    MetricType type = MetricType.UNSPECIFIED;
    int helpRef;
    int unitRef;
  }
}
