package io.rwgateway.gateway.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.rwgateway.gateway.testing.OtlpPayloads.T_NANOS;
import static io.rwgateway.gateway.testing.OtlpPayloads.attr;
import static io.rwgateway.gateway.testing.OtlpPayloads.gauge;
import static io.rwgateway.gateway.testing.OtlpPayloads.point;
import static io.rwgateway.gateway.testing.OtlpPayloads.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.GatewayConfig;
import io.rwgateway.config.OtlpConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.RawGrpcClient;
import io.rwgateway.gateway.testing.RpcStatusBody;
import io.rwgateway.gateway.testing.TestConfigs;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OTLP under backpressure (otlp.md §1.2, §1.4): when the pipeline cannot take a request, HTTP
 * answers 503 (or the configured 429) with Retry-After and gRPC UNAVAILABLE with RetryInfo, both
 * retryable, never a 500 that OTLP senders would drop.
 */
class OtlpBackpressureTest {
  private static final String PATH = "/api/v1/write";
  private static final int UNAVAILABLE = 14;

  private WireMockServer down;
  private Vertx vertx;

  @BeforeEach
  void startBackend() {
    down = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    down.start();
    down.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopBackend() throws Exception {
    down.stop();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** 50 gauge points: about one request's worth of queue. */
  private static byte[] fiftyPoints(String job) {
    NumberDataPoint[] points = new NumberDataPoint[50];
    for (int i = 0; i < points.length; i++) {
      points[i] = point(i, T_NANOS, attr("i", Integer.toString(i)));
    }
    return request(job, "a", gauge("g", points)).toByteArray();
  }

  /** A route whose queue holds the first request while it is accumulated (30 s batch delay), not a second. */
  private GatewayConfig holdingOne(int backpressureStatus) {
    BackendConfig b = TestConfigs.withMaxDelay(TestConfigs.withQueue(TestConfigs.backend("only",
        "http://127.0.0.1:" + down.port() + PATH, Protocol.RW2), fiftyPoints("x").length * 3L / 2),
        Duration.ofSeconds(30));
    return TestConfigs.withOtlp(TestConfigs.withBackpressureStatus(TestConfigs.gateway(b), backpressureStatus),
        OtlpConfig.defaults().withGrpc("127.0.0.1", 0));
  }

  @Test
  void httpAnswers503WithRetryAfterAndARetryInfoStatus() throws Exception {
    try (GatewayHarness gw = new GatewayHarness(holdingOne(503))) {
      assertThat(gw.postForBytes("/v1/metrics", "application/x-protobuf", null, fiftyPoints("a")).statusCode())
          .isEqualTo(200);
      HttpResponse<byte[]> r = gw.postForBytes("/v1/metrics", "application/x-protobuf", null, fiftyPoints("b"));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
      RpcStatusBody s = RpcStatusBody.parse(r.body());
      assertThat(s.code()).isEqualTo(UNAVAILABLE);
      assertThat(s.message()).contains("all backends");
      assertThat(s.retryDelaySeconds()).isEqualTo(1);

      // The same points as JSON (no trace ids, so the generic proto3 JSON printer writes OTLP JSON).
      String asJson = JsonFormat.printer().print(ExportMetricsServiceRequest.parseFrom(fiftyPoints("c")));
      HttpResponse<byte[]> json = gw.postForBytes("/v1/metrics", "application/json", null,
          asJson.getBytes(StandardCharsets.UTF_8));
      assertThat(json.statusCode()).isEqualTo(503);
      assertThat(new String(json.body(), StandardCharsets.UTF_8)).contains(
          "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1s\"}");
      assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"otlp\",reason=\"backpressure\"}"))
          .isEqualTo(2);
    }
  }

  @Test
  void httpAnswers429WhenConfigured() throws Exception {
    try (GatewayHarness gw = new GatewayHarness(holdingOne(429))) {
      gw.postForBytes("/v1/metrics", "application/x-protobuf", null, fiftyPoints("a"));
      HttpResponse<byte[]> r = gw.postForBytes("/v1/metrics", "application/x-protobuf", null, fiftyPoints("b"));
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  @Test
  void grpcAnswersUnavailableWithRetryInfo() throws Exception {
    try (GatewayHarness gw = new GatewayHarness(holdingOne(503));
        RawGrpcClient grpc = new RawGrpcClient(vertx, gw.gateway().grpcPort())) {
      assertThat(grpc.call(RawGrpcClient.EXPORT, null, RawGrpcClient.frame(fiftyPoints("a"), false)).status())
          .isZero();
      RawGrpcClient.Answer a = grpc.call(RawGrpcClient.EXPORT, null, RawGrpcClient.frame(fiftyPoints("b"), false));
      assertThat(a.status()).isEqualTo(UNAVAILABLE);
      RpcStatusBody details = RpcStatusBody.parse(a.details());
      assertThat(details.retryDelaySeconds()).isEqualTo(1);
      assertThat(gw.metric("rw_gateway_otlp_requests_total{encoding=\"protobuf\",status=\"UNAVAILABLE\","
          + "transport=\"grpc\"}")).isEqualTo(1);
    }
  }
}
