package io.rwgateway.gateway.ingest;

import static io.rwgateway.gateway.testing.OtlpPayloads.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.rwgateway.gateway.testing.OtlpPayloads;
import io.rwgateway.translators.codec.InvalidPayloadException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OtlpRequestDecoderTest {
  private static final String TRACE_HEX = "5B8EFFF798038103D269B633813FC60C";
  private static final String SPAN_HEX = "eee19b7ec3c1b174";

  /** The data points of a request, over every resource, scope and metric. */
  private static int points(ExportMetricsServiceRequest r) {
    int n = 0;
    for (ResourceMetrics rm : r.getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          n += switch (m.getDataCase()) {
            case GAUGE -> m.getGauge().getDataPointsCount();
            case SUM -> m.getSum().getDataPointsCount();
            case HISTOGRAM -> m.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> m.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> m.getSummary().getDataPointsCount();
            default -> 0;
          };
        }
      }
    }
    return n;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String reason(ThrowingDecode d) {
    try {
      d.run();
    } catch (InvalidPayloadException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.reason() + ": " + e.getMessage();
    }
    throw new AssertionError("expected InvalidPayloadException");
  }

  interface ThrowingDecode {
    void run() throws InvalidPayloadException;
  }

  @Test
  void decodesTheCapturedJsSdkRequestsToTheirManifestCounts() throws Exception {
    // shared/fixtures/MANIFEST.md: each is 1 resource, 5 metrics, 7 data points.
    ExportMetricsServiceRequest proto = OtlpRequestDecoder.decode(OtlpPayloads.fixture("otlp-js/0001.body"),
        OtlpEncoding.PROTOBUF);
    ExportMetricsServiceRequest json = OtlpRequestDecoder.decode(OtlpPayloads.fixture("otlp-js/0003.body"),
        OtlpEncoding.JSON);
    ExportMetricsServiceRequest gzip = OtlpRequestDecoder.decode(
        BoundedGunzip.gunzip(OtlpPayloads.fixture("otlp-js/0004.body"), 1 << 20), OtlpEncoding.PROTOBUF);
    for (ExportMetricsServiceRequest r : new ExportMetricsServiceRequest[] {proto, json, gzip}) {
      assertThat(r.getResourceMetricsCount()).isEqualTo(1);
      assertThat(r.getResourceMetrics(0).getScopeMetrics(0).getMetricsList()).extracting(Metric::getName)
          .containsExactly("rpc.payload.size", "http.server.requests", "http.server.active_requests",
              "http.server.request.duration", "process.memory.usage");
      assertThat(points(r)).isEqualTo(7);
    }
    // The JSON capture writes int64 as strings and intValue attributes as numbers.
    Metric requests = json.getResourceMetrics(0).getScopeMetrics(0).getMetrics(1);
    assertThat(requests.getSum().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    assertThat(requests.getSum().getDataPoints(0).getTimeUnixNano()).isGreaterThan(1_700_000_000_000_000_000L);
    assertThat(requests.getSum().getDataPoints(0).getAttributesList())
        .contains(KeyValue.newBuilder().setKey("http.response.status_code")
            .setValue(AnyValue.newBuilder().setIntValue(200)).build());
    assertThat(gzip.getResourceMetrics(0).getScopeMetrics(0).getMetrics(1).getSum().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
  }

  @Test
  void readsOtlpJsonQuirksToTheSameMessageAsProtobuf() throws Exception {
    String json = """
        {"resourceMetrics": [{
          "resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "shop"}},
                                      {"key": "blob", "value": {"bytesValue": "AQID"}}],
                       "newResourceField": {"x": 1}},
          "scope_metrics": [{"metrics": [{
            "name": "requests", "unit": "1",
            "sum": {"aggregationTemporality": 2, "is_monotonic": true, "dataPoints": [
              {"timeUnixNano": "1700000000123456789", "start_time_unix_nano": 1700000000000000000,
               "asInt": "42", "attributes": [{"key": "n", "value": {"intValue": 7}}],
               "exemplars": [{"timeUnixNano": "1700000000100000000", "asDouble": "NaN",
                              "traceId": "%s", "spanId": "%s"}]},
              {"timeUnixNano": 1700000001000000000, "asDouble": "Infinity", "flags": 1}]}},
            {"name": "temperature", "gauge": {"dataPoints": [{"timeUnixNano": "1", "asDouble": -2.5}]},
             "sum": null}],
           "schemaUrl": ""}]}],
         "unknownTopLevel": [1, 2, 3]}
        """.formatted(TRACE_HEX, SPAN_HEX);
    ExportMetricsServiceRequest expected = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(
        ResourceMetrics.newBuilder()
            .setResource(Resource.newBuilder().addAttributes(attr("service.name", "shop"))
                .addAttributes(KeyValue.newBuilder().setKey("blob")
                    .setValue(AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2, 3})))))
            .addScopeMetrics(ScopeMetrics.newBuilder()
                .addMetrics(Metric.newBuilder().setName("requests").setUnit("1").setSum(Sum.newBuilder()
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .setIsMonotonic(true)
                    .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(1_700_000_000_123_456_789L)
                        .setStartTimeUnixNano(1_700_000_000_000_000_000L).setAsInt(42)
                        .addAttributes(KeyValue.newBuilder().setKey("n").setValue(AnyValue.newBuilder().setIntValue(7)))
                        .addExemplars(Exemplar.newBuilder().setTimeUnixNano(1_700_000_000_100_000_000L)
                            .setAsDouble(Double.NaN)
                            .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_HEX.toLowerCase())))
                            .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(SPAN_HEX)))))
                    .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(1_700_000_001_000_000_000L)
                        .setAsDouble(Double.POSITIVE_INFINITY).setFlags(1))))
                .addMetrics(Metric.newBuilder().setName("temperature").setGauge(
                    io.opentelemetry.proto.metrics.v1.Gauge.newBuilder()
                        .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(1).setAsDouble(-2.5))))))
        .build();

    assertThat(OtlpRequestDecoder.decode(utf8(json), OtlpEncoding.JSON)).isEqualTo(expected);
    assertThat(OtlpRequestDecoder.decode(expected.toByteArray(), OtlpEncoding.PROTOBUF)).isEqualTo(expected);
  }

  @Test
  void acceptsEnumNamesAndAnEmptyRequest() throws Exception {
    String json = "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"d\",\"sum\":"
        + "{\"aggregationTemporality\":\"AGGREGATION_TEMPORALITY_DELTA\",\"dataPoints\":[{\"asInt\":1}]}}]}]}]}";
    assertThat(OtlpRequestDecoder.decode(utf8(json), OtlpEncoding.JSON).getResourceMetrics(0).getScopeMetrics(0)
        .getMetrics(0).getSum().getAggregationTemporality()).isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    assertThat(OtlpRequestDecoder.decode(utf8("{}"), OtlpEncoding.JSON)).isEqualTo(
        ExportMetricsServiceRequest.getDefaultInstance());
    assertThat(OtlpRequestDecoder.decode(new byte[0], OtlpEncoding.PROTOBUF)).isEqualTo(
        ExportMetricsServiceRequest.getDefaultInstance());
  }

  @Test
  void ignoresUnknownProtobufFieldsSuchAsTheProfilesStringIndexes() throws Exception {
    ExportMetricsServiceRequest known = OtlpPayloads.request("shop", "a",
        OtlpPayloads.gauge("g", OtlpPayloads.point(1, OtlpPayloads.T_NANOS)));
    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(extra);
    out.writeString(99, "from a newer proto");
    out.writeUInt64(100, 12345);
    out.flush();
    byte[] body = Arrays.copyOf(known.toByteArray(), known.getSerializedSize() + extra.size());
    System.arraycopy(extra.toByteArray(), 0, body, known.getSerializedSize(), extra.size());

    ExportMetricsServiceRequest decoded = OtlpRequestDecoder.decode(body, OtlpEncoding.PROTOBUF);
    assertThat(decoded.getResourceMetricsList()).isEqualTo(known.getResourceMetricsList());
  }

  @Test
  void refusesIdsOfTheWrongLengthInBothEncodings() {
    String template = "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"c\",\"gauge\":"
        + "{\"dataPoints\":[{\"asInt\":1,\"exemplars\":[{\"asInt\":1,\"traceId\":\"%s\",\"spanId\":\"%s\"}]}]}}]}]}]}";
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(template.formatted(TRACE_HEX.substring(8), SPAN_HEX)))))
        .isEqualTo("bad_trace_id: cannot decode exemplar of metric \"c\": trace_id has the wrong length:"
            + " expected 32 hex digits");
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(template.formatted(TRACE_HEX, SPAN_HEX + "00")))))
        .startsWith("bad_span_id: ");
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(template.formatted("zz" + TRACE_HEX.substring(2), SPAN_HEX)))))
        .isEqualTo("bad_trace_id: cannot decode exemplar of metric \"c\": trace_id has a character that is not hex"
            + " (ids are hex in OTLP JSON)");
    // base64, as a generic proto3 JSON writer would put it, is not OTLP JSON
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(template.formatted("W47/95gDgQPSabYzgT/GDA==", SPAN_HEX)))))
        .startsWith("bad_trace_id: ");
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(template.formatted("abc", SPAN_HEX))))).startsWith("bad_");

    ExportMetricsServiceRequest shortTrace = OtlpPayloads.request("shop", "a", OtlpPayloads.counter("c",
        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
        OtlpPayloads.point(1, OtlpPayloads.T_NANOS).toBuilder()
            .addExemplars(OtlpPayloads.exemplar(1, OtlpPayloads.T_NANOS, new byte[12], new byte[8])).build()));
    assertThat(reason(() -> OtlpRequestDecoder.protobuf(shortTrace.toByteArray())))
        .isEqualTo("bad_trace_id: cannot decode exemplar of metric \"c\": trace_id has 12 bytes, expected 16");
  }

  @Test
  void takesEmptyIdsAsUnset() throws Exception {
    String json = "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"c\",\"gauge\":"
        + "{\"dataPoints\":[{\"asInt\":1,\"exemplars\":[{\"asInt\":1,\"traceId\":\"\",\"spanId\":\"\"}]}]}}]}]}]}";
    Exemplar e = OtlpRequestDecoder.json(utf8(json)).getResourceMetrics(0).getScopeMetrics(0).getMetrics(0)
        .getGauge().getDataPoints(0).getExemplars(0);
    assertThat(e.getTraceId()).isEmpty();
    assertThat(e.getSpanId()).isEmpty();
  }

  @Test
  void refusesMalformedBodiesWithAOneLineReason() {
    byte[] valid = OtlpPayloads.request("shop", "a",
        OtlpPayloads.gauge("g", OtlpPayloads.point(1, OtlpPayloads.T_NANOS))).toByteArray();
    assertThat(reason(() -> OtlpRequestDecoder.protobuf(Arrays.copyOf(valid, valid.length - 3))))
        .startsWith("bad_protobuf: cannot decode OTLP ExportMetricsServiceRequest: ");
    assertThat(reason(() -> OtlpRequestDecoder.protobuf(utf8("{\"resourceMetrics\": []}"))))
        .startsWith("bad_protobuf: ");
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8("{\"resourceMetrics\": [{\"scopeMetrics\": "))))
        .startsWith("bad_json: cannot decode OTLP JSON: ");
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8("[1, 2]")))).startsWith("bad_json: ");
    assertThat(reason(() -> OtlpRequestDecoder.json(valid))).startsWith("bad_json: ");
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(
        "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"c\",\"sum\":{\"dataPoints\":"
            + "[{\"asInt\":\"twelve\"}]}}]}]}]}")))).startsWith("bad_json: ");
  }

  @Test
  void refusesDeeplyNestedJsonWithoutTakingTheThreadDown() {
    String deep = "{\"resourceMetrics\":" + "[".repeat(500_000) + "]".repeat(500_000) + "}";
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(deep)))).startsWith("bad_json: ");
    String deepValue = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":"
        + "{\"arrayValue\":{\"values\":[".repeat(2_000) + "]}}".repeat(2_000) + "}]}}]}";
    assertThat(reason(() -> OtlpRequestDecoder.json(utf8(deepValue)))).startsWith("bad_json: ");
  }
}
