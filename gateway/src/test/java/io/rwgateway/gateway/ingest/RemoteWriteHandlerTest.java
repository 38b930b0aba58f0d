package io.rwgateway.gateway.ingest;

import static io.rwgateway.gateway.testing.GatewayHarness.CT_RW1;
import static io.rwgateway.gateway.testing.GatewayHarness.CT_RW2;
import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.Payloads;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingest endpoint's answers to good and bad requests (remote-write.md §5 "Receiver"). */
class RemoteWriteHandlerTest {
  private static final long TS = 1_700_000_000_000L;
  private static GatewayHarness gw;

  @BeforeAll
  static void start() throws Exception {
    gw = new GatewayHarness(TestConfigs.gateway());
  }

  @AfterAll
  static void stop() throws Exception {
    gw.close();
  }

  private static final String[] WRITTEN = {
      "X-Prometheus-Remote-Write-Samples-Written",
      "X-Prometheus-Remote-Write-Histograms-Written",
      "X-Prometheus-Remote-Write-Exemplars-Written"};

  private static void assertNoWrittenHeaders(HttpResponse<String> r) {
    for (String h : WRITTEN) {
      assertThat(r.headers().firstValue(h)).as(h).isEmpty();
    }
  }

  private static void assertWritten(HttpResponse<String> r, long samples, long histograms, long exemplars) {
    assertThat(r.headers().firstValue(WRITTEN[0])).hasValue(Long.toString(samples));
    assertThat(r.headers().firstValue(WRITTEN[1])).hasValue(Long.toString(histograms));
    assertThat(r.headers().firstValue(WRITTEN[2])).hasValue(Long.toString(exemplars));
  }

  private static void assertOneLineReason(HttpResponse<String> r, String fragment) {
    assertThat(r.body()).contains(fragment);
    assertThat(r.body().strip()).doesNotContain("\n");
  }

  @Test
  void acceptsRw1With204AndNoWrittenHeaders() throws Exception {
    HttpResponse<String> r = gw.write(CT_RW1, Payloads.rw1Many("up", 3, TS));
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertNoWrittenHeaders(r);
  }

  @Test
  void acceptsRw1WithoutContentTypeAsPrometheusDoes() throws Exception {
    assertThat(gw.write(null, Payloads.rw1Many("up", 1, TS)).statusCode()).isEqualTo(204);
  }

  @Test
  void acceptsRw1WithExplicitProtoParameter() throws Exception {
    HttpResponse<String> r = gw.write("application/x-protobuf;proto=prometheus.WriteRequest", Payloads.rw1Many("up", 1, TS));
    assertThat(r.statusCode()).isEqualTo(204);
  }

  @Test
  void acceptsRw2With204AndExactWrittenCounts() throws Exception {
    HttpResponse<String> r = gw.write(CT_RW2, Payloads.rw2(TS, 1.0,
        new String[] {"__name__", "a", "job", "x"}, new String[] {"__name__", "b", "job", "x"}));
    assertThat(r.statusCode()).isEqualTo(204);
    assertWritten(r, 2, 0, 0);
  }

  @Test
  void parsesContentTypeWithSpacesQuotesAndCase() throws Exception {
    HttpResponse<String> r = gw.write("Application/X-Protobuf ; PROTO=\"io.prometheus.write.v2.Request\"",
        Payloads.rw2(TS, 1.0, new String[] {"__name__", "a"}));
    assertThat(r.statusCode()).isEqualTo(204);
    assertWritten(r, 1, 0, 0);
  }

  @Test
  void refusesWrongContentTypeWith415BeforeReadingTheBody() throws Exception {
    for (String ct : new String[] {"application/json", "image/png", "application/x-protobuf;proto=foo.Bar"}) {
      HttpResponse<String> r = gw.write(ct, "garbage, never decoded".getBytes());
      assertThat(r.statusCode()).as(ct).isEqualTo(415);
      assertOneLineReason(r, "cannot accept");
    }
    assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"unknown\",reason=\"unsupported_content_type\"}"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void refusesWrongContentEncodingWith415() throws Exception {
    for (String enc : new String[] {"gzip", "deflate", "zstd"}) {
      HttpResponse<String> r = gw.post("/api/v1/write", CT_RW1, enc, "not decoded".getBytes());
      assertThat(r.statusCode()).as(enc).isEqualTo(415);
      assertOneLineReason(r, "Content-Encoding");
    }
  }

  @Test
  void refusesOtherMethodsWith405() throws Exception {
    HttpResponse<String> r = gw.get("/api/v1/write");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void refusesBadSnappyWith400() throws Exception {
    HttpResponse<String> r = gw.write(CT_RW1, new byte[] {0x10, 0x01, 0x02, 0x03});
    assertThat(r.statusCode()).isEqualTo(400);
    assertOneLineReason(r, "snappy");
    assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"rw1\",reason=\"bad_snappy\"}")).isPositive();
  }

  @Test
  void refusesFramedSnappyWith400NamingTheFormat() throws Exception {
    byte[] framed = {(byte) 0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59, 0x00, 0x00};
    HttpResponse<String> r = gw.write(CT_RW1, framed);
    assertThat(r.statusCode()).isEqualTo(400);
    assertOneLineReason(r, "framed");
  }

