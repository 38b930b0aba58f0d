package io.rwgateway.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentNegotiationTest {

  @ParameterizedTest(name = "[{index}] ''{0}'' / ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL | NULL | RW1",
      "'' | snappy | RW1",
      "application/x-protobuf | snappy | RW1",
      "application/x-protobuf;proto=prometheus.WriteRequest | snappy | RW1",
      "application/x-protobuf;proto=io.prometheus.write.v2.Request | snappy | RW2",
      "application/x-protobuf; proto=io.prometheus.write.v2.Request | SNAPPY | RW2",
      "APPLICATION/X-PROTOBUF ;PROTO=io.prometheus.write.v2.Request | NULL | RW2",
      "application/x-protobuf;proto=\"io.prometheus.write.v2.Request\" | snappy | RW2",
      "application/x-protobuf;charset=utf-8;proto=io.prometheus.write.v2.Request | snappy | RW2",
  })
  void picksTheProtocolFromHeaders(String type, String encoding, WireProtocol expected) {
    ContentNegotiation.Result r = ContentNegotiation.negotiate(type, encoding);
    assertThat(r.accepted()).isTrue();
    assertThat(r.protocol()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' / ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "application/json | snappy | unsupported_content_type",
      "image/png | snappy | unsupported_content_type",
      "application/x-protobuf;proto=io.prometheus.write.v3.Request | snappy | unsupported_proto",
      "application/x-protobuf;proto | snappy | unsupported_content_type",
      "application/x-protobuf | gzip | unsupported_encoding",
      "application/x-protobuf | deflate | unsupported_encoding",
      "application/x-protobuf;proto=io.prometheus.write.v2.Request | zstd | unsupported_encoding",
  })
  void refusesWhatItCannotDecode(String type, String encoding, String reason) {
    ContentNegotiation.Result r = ContentNegotiation.negotiate(type, encoding);
    assertThat(r.accepted()).isFalse();
    assertThat(r.rejectReason()).isEqualTo(reason);
    assertThat(r.rejectMessage()).startsWith("cannot ").doesNotContain("\n");
  }
}
