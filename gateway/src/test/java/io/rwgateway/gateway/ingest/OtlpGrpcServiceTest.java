package io.rwgateway.gateway.ingest;

import static io.rwgateway.gateway.testing.OtlpPayloads.T_NANOS;
import static io.rwgateway.gateway.testing.OtlpPayloads.counter;
import static io.rwgateway.gateway.testing.OtlpPayloads.gauge;
import static io.rwgateway.gateway.testing.OtlpPayloads.point;
import static io.rwgateway.gateway.testing.OtlpPayloads.request;
import static io.rwgateway.gateway.testing.RawGrpcClient.EXPORT;
import static io.rwgateway.gateway.testing.RawGrpcClient.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.rwgateway.config.OtlpConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.OtlpPayloads;
import io.rwgateway.gateway.testing.RawGrpcClient;
import io.rwgateway.gateway.testing.RecordingBackend;
import io.rwgateway.gateway.testing.RpcStatusBody;
import io.rwgateway.gateway.testing.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OTLP/gRPC MetricsService/Export: the HTTP semantics mapped to gRPC codes (otlp.md §1.4). */
class OtlpGrpcServiceTest {
  private static final int MAX_BODY = 1 << 20;
  private static final int MAX_DECODED = 4 << 20;
  private static final int INVALID_ARGUMENT = 3;
  private static final int RESOURCE_EXHAUSTED = 8;
  private static final int UNIMPLEMENTED = 12;

