package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClockCacheTest {
  private static String key(int i) {
    return "m" + i;
  }

  @Test
  void neverHoldsMoreThanItsBound() {
    ClockCache<String, Integer> cache = new ClockCache<>(10);
    for (int i = 0; i < 1000; i++) {
      cache.put(key(i), i);
      cache.get(key(i));
      assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void aWorkingSetThatFillsTheCacheStaysWholeWhileTheRingGrows() {
    // 1000 entries: the ring starts small and doubles up to its bound without losing any.
    ClockCache<String, Integer> cache = new ClockCache<>(1000);
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 1000; i++) {
        if (cache.get(key(i)) == null) {
          assertThat(round).as("miss on key " + i).isZero();
          cache.put(key(i), i);
        }
      }
    }
    assertThat(cache.size()).isEqualTo(1000);
  }

  @Test
  void evictsWhatWasNotUsedSinceTheHandLastPassed() {
    ClockCache<String, Integer> cache = new ClockCache<>(3);
    cache.put(key(0), 0);
    cache.put(key(1), 1);
    cache.put(key(2), 2);
    cache.get(key(0));
    cache.get(key(2));
    cache.put(key(3), 3);

    assertThat(cache.get(key(1))).isNull();
    assertThat(cache.get(key(0))).isZero();
    assertThat(cache.get(key(2))).isEqualTo(2);
    assertThat(cache.get(key(3))).isEqualTo(3);
  }

  @Test
  void findsByContentNotIdentity() {
    ClockCache<Object, Integer> cache = new ClockCache<>(100);
    cache.put(new ReadTuple(new String[] {"a", "b"}), 7);
    assertThat(cache.get(new ReadTuple(new String[] {new String("a"), new String("b")}))).isEqualTo(7);
    assertThat(cache.get(new ReadTuple(new String[] {"b", "a"}))).isNull();
  }

  @Test
  void clearForgetsEverything() {
    ClockCache<String, Integer> cache = new ClockCache<>(100);
    cache.put(key(1), 1);
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThat(cache.get(key(1))).isNull();
  }

  @Test
  void zeroEntriesCachesNothing() {
    ClockCache<String, Integer> cache = new ClockCache<>(0);
    cache.put(key(1), 1);
    assertThat(cache.get(key(1))).isNull();
    assertThatThrownBy(() -> new ClockCache<String, Integer>(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
