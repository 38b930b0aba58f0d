package io.rwgateway.gateway.ingest;

import static io.rwgateway.gateway.testing.OtlpPayloads.T_NANOS;
import static io.rwgateway.gateway.testing.OtlpPayloads.attr;
import static io.rwgateway.gateway.testing.OtlpPayloads.counter;
import static io.rwgateway.gateway.testing.OtlpPayloads.gauge;
import static io.rwgateway.gateway.testing.OtlpPayloads.point;
import static io.rwgateway.gateway.testing.OtlpPayloads.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.OtlpPayloads;
import io.rwgateway.gateway.testing.RecordingBackend;
import io.rwgateway.gateway.testing.RpcStatusBody;
import io.rwgateway.gateway.testing.TestConfigs;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OTLP/HTTP on the main port: every answer of otlp.md §1.2, against a backend that records what it got. */
class OtlpHttpHandlerTest {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";
  private static final int MAX_BODY = 1 << 20;
  private static final int MAX_DECODED = 4 << 20;

  private static Vertx vertx;
  private static RecordingBackend backend;
  private static GatewayHarness gw;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend = new RecordingBackend(vertx, false).start();
    gw = new GatewayHarness(TestConfigs.withBodyLimits(
        TestConfigs.gateway(TestConfigs.backend("rec", backend.url(), Protocol.RW2)), MAX_BODY, MAX_DECODED));
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
    backend.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<byte[]> post(String path, String type, String encoding, byte[] body) throws Exception {
    return gw.postForBytes(path, type, encoding, body);
  }

  private static HttpResponse<byte[]> post(String type, String encoding, byte[] body) throws Exception {
    return post("/v1/metrics", type, encoding, body);
  }

  private static ExportMetricsServiceResponse response(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
    return ExportMetricsServiceResponse.parseFrom(r.body());
  }

