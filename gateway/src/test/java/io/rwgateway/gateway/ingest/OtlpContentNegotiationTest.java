package io.rwgateway.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtlpContentNegotiationTest {

  @ParameterizedTest(name = "[{index}] ''{0}'' / ''{1}'' -> {2} {3}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "application/x-protobuf | NULL | PROTOBUF | IDENTITY",
      "application/x-protobuf | '' | PROTOBUF | IDENTITY",
      "application/x-protobuf | gzip | PROTOBUF | GZIP",
      "Application/X-Protobuf ; charset=utf-8 | GZIP | PROTOBUF | GZIP",
      "application/json | identity | JSON | IDENTITY",
      "application/json; charset=utf-8 | gzip | JSON | GZIP",
      "application/json | x-gzip | JSON | GZIP",
  })
  void readsTheMediaTypeOnlyAndGzipOrIdentity(String type, String encoding, OtlpEncoding expected,
      OtlpCompression compression) {
    OtlpContentNegotiation.Result r = OtlpContentNegotiation.negotiate(type, encoding);
    assertThat(r.accepted()).isTrue();
    assertThat(r.encoding()).isEqualTo(expected);
    assertThat(r.compression()).isEqualTo(compression);
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' / ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL | NULL | unsupported_content_type",
      "text/plain | NULL | unsupported_content_type",
      "application/x-protobuf;proto=io.prometheus.write.v2.Request | snappy | unsupported_encoding",
      "application/protobuf | gzip | unsupported_content_type",
      "application/x-protobuf | snappy | unsupported_encoding",
      "application/json | zstd | unsupported_encoding",
      "application/json | gzip, br | unsupported_encoding",
  })
  void refusesTheRestWithAOneLineReason(String type, String encoding, String reason) {
    OtlpContentNegotiation.Result r = OtlpContentNegotiation.negotiate(type, encoding);
    assertThat(r.accepted()).isFalse();
    assertThat(r.rejectReason()).isEqualTo(reason);
    assertThat(r.rejectMessage()).startsWith("cannot accept").doesNotContain("\n");
  }
}
