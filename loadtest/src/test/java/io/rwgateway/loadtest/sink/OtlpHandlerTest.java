package io.rwgateway.loadtest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.rwgateway.translators.codec.DecodeLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtlpHandlerTest {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static SinkServer start(double errorRate) throws Exception {
    return SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, errorRate, 503, DecodeLimits.DEFAULTS));
  }

  private HttpResponse<byte[]> post(SinkServer s, String contentType, String encoding, byte[] body) throws Exception {
    return post(s, "/v1/metrics", contentType, encoding, body);
  }

  private HttpResponse<byte[]> post(SinkServer s, String path, String contentType, String encoding, byte[] body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String get(SinkServer s, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void answersProtobufIdentityAndGzipWithAnEmptyExportResponseAndCountsThem() throws Exception {
    try (SinkServer s = start(0)) {
      byte[] raw = OtlpCounterTest.knownRequest().toByteArray();
      HttpResponse<byte[]> a = post(s, "application/x-protobuf", null, raw);
      assertThat(a.statusCode()).isEqualTo(200);
      assertThat(a.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
      assertThat(ExportMetricsServiceResponse.parseFrom(a.body()).hasPartialSuccess()).isFalse();
      assertThat(post(s, "/api/v1/otlp/v1/metrics", "application/x-protobuf", "gzip", OtlpCounterTest.gzip(raw))
          .statusCode()).isEqualTo(200);
      assertThat(s.stats().get(WireProtocol.OTLP, "requests")).isEqualTo(2);
      assertThat(s.stats().get(WireProtocol.OTLP, "series")).isEqualTo(14);
      assertThat(s.stats().get(WireProtocol.OTLP, "samples")).isEqualTo(36);
      assertThat(s.stats().get(WireProtocol.OTLP, "histograms")).isEqualTo(2);
      assertThat(get(s, "/metrics")).contains("rw_sink_received_samples_total{protocol=\"otlp\"} 36");
      assertThat(get(s, "/stats")).contains("\"otlp\": {", "\"200/ok\": 2");
    }
  }

  @Test
  void refusesJsonAndUnknownEncodingsWith415AndBadBodiesWith400() throws Exception {
    try (SinkServer s = start(0)) {
      HttpResponse<byte[]> json = post(s, "application/json", null, "{}".getBytes());
      assertThat(json.statusCode()).isEqualTo(415);
      assertThat(new String(json.body())).contains("cannot accept OTLP/HTTP JSON");
      assertThat(post(s, "application/x-protobuf", "br", new byte[] {1}).statusCode()).isEqualTo(415);
      HttpResponse<byte[]> bad = post(s, "application/x-protobuf", null, new byte[] {(byte) 0xff, (byte) 0xff});
      assertThat(bad.statusCode()).isEqualTo(400);
      // google.rpc.Status: code 3 (INVALID_ARGUMENT) first.
      assertThat(bad.body()[0]).isEqualTo((byte) 0x08);
      assertThat(bad.body()[1]).isEqualTo((byte) 3);
      assertThat(s.stats().total("requests")).isZero();
    }
  }

  @Test
  void injectedErrorsAreNotCounted() throws Exception {
    try (SinkServer s = start(1.0)) {
      byte[] raw = OtlpCounterTest.knownRequest().toByteArray();
      assertThat(post(s, "application/x-protobuf", null, raw).statusCode()).isEqualTo(503);
      assertThat(s.stats().get(WireProtocol.OTLP, "samples")).isZero();
    }
  }
}