  private static RpcStatusBody status(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
    return RpcStatusBody.parse(r.body());
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Series names the backend stored with a label job="{job}". */
  private static Set<String> storedNames(String job) {
    Set<String> names = new TreeSet<>();
    for (String labels : backend.points().keySet()) {
      if (labels.contains("job=\"" + job + "\"")) {
        int start = labels.indexOf("__name__=\"") + 10;
        names.add(labels.substring(start, labels.indexOf('"', start)));
      }
    }
    return names;
  }

  @Test
  void acceptsProtobufOnEveryPathWithPartialSuccessUnset() throws Exception {
    for (String path : OtlpHttpHandler.PATHS) {
      String job = "path" + path.replace('/', '-');
      HttpResponse<byte[]> r = post(path, PROTOBUF, null,
          request(job, "i-1", gauge("queue.depth", point(3, T_NANOS))).toByteArray());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(response(r).hasPartialSuccess()).as(path).isFalse();
      await().atMost(Duration.ofSeconds(5)).until(() -> storedNames(job).contains("queue_depth"));
    }
    assertThat(gw.metric("rw_gateway_otlp_requests_total{encoding=\"protobuf\",status=\"200\",transport=\"http\"}"))
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void answersJsonToJsonAndTakesTheCapturedJsSdkBody() throws Exception {
    HttpResponse<byte[]> r = post(JSON + "; charset=utf-8", null, OtlpPayloads.fixture("otlp-js/0003.body"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(text(r)).isEqualTo("{}");
    await().atMost(Duration.ofSeconds(5)).until(() -> storedNames("shop/checkout").containsAll(Set.of(
        "http_server_requests_total", "http_server_active_requests", "process_memory_usage_bytes",
        "http_server_request_duration_seconds_bucket", "rpc_payload_size_bytes", "target_info")));
  }

  @Test
  void takesGzipAndReportsTheDroppedDeltasInPartialSuccessWhileDeliveringTheRest() throws Exception {
    // The JS SDK's delta capture: monotonic sum (2 points), histogram and exponential histogram are
    // delta and dropped by default; the gauge (2 points) and the cumulative up-down counter are kept.
    double before = gw.metric("rw_gateway_otlp_rejected_data_points_total{reason=\"delta_temporality\"}");
    byte[] body = OtlpPayloads.fixture("otlp-js/0004.body");
    ExportMetricsServiceRequest sent = ExportMetricsServiceRequest.parseFrom(BoundedGunzip.gunzip(body, MAX_DECODED));
    ExportMetricsServiceRequest relabelled = sent.toBuilder().setResourceMetrics(0, sent.getResourceMetrics(0)
        .toBuilder().setResource(sent.getResourceMetrics(0).getResource().toBuilder()
            .setAttributes(0, attr("service.name", "delta-gzip")))).build();
    HttpResponse<byte[]> r = post(PROTOBUF, "gzip", OtlpPayloads.gzip(relabelled.toByteArray()));

    assertThat(r.statusCode()).isEqualTo(200);
    ExportMetricsServiceResponse answer = response(r);
    assertThat(answer.getPartialSuccess().getRejectedDataPoints()).isEqualTo(4);
    assertThat(answer.getPartialSuccess().getErrorMessage()).contains("delta").doesNotContain("\n");
    await().atMost(Duration.ofSeconds(5)).until(() -> storedNames("shop/delta-gzip").containsAll(Set.of(
        "process_memory_usage_bytes", "http_server_active_requests")));
    assertThat(storedNames("shop/delta-gzip")).noneMatch(n -> n.startsWith("http_server_requests")
        || n.startsWith("http_server_request_duration") || n.startsWith("rpc_payload"));
    assertThat(gw.metric("rw_gateway_otlp_rejected_data_points_total{reason=\"delta_temporality\"}") - before)
        .isEqualTo(4);
    assertThat(gw.metric("rw_gateway_otlp_received_bytes_total{compression=\"gzip\",encoding=\"protobuf\","
        + "transport=\"http\"}")).isGreaterThanOrEqualTo(body.length);
  }

  @Test
  void writesRejectedDataPointsAsAJsonStringAndAcceptsGzippedJson() throws Exception {
    String json = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
        + "{\"stringValue\":\"json-delta\"}}]},\"scopeMetrics\":[{\"metrics\":["
        + "{\"name\":\"hits\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":"
        + "[{\"timeUnixNano\":\"" + T_NANOS + "\",\"asInt\":\"5\"},{\"timeUnixNano\":\"" + T_NANOS + "\",\"asInt\":\"6\","
        + "\"attributes\":[{\"key\":\"a\",\"value\":{\"stringValue\":\"b\"}}]}]}},"
        + "{\"name\":\"temp\",\"gauge\":{\"dataPoints\":[{\"timeUnixNano\":" + T_NANOS + ",\"asDouble\":21.5}]}}]}]}]}";
    HttpResponse<byte[]> r = post(JSON, "gzip", OtlpPayloads.gzip(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(text(r)).startsWith("{\"partialSuccess\":{\"rejectedDataPoints\":\"2\",\"errorMessage\":\"")
        .contains("hits");
    await().atMost(Duration.ofSeconds(5)).until(() -> storedNames("json-delta").contains("temp"));
  }

  @Test
  void anEmptyRequestSucceeds() throws Exception {
    HttpResponse<byte[]> proto = post(PROTOBUF, null, new byte[0]);
    assertThat(proto.statusCode()).isEqualTo(200);
    assertThat(proto.body()).isEmpty(); // an ExportMetricsServiceResponse with nothing set
    HttpResponse<byte[]> json = post(JSON, null, "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(text(json)).isEqualTo("{}");
  }

  @Test
  void refusesAnUnknownContentTypeWith415InPlainText() throws Exception {
    HttpResponse<byte[]> r = post("text/plain", null, "up 1".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(text(r)).startsWith("cannot accept Content-Type \"text/plain\"").endsWith("\n");
    assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"otlp\",reason=\"unsupported_content_type\"}"))
        .isPositive();
  }

  @Test
  void refusesAnUnknownContentEncodingWith415InTheRequestsEncoding() throws Exception {
    HttpResponse<byte[]> proto = post(PROTOBUF, "zstd", new byte[] {1, 2, 3});
    assertThat(proto.statusCode()).isEqualTo(415);
    assertThat(status(proto).message()).isEqualTo("cannot accept Content-Encoding \"zstd\" for OTLP: expected gzip"
        + " or identity");
    HttpResponse<byte[]> json = post(JSON, "br", new byte[] {1, 2, 3});
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(json.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(text(json)).isEqualTo("{\"code\":12,\"message\":\"cannot accept Content-Encoding \\\"br\\\" for OTLP:"
        + " expected gzip or identity\"}");
  }

  @Test
  void refusesOtherMethodsWith405() throws Exception {
    HttpResponse<String> r = gw.get("/v1/metrics");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void refusesMalformedProtobufWith400AndAStatusNamingTheReason() throws Exception {
    byte[] valid = request("bad", "i", gauge("g", point(1, T_NANOS))).toByteArray();
    HttpResponse<byte[]> r = post(PROTOBUF, null, Arrays.copyOf(valid, valid.length - 4));
    assertThat(r.statusCode()).isEqualTo(400);
    RpcStatusBody s = status(r);
    assertThat(s.code()).isEqualTo(3); // INVALID_ARGUMENT
    assertThat(s.message()).startsWith("cannot decode OTLP ExportMetricsServiceRequest: ").doesNotContain("\n");
    assertThat(s.badRequest()).isEqualTo("bad_protobuf");
    assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"otlp\",reason=\"bad_protobuf\"}")).isPositive();
  }

  @Test
  void refusesMalformedJsonWith400InJson() throws Exception {
    HttpResponse<byte[]> r = post(JSON, null, "{\"resourceMetrics\": [".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(text(r)).startsWith("{\"code\":3,\"message\":\"cannot decode OTLP JSON: ")
        .contains("\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\","
            + "\"fieldViolations\":[{\"description\":\"bad_json\"}]}]");
  }

  @Test
  void refusesBadGzipWith400() throws Exception {
    HttpResponse<byte[]> r = post(PROTOBUF, "gzip", request("g", "i", gauge("g", point(1, T_NANOS))).toByteArray());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(status(r).message()).startsWith("cannot decompress gzip body: ");
  }

  @Test
  void refusesAGzipBombWith413() throws Exception {
    byte[] bomb = OtlpPayloads.gzipBomb(256L << 20);
    assertThat(bomb.length).isLessThan(MAX_BODY);
    HttpResponse<byte[]> r = post(PROTOBUF, "gzip", bomb);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(status(r).code()).isEqualTo(8); // RESOURCE_EXHAUSTED
    assertThat(status(r).message()).contains("once decompressed");
    assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"otlp\",reason=\"decoded_too_large\"}"))
        .isPositive();
  }

  @Test
  void refusesABodyOverTheLimitWith413() throws Exception {
    HttpResponse<byte[]> r = post(JSON, null, new byte[MAX_BODY + 1]);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(text(r)).startsWith("{\"code\":8,\"message\":\"cannot accept body (limit 1048576 bytes");
  }

  @Test
  void ignoresUnknownFieldsInBothEncodings() throws Exception {
    String json = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
        + "{\"stringValue\":\"unknown-fields\"}}],\"entityRefs\":[{\"type\":\"service\"}]},\"scopeMetrics\":[{"
        + "\"metrics\":[{\"name\":\"g\",\"futureField\":true,\"gauge\":{\"dataPoints\":[{\"timeUnixNano\":\""
        + T_NANOS + "\",\"asInt\":\"4\",\"newThing\":{\"a\":[1]}}]}}]}]}]}";
    assertThat(post(JSON, null, json.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    byte[] proto = request("unknown-fields-pb", "i", gauge("g", point(1, T_NANOS))).toByteArray();
    byte[] withUnknown = Arrays.copyOf(proto, proto.length + 3);
    // field 77, varint 1: a field this proto version does not have
    withUnknown[proto.length] = (byte) 0xe8;
    withUnknown[proto.length + 1] = 0x04;
    withUnknown[proto.length + 2] = 0x01;
    assertThat(post(PROTOBUF, null, withUnknown).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> storedNames("unknown-fields").contains("g")
        && storedNames("unknown-fields-pb").contains("g"));
  }

  @Test
  void refusesATraceIdOfTheWrongLengthWith400() throws Exception {
    ExportMetricsServiceRequest bad = request("trace", "i", counter("c",
        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, point(1, T_NANOS).toBuilder()
            .addExemplars(OtlpPayloads.exemplar(1, T_NANOS, new byte[15], new byte[8])).build()));
    HttpResponse<byte[]> r = post(PROTOBUF, null, bad.toByteArray());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(status(r).message()).isEqualTo("cannot decode exemplar of metric \"c\": trace_id has 15 bytes,"
        + " expected 16");
    String json = "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"c\",\"gauge\":{\"dataPoints\":"
        + "[{\"asInt\":1,\"exemplars\":[{\"asInt\":1,\"traceId\":\"0102\",\"spanId\":\"0102030405060708\"}]}]}}]}]}]}";
    HttpResponse<byte[]> j = post(JSON, null, json.getBytes(StandardCharsets.UTF_8));
    assertThat(j.statusCode()).isEqualTo(400);
    assertThat(text(j)).contains("trace_id has the wrong length");
  }

  @Test
  void countsDataPointsByKindAndBytesByEncoding() throws Exception {
    double gauges = gw.metric("rw_gateway_otlp_data_points_total{kind=\"gauge\"}");
    double sums = gw.metric("rw_gateway_otlp_data_points_total{kind=\"sum\"}");
    byte[] body = request("kinds", "i", gauge("a", point(1, T_NANOS), point(2, T_NANOS, attr("x", "y"))),
        counter("b", AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, point(7, T_NANOS))).toByteArray();
    assertThat(post(PROTOBUF, "identity", body).statusCode()).isEqualTo(200);
    assertThat(gw.metric("rw_gateway_otlp_data_points_total{kind=\"gauge\"}") - gauges).isEqualTo(2);
    assertThat(gw.metric("rw_gateway_otlp_data_points_total{kind=\"sum\"}") - sums).isEqualTo(1);
    assertThat(gw.metric("rw_gateway_otlp_received_bytes_total{compression=\"identity\",encoding=\"protobuf\","
        + "transport=\"http\"}")).isGreaterThanOrEqualTo(body.length);
    assertThat(gw.metric("rw_gateway_received_bytes_total{protocol=\"otlp\"}")).isGreaterThanOrEqualTo(body.length);
    assertThat(gw.metric("rw_gateway_received_requests_total{code=\"200\",protocol=\"otlp\"}")).isPositive();
  }
}