  private static Vertx vertx;
  private static RecordingBackend backend;
  private static GatewayHarness gw;
  private static RawGrpcClient grpc;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend = new RecordingBackend(vertx, false).start();
    gw = new GatewayHarness(TestConfigs.withOtlp(TestConfigs.withBodyLimits(
        TestConfigs.gateway(TestConfigs.backend("rec", backend.url(), Protocol.RW2)), MAX_BODY, MAX_DECODED),
        OtlpConfig.defaults().withGrpc("127.0.0.1", 0)));
    grpc = new RawGrpcClient(vertx, gw.gateway().grpcPort());
  }

  @AfterAll
  static void stop() throws Exception {
    grpc.close();
    gw.close();
    backend.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static boolean stored(String job, String name) {
    return backend.points().keySet().stream()
        .anyMatch(l -> l.contains("__name__=\"" + name + "\"") && l.contains("job=\"" + job + "\""));
  }

  @Test
  void exportsAndAnswersOkWithAnEmptyResponse() throws Exception {
    byte[] body = request("grpc-plain", "i", gauge("depth", point(2, T_NANOS))).toByteArray();
    RawGrpcClient.Answer a = grpc.call(EXPORT, null, frame(body, false));
    assertThat(a.status()).isZero();
    assertThat(ExportMetricsServiceResponse.parseFrom(a.firstMessage()).hasPartialSuccess()).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> stored("grpc-plain", "depth"));
    assertThat(gw.metric("rw_gateway_otlp_requests_total{encoding=\"protobuf\",status=\"OK\",transport=\"grpc\"}"))
        .isPositive();
  }

  @Test
  void takesGzipMessagesAndReportsRejectedPointsInPartialSuccess() throws Exception {
    byte[] body = request("grpc-gzip", "i", gauge("kept", point(1, T_NANOS)),
        counter("dropped", AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, point(1, T_NANOS), point(2, T_NANOS)))
        .toByteArray();
    RawGrpcClient.Answer a = grpc.call(EXPORT, "gzip", frame(OtlpPayloads.gzip(body), true));
    assertThat(a.status()).isZero();
    ExportMetricsServiceResponse r = ExportMetricsServiceResponse.parseFrom(a.firstMessage());
    assertThat(r.getPartialSuccess().getRejectedDataPoints()).isEqualTo(2);
    assertThat(r.getPartialSuccess().getErrorMessage()).contains("dropped");
    await().atMost(Duration.ofSeconds(5)).until(() -> stored("grpc-gzip", "kept"));
  }

  @Test
  void malformedProtobufIsInvalidArgumentWithABadRequestDetail() throws Exception {
    byte[] body = request("g", "i", gauge("g", point(1, T_NANOS))).toByteArray();
    RawGrpcClient.Answer a = grpc.call(EXPORT, null, frame(Arrays.copyOf(body, body.length - 2), false));
    assertThat(a.status()).isEqualTo(INVALID_ARGUMENT);
    assertThat(a.message()).startsWith("cannot decode OTLP ExportMetricsServiceRequest: ");
    RpcStatusBody details = RpcStatusBody.parse(a.details());
    assertThat(details.code()).isEqualTo(INVALID_ARGUMENT);
    assertThat(details.badRequest()).isEqualTo("bad_protobuf");
    assertThat(details.retryDelaySeconds()).isEqualTo(-1);
  }

  @Test
  void badGzipIsInvalidArgumentAndAGzipBombIsResourceExhaustedWithoutRetryInfo() throws Exception {
    RawGrpcClient.Answer bad = grpc.call(EXPORT, "gzip", frame(new byte[] {1, 2, 3, 4, 5, 6}, true));
    assertThat(bad.status()).isEqualTo(INVALID_ARGUMENT);
    assertThat(bad.message()).startsWith("cannot decompress gzip body");

    RawGrpcClient.Answer bomb = grpc.call(EXPORT, "gzip", frame(OtlpPayloads.gzipBomb(64L << 20), true));
    assertThat(bomb.status()).isEqualTo(RESOURCE_EXHAUSTED);
    assertThat(RpcStatusBody.parse(bomb.details()).retryDelaySeconds()).isEqualTo(-1);
  }

  @Test
  void aMessageOverTheSizeLimitIsResourceExhausted() throws Exception {
    RawGrpcClient.Answer a = grpc.call(EXPORT, null, frame(new byte[MAX_BODY + 10], false));
    assertThat(a.status()).isEqualTo(RESOURCE_EXHAUSTED);
    assertThat(a.message()).contains("limit " + MAX_BODY);
    assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"otlp\",reason=\"body_too_large\"}"))
        .isPositive();
  }

  @Test
  void anUnknownMessageCompressionIsUnimplemented() throws Exception {
    byte[] body = request("g", "i", gauge("g", point(1, T_NANOS))).toByteArray();
    RawGrpcClient.Answer a = grpc.call(EXPORT, "snappy", frame(body, true));
    assertThat(a.status()).isEqualTo(UNIMPLEMENTED);
    assertThat(a.message()).contains("snappy");
  }

  @Test
  void aCallWithoutOrWithTwoMessagesIsInvalidArgument() throws Exception {
    byte[] body = request("g", "i", gauge("g", point(1, T_NANOS))).toByteArray();
    assertThat(grpc.call(EXPORT, null, Buffer.buffer()).status()).isEqualTo(INVALID_ARGUMENT);
    Buffer two = frame(body, false).appendBuffer(frame(body, false));
    RawGrpcClient.Answer a = grpc.call(EXPORT, null, two);
    assertThat(a.status()).isEqualTo(INVALID_ARGUMENT);
    assertThat(a.message()).contains("exactly one message");
  }

  @Test
  void anotherMethodIsUnimplemented() throws Exception {
    byte[] body = request("g", "i", gauge("g", point(1, T_NANOS))).toByteArray();
    RawGrpcClient.Answer a = grpc.call("/opentelemetry.proto.collector.trace.v1.TraceService/Export", null,
        frame(body, false));
    assertThat(a.status()).isEqualTo(UNIMPLEMENTED);
  }

  @Test
  void aTraceIdOfTheWrongLengthIsInvalidArgument() throws Exception {
    byte[] body = request("g", "i", counter("c", AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
        point(1, T_NANOS).toBuilder().addExemplars(OtlpPayloads.exemplar(1, T_NANOS, new byte[16], new byte[4]))
            .build())).toByteArray();
    RawGrpcClient.Answer a = grpc.call(EXPORT, null, frame(body, false));
    assertThat(a.status()).isEqualTo(INVALID_ARGUMENT);
    assertThat(a.message()).isEqualTo("cannot decode exemplar of metric \"c\": span_id has 4 bytes, expected 8");
  }
}
