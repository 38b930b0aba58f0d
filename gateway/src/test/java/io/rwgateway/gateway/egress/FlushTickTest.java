package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlushTickTest {
  @Test
  void aWindowOutlivesItsMaxDelayByAtMostATwentieth() {
    for (long maxDelayMillis : new long[] {100, 250, 1000, 2000, 5000}) {
      assertThat(FlushTick.millis(maxDelayMillis)).as("max_delay %d ms", maxDelayMillis)
          .isPositive().isLessThanOrEqualTo(maxDelayMillis / 20);
    }
    assertThat(FlushTick.millis(1000)).isEqualTo(50);
  }

  @Test
  void checksNoMoreOftenThanEvery5MsNorLessOftenThanEvery250Ms() {
    assertThat(FlushTick.millis(1)).isEqualTo(5);
    assertThat(FlushTick.millis(10)).isEqualTo(5);
    assertThat(FlushTick.millis(60_000)).isEqualTo(250);
  }
}
