package io.rwgateway.loadtest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkServerTest {
  private static final String CT_RW2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static SinkServer start(double errorRate, Duration latency) throws Exception {
    return SinkServer.start(new SinkOptions("127.0.0.1", 0, latency, errorRate, 503, DecodeLimits.DEFAULTS));
  }

  private HttpResponse<String> post(SinkServer s, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/write"))
        .header("Content-Type", contentType).header("Content-Encoding", "snappy")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(SinkServer s, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersRw2WithExactWrittenHeadersAndRw1WithNone() throws Exception {
    try (SinkServer s = start(0, Duration.ZERO)) {
      EncodedRequest r2 = new Rw2Encoder().encode(List.of(SinkCounterTest.knownBatch()));
      HttpResponse<String> a = post(s, CT_RW2, r2.body());
      assertThat(a.statusCode()).isEqualTo(204);
      assertThat(a.headers().firstValue(SinkVerticle.SAMPLES_WRITTEN)).hasValue("3");
      assertThat(a.headers().firstValue(SinkVerticle.HISTOGRAMS_WRITTEN)).hasValue("1");
      assertThat(a.headers().firstValue(SinkVerticle.EXEMPLARS_WRITTEN)).hasValue("1");

      EncodedRequest r1 = new Rw1Encoder().encode(List.of(SinkCounterTest.knownBatch()));
      HttpResponse<String> b = post(s, "application/x-protobuf", r1.body());
      assertThat(b.statusCode()).isEqualTo(204);
      assertThat(b.headers().firstValue(SinkVerticle.SAMPLES_WRITTEN)).isEmpty();

      assertThat(s.stats().get(WireProtocol.RW2, "samples")).isEqualTo(3);
      assertThat(s.stats().get(WireProtocol.RW1, "histograms")).isEqualTo(1);
      assertThat(get(s, "/stats").body()).contains("\"points\": 8");
      assertThat(get(s, "/metrics").body()).contains("rw_sink_received_requests_total{protocol=\"rw1\"} 1");
    }
  }

  @Test
  void refusesUnsupportedContentTypesWith415AndBadBodiesWith400() throws Exception {
    try (SinkServer s = start(0, Duration.ZERO)) {
      assertThat(post(s, "application/json", new byte[] {1}).statusCode()).isEqualTo(415);
      HttpResponse<String> bad = post(s, CT_RW2, new byte[] {5, 1, 2});
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue(SinkVerticle.SAMPLES_WRITTEN)).hasValue("0");
      assertThat(s.stats().total("requests")).isZero();
    }
  }

  @Test
  void injectedErrorsAreAnsweredWithTheStatusAndNotCountedAsReceived() throws Exception {
    try (SinkServer s = start(1.0, Duration.ofMillis(20))) {
      EncodedRequest r2 = new Rw2Encoder().encode(List.of(SinkCounterTest.knownBatch()));
      long t0 = System.nanoTime();
      HttpResponse<String> a = post(s, CT_RW2, r2.body());
      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
      assertThat(a.statusCode()).isEqualTo(503);
      assertThat(a.headers().firstValue(SinkVerticle.SAMPLES_WRITTEN)).hasValue("0");
      assertThat(s.stats().total("samples")).isZero();
      assertThat(get(s, "/stats").body()).contains("\"503/injected\": 1");
    }
  }
}
