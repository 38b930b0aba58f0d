package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendQueueTest {
  @Test
  void reservesUntilTheBoundThenRefuses() {
    BackendQueue q = new BackendQueue(100);
    assertThat(q.tryReserve(60)).isTrue();
    assertThat(q.tryReserve(40)).isTrue();
    assertThat(q.tryReserve(1)).isFalse();
    assertThat(q.usedBytes()).isEqualTo(100);
    q.release(50);
    assertThat(q.tryReserve(50)).isTrue();
  }

  @Test
  void anEmptyQueueAdmitsOneOversizedBatchSoNothingIsRefusedForever() {
    BackendQueue q = new BackendQueue(100);
    assertThat(q.tryReserve(500)).isTrue();
    assertThat(q.tryReserve(1)).isFalse();
  }

  @Test
  void adjustSwapsAnEstimateForTheRealSize() {
    BackendQueue q = new BackendQueue(100);
    q.tryReserve(80);
    q.adjust(30 - 80);
    assertThat(q.usedBytes()).isEqualTo(30);
  }
}
