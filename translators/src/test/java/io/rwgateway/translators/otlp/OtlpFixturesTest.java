package io.rwgateway.translators.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The OTLP payloads captured from the OpenTelemetry JS exporter (shared/fixtures/otlp-js,
 * MANIFEST.md) translate to the point counts the manifest lists: 5 metrics, 7 points each.
 */
class OtlpFixturesTest {
  private static final Path ROOT = Path.of(System.getProperty("rwgateway.fixtures"), "otlp-js");

  private static ExportMetricsServiceRequest read(String name) throws IOException {
    byte[] body = Files.readAllBytes(ROOT.resolve(name));
    if (name.equals("0004.body")) {
      body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
    }
    if (name.equals("0003.body")) {
      ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
      JsonFormat.parser().ignoringUnknownFields().merge(new String(body, StandardCharsets.UTF_8), b);
      return b.build();
    }
    return ExportMetricsServiceRequest.parseFrom(body);
  }

  @Test
  void cumulativeCapturesTranslateEverySevenPointsByKind() throws IOException {
    for (String name : new String[] {"0001.body", "0002.body", "0003.body"}) {
      OtlpTranslation t = new OtlpTranslator(OtlpOptions.defaults()).translate(read(name));
      assertThat(t.acceptedPoints()).as(name).isEqualTo(Map.of(PointKind.EXPONENTIAL_HISTOGRAM, 1L,
          PointKind.SUM, 3L, PointKind.HISTOGRAM, 1L, PointKind.GAUGE, 2L));
      assertThat(t.rejectedDataPoints()).as(name).isZero();
      assertThat(t.hasPartialSuccess()).as(name).isFalse();
      MetricBatch b = t.batch();
      assertThat(b.histogramCount()).as(name).isEqualTo(1);
      TreeSet<String> names = new TreeSet<>();
      for (Series s : b.series()) {
        names.add(b.labelValue(s, "__name__"));
        if (!b.labelValue(s, "__name__").equals("target_info")) {
          assertThat(b.labelValue(s, "job")).isEqualTo("shop/checkout");
          assertThat(b.labelValue(s, "instance")).isEqualTo("checkout-7f9c-1");
        }
      }
      assertThat(names).contains("rpc_payload_size_bytes", "http_server_requests_total",
          "http_server_active_requests", "http_server_request_duration_seconds_bucket",
          "http_server_request_duration_seconds_sum", "http_server_request_duration_seconds_count",
          "process_memory_usage_bytes", "target_info");
    }
  }

  @Test
  void protobufAndJsonCapturesOfTheSameExportTranslateAlike() throws IOException {
    // 0001 (protobuf) and 0003 (JSON) are the first export of two runs of the same program.
    MetricBatch proto = new OtlpTranslator(OtlpOptions.defaults()).translate(read("0001.body")).batch();
    MetricBatch json = new OtlpTranslator(OtlpOptions.defaults()).translate(read("0003.body")).batch();
    assertThat(seriesNames(json)).isEqualTo(seriesNames(proto));
  }

  private static TreeSet<String> seriesNames(MetricBatch b) {
    TreeSet<String> out = new TreeSet<>();
    for (Series s : b.series()) {
      out.add(b.labelsText(s).replaceAll("le=\"[^\"]*\"", ""));
    }
    return out;
  }

  @Test
  void deltaCaptureRejectsItsFourDeltaPointsByDefault() throws IOException {
    OtlpTranslation t = new OtlpTranslator(OtlpOptions.defaults()).translate(read("0004.body"));
    assertThat(t.rejectedPoints()).isEqualTo(Map.of(OtlpTranslation.Reasons.DELTA_TEMPORALITY, 4L));
    assertThat(t.acceptedPoints()).isEqualTo(Map.of(PointKind.SUM, 1L, PointKind.GAUGE, 2L));
    assertThat(t.errorMessage()).contains("delta", "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE");
  }

  @Test
  void deltaCaptureTranslatesEveryPointUnderToCumulativeAndPass() throws IOException {
    for (DeltaMode mode : new DeltaMode[] {DeltaMode.TO_CUMULATIVE, DeltaMode.PASS}) {
      OtlpTranslation t = new OtlpTranslator(OtlpOptions.builder().delta(mode).build()).translate(read("0004.body"));
      assertThat(t.rejectedDataPoints()).as(mode.name()).isZero();
      assertThat(t.acceptedDataPoints()).as(mode.name()).isEqualTo(7);
    }
  }
}