  @Test
  void refusesHugeDeclaredDecodedLengthWithoutAllocating() throws Exception {
    // Snappy preamble declaring 4 GiB - 1, followed by nothing: a decompression bomb.
    byte[] bomb = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x00};
    HttpResponse<String> r = gw.write(CT_RW2, bomb);
    assertThat(r.statusCode()).isEqualTo(413);
    assertOneLineReason(r, "declares");
    assertWritten(r, 0, 0, 0);
  }

  @Test
  void refusesOversizedBodyWith413() throws Exception {
    byte[] big = new byte[11 << 20];
    HttpResponse<String> r = gw.write(CT_RW1, big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"rw1\",reason=\"body_too_large\"}")).isPositive();
  }

  @Test
  void refusesTruncatedProtobufWith400() throws Exception {
    byte[] raw = Payloads.unsnappy(Payloads.rw1Many("up", 5, TS));
    byte[] cut = Arrays.copyOf(raw, raw.length - 7);
    HttpResponse<String> r = gw.write(CT_RW1, Payloads.snappy(cut));
    assertThat(r.statusCode()).isEqualTo(400);
    assertOneLineReason(r, "cannot decode RW 1.0 WriteRequest");
  }

  @Test
  void refusesTruncatedRw2ProtobufWith400AndZeroWritten() throws Exception {
    byte[] raw = Payloads.unsnappy(Payloads.rw2(TS, 1, new String[] {"__name__", "a", "job", "b"}));
    HttpResponse<String> r = gw.write(CT_RW2, Payloads.snappy(Arrays.copyOf(raw, raw.length - 3)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertWritten(r, 0, 0, 0);
  }

  @Test
  void refusesDuplicateLabelsMissingNameAndTooManyLabelsWith400() throws Exception {
    String[] many = new String[2 * 40];
    for (int i = 0; i < 40; i++) {
      many[2 * i] = i == 0 ? "__name__" : "l" + i;
      many[2 * i + 1] = "v";
    }
    Object[][] cases = {
        {Payloads.rw1(Payloads.rw1Series(1, TS, "__name__", "a", "job", "x", "job", "y")), "twice"},
        {Payloads.rw1(Payloads.rw1Series(1, TS, "job", "x")), "__name__"},
        {Payloads.rw1(Payloads.rw1Series(1, TS, "__name__", "", "job", "x")), "__name__"},
        {Payloads.rw1(Payloads.rw1Series(1, TS, many)), "labels"},
    };
    for (Object[] c : cases) {
      HttpResponse<String> r = gw.write(CT_RW1, (byte[]) c[0]);
      assertThat(r.statusCode()).as((String) c[1]).isEqualTo(400);
      assertOneLineReason(r, (String) c[1]);
      assertNoWrittenHeaders(r);
    }
    assertThat(gw.metric("rw_gateway_rejected_series_total{protocol=\"rw1\",reason=\"duplicate_label\"}")).isPositive();
    assertThat(gw.metric("rw_gateway_rejected_series_total{protocol=\"rw1\",reason=\"missing_metric_name\"}")).isPositive();
    assertThat(gw.metric("rw_gateway_rejected_series_total{protocol=\"rw1\",reason=\"too_many_labels\"}")).isPositive();
  }

  @Test
  void countsTheValidPartOfAPartlyInvalidRw2Request() throws Exception {
    HttpResponse<String> r = gw.write(CT_RW2, Payloads.rw2(TS, 2.0,
        new String[] {"__name__", "ok", "job", "x"},
        new String[] {"job", "no-name"},
        new String[] {"__name__", "ok2"}));
    assertThat(r.statusCode()).isEqualTo(400);
    assertWritten(r, 2, 0, 0);
    assertOneLineReason(r, "rejected 1 series");
  }

  @Test
  void measuresTheScrapeIntervalItReceivesAndProjectsLongerWindows() throws Exception {
    for (int scrape = 0; scrape < 3; scrape++) {
      assertThat(gw.write(CT_RW1, Payloads.rw1Many("m", 64, TS + scrape * 15_000L)).statusCode()).isEqualTo(204);
    }

    assertThat(gw.metric("rw_gateway_scrape_interval_seconds")).isEqualTo(15.0);
    assertThat(gw.get("/metrics").body()).contains("rw_gateway_estimated_rw2_ratio{max_delay=\"60s\"}");
  }

  @Test
  void servesHealthReadyAndMetrics() throws Exception {
    assertThat(gw.get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(gw.get("/-/ready").statusCode()).isEqualTo(200);
    gw.write(CT_RW1, Payloads.rw1Many("m", 4, TS));
    String metrics = gw.get("/metrics").body();
    assertThat(metrics).contains("rw_gateway_received_samples_total{protocol=\"rw1\"}");
    assertThat(metrics).contains("rw_gateway_estimated_rw2_bytes_total");
    assertThat(gw.get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void metadataOnlyRequestIsAccepted() throws Exception {
    Rw1Proto.WriteRequest w = Rw1Proto.WriteRequest.newBuilder()
        .addMetadata(Rw1Proto.MetricMetadata.newBuilder().setMetricFamilyName("up")
            .setType(Rw1Proto.MetricMetadata.MetricType.GAUGE).setHelp("is it up"))
        .build();
    HttpResponse<String> r = gw.write(CT_RW1, Payloads.snappy(w.toByteArray()));
    assertThat(r.statusCode()).isEqualTo(204);
  }
}
