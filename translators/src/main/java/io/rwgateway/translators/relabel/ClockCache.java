package io.rwgateway.translators.relabel;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded cache: a concurrent hash map for lookups and a CLOCK ring of at most
 * {@code maxEntries} slots for eviction. A hit is a map lookup plus one plain write (the entry's
 * reference bit); a miss takes a lock, moves the clock hand past entries used since its last pass
 * (clearing their bit) and replaces the first one that was not. The ring grows (doubling) up to
 * its bound as entries arrive, so a rule that only ever sees a few distinct values holds a few
 * slots, not {@code maxEntries}. Caffeine (W-TinyLFU) gave the same hits but its read bookkeeping
 * (read buffer, frequency sketch, access-order deque) took about a fifth of the gateway's CPU at
 * one core (docs/benchmarks.md, "Gateway vs vmagent"). Thread-safe: a lost race on the reference
 * bit only changes which entry is evicted.
 *
 * @param <K> the key: equal by content (a relabel rule caches by the values it read,
 *     {@link RelabelPlan})
 * @param <V> the cached result, immutable
 */
final class ClockCache<K, V> {
  private static final int FIRST_RING = 64;

  private final ConcurrentHashMap<K, Entry<K, V>> map;
  private final int maxEntries;
  private Entry<K, V>[] ring;
  /** Slots of {@link #ring} in use; equal to its length once full. */
  private int used;
  private int hand;

  private static final class Entry<K, V> {
    final K key;
    final V value;
    /** Set on every hit, cleared by the clock hand; a plain field: an approximate bit is enough. */
    boolean referenced;

    Entry(K key, V value) {
      this.key = key;
      this.value = value;
    }
  }

  ClockCache(long maxEntries) {
    if (maxEntries < 0 || maxEntries > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "cannot size relabel cache (" + maxEntries + " entries): must be 0.." + (Integer.MAX_VALUE - 8));
    }
    this.maxEntries = (int) maxEntries;
    this.ring = newRing((int) Math.min(maxEntries, FIRST_RING));
    this.map = new ConcurrentHashMap<>(ring.length);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Entry<K, V>[] newRing(int n) {
    return (Entry<K, V>[]) new Entry<?, ?>[n];
  }

  /** The cached value, or null. */
  V get(K key) {
    Entry<K, V> e = map.get(key);
    if (e == null) {
      return null;
    }
    if (!e.referenced) {
      e.referenced = true;
    }
    return e.value;
  }

  synchronized void put(K key, V value) {
    if (maxEntries == 0 || map.containsKey(key)) {
      return;
    }
    if (used == ring.length && ring.length < maxEntries) {
      ring = Arrays.copyOf(ring, (int) Math.min((long) ring.length * 2, maxEntries));
    }
    if (used < ring.length) {
      Entry<K, V> e = new Entry<>(key, value);
      ring[used++] = e;
      map.put(key, e);
      return;
    }
    // At most two turns: the first clears every bit it passes, so the second finds a victim.
    for (int steps = 0; steps < 2 * ring.length; steps++) {
      Entry<K, V> old = ring[hand];
      if (!old.referenced) {
        map.remove(old.key);
        Entry<K, V> e = new Entry<>(key, value);
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
    ring = newRing((int) Math.min(maxEntries, FIRST_RING));
    used = 0;
    hand = 0;
  }
}
