package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelabelOutcomeTest {
  @Test
  void pointsAtTheInputStringsItReuses() {
    String[] in = {"__name__", "up", "job", "node", "zone", "a"};
    String[] out = {"__name__", "up", "env", "prod", "job", "node"};

    assertThat(RelabelOutcome.of(in, out).sources()).containsExactly(0, 1, -1, -1, 2, 3);
  }

  @Test
  void findsEqualStringsThatAreNotTheSameObject() {
    String[] in = {"__name__", "up", "job", "node"};
    String[] out = {new String("__name__"), "up", "job", new String("node")};

    assertThat(RelabelOutcome.of(in, out).sources()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void dropsHaveNoLabels() {
    assertThat(RelabelOutcome.of(new String[] {"__name__", "x"}, null).dropped()).isTrue();
    assertThat(RelabelOutcome.of(new String[] {"__name__", "x"}, new String[] {"job", "a"}).dropReason())
        .isEqualTo(RelabelOutcome.NO_NAME);
  }
}
