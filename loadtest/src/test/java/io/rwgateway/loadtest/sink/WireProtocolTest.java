package io.rwgateway.loadtest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireProtocolTest {

  @Test
  void picksTheMessageFromContentTypePerRfc9110() {
    assertThat(WireProtocol.ofContentType(null)).isEqualTo(WireProtocol.RW1);
    assertThat(WireProtocol.ofContentType("application/x-protobuf")).isEqualTo(WireProtocol.RW1);
    assertThat(WireProtocol.ofContentType("application/x-protobuf;proto=prometheus.WriteRequest")).isEqualTo(WireProtocol.RW1);
    assertThat(WireProtocol.ofContentType("application/x-protobuf;proto=io.prometheus.write.v2.Request")).isEqualTo(WireProtocol.RW2);
    assertThat(WireProtocol.ofContentType("Application/X-Protobuf ; Proto=\"io.prometheus.write.v2.Request\"")).isEqualTo(WireProtocol.RW2);
  }

  @Test
  void refusesOtherMediaTypesAndUnknownMessages() {
    assertThat(WireProtocol.ofContentType("application/json")).isNull();
    assertThat(WireProtocol.ofContentType("application/x-protobuf;proto=io.prometheus.write.v3.Request")).isNull();
  }
}
