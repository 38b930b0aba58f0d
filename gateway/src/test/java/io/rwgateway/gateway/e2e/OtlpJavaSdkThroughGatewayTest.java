package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.rwgateway.config.OtlpConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.e2e.support.ExportedSeries;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.e2e.support.Sample;
import io.rwgateway.gateway.e2e.support.VictoriaMetricsClient;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenTelemetry Java SDK with {@code opentelemetry-exporter-otlp} exports to the gateway over
 * OTLP/HTTP (protobuf) and OTLP/gRPC (gzip), the gateway forwards RW 1.0 to a real
 * VictoriaMetrics, and the series are read back with Prometheus' names, labels and values.
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class OtlpJavaSdkThroughGatewayTest {
  private static final Duration ARRIVED = Duration.ofSeconds(20);
  private static final AttributeKey<String> QUEUE = AttributeKey.stringKey("queue");

  @Test
  void httpExporter(Peers peers) throws Exception {
    exportThroughGateway(peers, "java-http", gw -> OtlpHttpMetricExporter.builder()
        .setEndpoint(gw.url("/v1/metrics")).build(), "http");
  }

  @Test
  void grpcExporterWithGzip(Peers peers) throws Exception {
    exportThroughGateway(peers, "java-grpc", gw -> OtlpGrpcMetricExporter.builder()
        .setEndpoint("http://127.0.0.1:" + gw.gateway().grpcPort()).setCompression("gzip").build(), "grpc");
  }

  private static void exportThroughGateway(Peers peers, String service, Function<GatewayHarness, MetricExporter> exporter,
      String transport) throws Exception {
    PeerProcess vmPeer = peers.startVictoriaMetrics();
    VictoriaMetricsClient vm = new VictoriaMetricsClient(vmPeer);
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.withOtlp(
        TestConfigs.gateway(TestConfigs.backend("vm", vmPeer.writeUrl(), Protocol.RW1)),
        OtlpConfig.defaults().withGrpc("127.0.0.1", 0)))) {
      SdkMeterProvider provider = SdkMeterProvider.builder()
          .setResource(Resource.create(Attributes.builder().put("service.name", service)
              .put("service.instance.id", service + "-1").put("deployment.environment.name", "e2e").build()))
          // Exported on forceFlush only: the test decides when.
          .registerMetricReader(PeriodicMetricReader.builder(exporter.apply(gw)).setInterval(Duration.ofHours(1))
              .build())
          .build();
      try {
        Meter meter = provider.get("io.rwgateway.e2e");
        LongCounter jobs = meter.counterBuilder("jobs.completed").setUnit("{job}").setDescription("Jobs done").build();
        DoubleHistogram latency = meter.histogramBuilder("request.latency").setUnit("ms")
            .setExplicitBucketBoundariesAdvice(List.of(10.0, 100.0)).build();
        meter.gaugeBuilder("cpu.temperature").setUnit("Cel").buildWithCallback(m -> m.record(42.5));

        jobs.add(5, Attributes.of(QUEUE, "a"));
        latency.record(5);
        flush(provider);
        jobs.add(7, Attributes.of(QUEUE, "a"));
        jobs.add(1, Attributes.of(QUEUE, "b"));
        latency.record(50);
        latency.record(500);
        flush(provider);
      } finally {
        provider.shutdown().join(10, TimeUnit.SECONDS);
      }

      String who = "job=\"" + service + "\",instance=\"" + service + "-1\"";
      awaitLatest(vm, "jobs_completed_total{" + who + ",queue=\"a\"}", 12);
      awaitLatest(vm, "jobs_completed_total{" + who + ",queue=\"b\"}", 1);
      awaitLatest(vm, "request_latency_milliseconds_bucket{" + who + ",le=\"10\"}", 1);
      awaitLatest(vm, "request_latency_milliseconds_bucket{" + who + ",le=\"100\"}", 2);
      awaitLatest(vm, "request_latency_milliseconds_bucket{" + who + ",le=\"+Inf\"}", 3);
      awaitLatest(vm, "request_latency_milliseconds_sum{" + who + "}", 555);
      awaitLatest(vm, "cpu_temperature_celsius{" + who + "}", 42.5);
      // Two flushes, and the reader's shutdown exports once more.
      assertThat(vm.export("jobs_completed_total{" + who + ",queue=\"a\"}").get(0).samples())
          .extracting(Sample::value).containsExactly(5.0, 12.0, 12.0);
      assertThat(vm.export("target_info{" + who + "}")).singleElement().satisfies(s ->
          assertThat(s.labels()).containsEntry("deployment_environment_name", "e2e"));
      assertThat(gw.metric("rw_gateway_otlp_data_points_total{kind=\"sum\"}")).isEqualTo(1 + 2 + 2);
      assertThat(gw.metric("rw_gateway_otlp_requests_total{encoding=\"protobuf\",status=\""
          + ("grpc".equals(transport) ? "OK" : "200") + "\",transport=\"" + transport + "\"}")).isEqualTo(3);
    }
  }

  private static void flush(SdkMeterProvider provider) {
    CompletableResultCode flushed = provider.forceFlush().join(20, TimeUnit.SECONDS);
    assertThat(flushed.isSuccess()).as("the SDK's export succeeded").isTrue();
  }

  private static void awaitLatest(VictoriaMetricsClient vm, String selector, double value) {
    await().atMost(ARRIVED).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      List<ExportedSeries> found = vm.export(selector);
      assertThat(found).as(selector).hasSize(1);
      List<Sample> samples = found.get(0).samples();
      assertThat(samples.get(samples.size() - 1).value()).as(selector).isCloseTo(value, within(1e-9));
    });
  }
}
