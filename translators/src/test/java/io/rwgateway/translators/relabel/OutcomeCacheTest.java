package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeCacheTest {
  private static LabelSetKey key(int i) {
    return new LabelSetKey(new String[] {"__name__", "m" + i});
  }

  private static RelabelOutcome outcome(int i) {
    String[] labels = {"__name__", "m" + i};
    return RelabelOutcome.of(labels, labels);
  }

  @Test
  void neverHoldsMoreThanItsBound() {
    OutcomeCache cache = new OutcomeCache(10);
    for (int i = 0; i < 1000; i++) {
      cache.put(key(i), outcome(i));
      cache.get(key(i));
      assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void aWorkingSetThatFillsTheCacheStaysWhole() {
    OutcomeCache cache = new OutcomeCache(100);
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 100; i++) {
        if (cache.get(key(i)) == null) {
          assertThat(round).as("miss on key " + i).isZero();
          cache.put(key(i), outcome(i));
        }
      }
    }
  }

  @Test
  void evictsWhatWasNotUsedSinceTheHandLastPassed() {
    OutcomeCache cache = new OutcomeCache(3);
    cache.put(key(0), outcome(0));
    cache.put(key(1), outcome(1));
    cache.put(key(2), outcome(2));
    cache.get(key(0));
    cache.get(key(2));
    cache.put(key(3), outcome(3));

    assertThat(cache.get(key(1))).isNull();
    assertThat(cache.get(key(0))).isNotNull();
    assertThat(cache.get(key(2))).isNotNull();
    assertThat(cache.get(key(3))).isNotNull();
  }

  @Test
  void findsByContentNotIdentity() {
    OutcomeCache cache = new OutcomeCache(100);
    RelabelOutcome o = outcome(7);
    cache.put(key(7), o);
    assertThat(cache.get(new LabelSetKey(new String[] {new String("__name__"), new String("m7")}))).isSameAs(o);
  }

  @Test
  void clearForgetsEverything() {
    OutcomeCache cache = new OutcomeCache(100);
    cache.put(key(1), outcome(1));
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThat(cache.get(key(1))).isNull();
  }

  @Test
  void zeroEntriesCachesNothing() {
    OutcomeCache cache = new OutcomeCache(0);
    cache.put(key(1), outcome(1));
    assertThat(cache.get(key(1))).isNull();
    assertThatThrownBy(() -> new OutcomeCache(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
