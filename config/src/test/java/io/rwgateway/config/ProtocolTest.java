package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolTest {

  @Test
  void mapsWireNamesBothWays() {
    for (Protocol p : Protocol.values()) {
      assertThat(Protocol.fromWireName(p.wireName())).contains(p);
    }
    assertThat(Protocol.RW2.wireName()).isEqualTo("rw2");
    assertThat(Protocol.RW1.wireName()).isEqualTo("rw1");
    assertThat(Protocol.AUTO.wireName()).isEqualTo("auto");
  }

  @Test
  void unknownOrUpperCaseNamesAreEmpty() {
    assertThat(Protocol.fromWireName("rw3")).isEmpty();
    assertThat(Protocol.fromWireName("RW2")).isEmpty();
    assertThat(Protocol.fromWireName(null)).isEmpty();
  }
}
