package io.rwgateway.translators.relabel;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The bounded cache of relabel outcomes per label set: a concurrent hash map for lookups and a
 * CLOCK ring of at most {@code maxEntries} slots for eviction. A hit is a map lookup plus one
 * plain write (the entry's reference bit); a miss takes a lock, moves the clock hand past entries
 * used since its last pass (clearing their bit) and replaces the first one that was not. The
 * gateway's workload is the same series again and again: while they fit, every lookup hits and
 * nothing is evicted. Caffeine (W-TinyLFU) gave the same hits but its read bookkeeping (read
 * buffer, frequency sketch, access-order deque) took about a fifth of the gateway's CPU at one
 * core (docs/benchmarks.md, "Gateway vs vmagent"); a two-generation map was cheaper per hit but
 * lost every hit when the series just filled the cache. Thread-safe: a lost race on the
 * reference bit only changes which entry is evicted.
 */
final class OutcomeCache {
  private final ConcurrentHashMap<LabelSetKey, Entry> map;
  private final Entry[] ring;
  private int hand;

  private static final class Entry {
    final LabelSetKey key;
    final RelabelOutcome outcome;
    /** Set on every hit, cleared by the clock hand; a plain field: an approximate bit is enough. */
    boolean referenced;

    Entry(LabelSetKey key, RelabelOutcome outcome) {
      this.key = key;
      this.outcome = outcome;
    }
  }

  OutcomeCache(long maxEntries) {
    if (maxEntries < 0 || maxEntries > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "cannot size relabel cache (" + maxEntries + " entries): must be 0.." + (Integer.MAX_VALUE - 8));
    }
    this.ring = new Entry[(int) maxEntries];
    this.map = new ConcurrentHashMap<>((int) Math.min(maxEntries, 1 << 16));
  }

  /** The cached outcome, or null. */
  RelabelOutcome get(LabelSetKey key) {
    Entry e = map.get(key);
    if (e == null) {
      return null;
    }
    if (!e.referenced) {
      e.referenced = true;
    }
    return e.outcome;
  }

  synchronized void put(LabelSetKey key, RelabelOutcome outcome) {
    if (ring.length == 0 || map.containsKey(key)) {
      return;
    }
    // At most two turns: the first clears every bit it passes, so the second finds a victim.
    for (int steps = 0; steps < 2 * ring.length; steps++) {
      Entry old = ring[hand];
      if (old == null || !old.referenced) {
        if (old != null) {
          map.remove(old.key);
        }
        Entry e = new Entry(key, outcome);
        ring[hand] = e;
        map.put(key, e);
        hand = hand + 1 == ring.length ? 0 : hand + 1;
        return;
      }
      old.referenced = false;
      hand = hand + 1 == ring.length ? 0 : hand + 1;
    }
  }

  long size() {
    return map.size();
  }

  synchronized void clear() {
    map.clear();
    java.util.Arrays.fill(ring, null);
    hand = 0;
  }
}
