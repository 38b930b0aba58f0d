package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.e2e.support.ExportedSeries;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.e2e.support.Sample;
import io.rwgateway.gateway.e2e.support.Teardown;
import io.rwgateway.gateway.e2e.support.VictoriaMetricsClient;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.translators.otlp.DeltaMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real OTLP sender, the OpenTelemetry JS SDK of {@code shared/peers/send-otlp.sh}, exports to the
 * gateway (protobuf, JSON, gzip, cumulative and delta), which forwards RW 1.0 to a real
 * VictoriaMetrics; the series are read back from VictoriaMetrics with the names, labels and values
 * Prometheus' OTLP receiver would give them (otlp.md §2-§4). The sender's values are fixed per
 * export step (send-otlp.js), so every expected value below is computed from its source.
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class OtlpJsSdkThroughGatewayTest {
  private static final Duration ARRIVED = Duration.ofSeconds(20);
  private static final String CHECKOUT = "job=\"shop/checkout\",instance=\"checkout-7f9c-1\"";
  private static final String INVENTORY = "job=\"warehouse/inventory\",instance=\"inv-b8d2-7\"";

  private static GatewayHarness gateway(Teardown teardown, PeerProcess vm, DeltaMode delta) throws Exception {
    return teardown.add(new GatewayHarness(TestConfigs.withOtlp(
        TestConfigs.gateway(TestConfigs.backend("vm", vm.writeUrl(), Protocol.RW1)),
        io.rwgateway.config.OtlpConfig.defaults().withGrpc(null, 0).withTranslation(
            io.rwgateway.translators.otlp.OtlpOptions.builder().delta(delta).build()))));
  }

  /** The value of the newest sample of the one series {@code selector} matches. */
  private static double latest(VictoriaMetricsClient vm, String selector) {
    List<ExportedSeries> found = vm.export(selector);
    assertThat(found).as(selector).hasSize(1);
    List<Sample> samples = found.get(0).samples();
    return samples.get(samples.size() - 1).value();
  }

  /** Waits until {@code selector} has a newest sample of {@code value} (the gateway batches for 50 ms). */
  private static void awaitLatest(VictoriaMetricsClient vm, String selector, double value) {
    await().atMost(ARRIVED).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
        assertThat(latest(vm, selector)).as(selector).isCloseTo(value, within(1e-9)));
  }

  @Test
  void cumulativeProtobufArrivesWithPrometheusNamesLabelsAndValues(Peers peers) throws Exception {
    PeerProcess vmPeer = peers.startVictoriaMetrics();
    VictoriaMetricsClient vm = new VictoriaMetricsClient(vmPeer);
    try (Teardown teardown = new Teardown()) {
      GatewayHarness gw = gateway(teardown, vmPeer, DeltaMode.DROP);
      System.out.println(peers.sendOtlp(gw.url("/v1/metrics"), "proto", "--count", "2", "--variant", "a"));

      // Counter {request}: GET adds 3 + step, POST adds 1; the unit in braces adds no suffix.
      awaitLatest(vm, "http_server_requests_total{" + CHECKOUT + ",http_request_method=\"GET\","
          + "http_response_status_code=\"200\",http_route=\"/cart\"}", 7);
      awaitLatest(vm, "http_server_requests_total{" + CHECKOUT + ",http_request_method=\"POST\","
          + "http_response_status_code=\"500\",http_route=\"/checkout\"}", 2);
      // Non-monotonic sum: a gauge without _total; +5 -2, then +5 -3.
      awaitLatest(vm, "http_server_active_requests{" + CHECKOUT + "}", 5);
      // Gauge in By: _bytes; the callback saw step 1 at the second export.
      awaitLatest(vm, "process_memory_usage_bytes{" + CHECKOUT + ",memory_type=\"rss\"}", 52_428_800 + 4096);
      awaitLatest(vm, "process_memory_usage_bytes{" + CHECKOUT + ",memory_type=\"heap\"}", 20_971_520);
      // Explicit histogram in s: 6 values per export, cumulative buckets, +Inf = count.
      String duration = "http_server_request_duration_seconds";
      String route = CHECKOUT + ",http_request_method=\"GET\",http_route=\"/cart\"";
      Map<String, Double> buckets = Map.of("0.005", 2.0, "0.025", 4.0, "0.1", 6.0, "0.5", 8.0, "2.5", 10.0,
          "5", 10.0, "+Inf", 12.0);
      for (Map.Entry<String, Double> b : buckets.entrySet()) {
        awaitLatest(vm, duration + "_bucket{" + route + ",le=\"" + b.getKey() + "\"}", b.getValue());
      }
      awaitLatest(vm, duration + "_count{" + route + "}", 12);
      awaitLatest(vm, duration + "_sum{" + route + "}", (0.003 + 0.02 + 0.07 + 0.3 + 1.7 + 7.5)
          + (0.003 + 0.02 + 0.07 + 0.4 + 1.7 + 7.5));
      // target_info: the resource minus the identifying attributes, plus job and instance.
      List<ExportedSeries> info = vm.export("target_info{" + CHECKOUT + "}");
      assertThat(info).singleElement().satisfies(s -> {
        assertThat(s.labels()).containsEntry("service_version", "1.4.2").containsEntry("deployment_environment", "test")
            .containsEntry("team_owner", "payments").doesNotContainKeys("service_name", "service_instance_id");
        assertThat(s.samples()).extracting(Sample::value).containsOnly(1.0);
      });
      // Timestamps are the SDK's collection times in ms: recent, not nanoseconds.
      long newest = vm.export("http_server_active_requests").get(0).samples().get(1).timestampMillis();
      assertThat(newest).isBetween(System.currentTimeMillis() - 120_000, System.currentTimeMillis() + 1000);
      assertThat(gw.metric("rw_gateway_otlp_requests_total{encoding=\"protobuf\",status=\"200\",transport=\"http\"}"))
          .isEqualTo(2);
    }
  }

  @Test
  void gzippedJsonWithNonStringAttributesArrives(Peers peers) throws Exception {
    PeerProcess vmPeer = peers.startVictoriaMetrics();
    VictoriaMetricsClient vm = new VictoriaMetricsClient(vmPeer);
    try (Teardown teardown = new Teardown()) {
      GatewayHarness gw = gateway(teardown, vmPeer, DeltaMode.DROP);
      System.out.println(peers.sendOtlp(gw.url("/otlp/v1/metrics"), "json", "--gzip", "--count", "2",
          "--variant", "b"));

      // Counter with unit 1: _total only; int and bool attributes become their text.
      awaitLatest(vm, "orders_processed_total{" + INVENTORY + ",region=\"eu-west\",priority=\"1\",express=\"true\","
          + "customer_tier=\"gold\"}", 21);
      awaitLatest(vm, "orders_processed_total{" + INVENTORY + ",region=\"us-east\",priority=\"3\",express=\"false\","
          + "weight_kg=\"0.75\"}", 5);
      awaitLatest(vm, "db_client_connections_usage{" + INVENTORY + ",db_system=\"postgresql\",state=\"used\"}", 10);
      awaitLatest(vm, "storage_room_temperature_celsius{" + INVENTORY + ",room=\"freezer-1\"}", -3.5);
      // A gauge with unit 1: _ratio, added once.
      awaitLatest(vm, "stock_level_ratio{" + INVENTORY + ",shelf=\"A-1\"}", 0.875);
      awaitLatest(vm, "stock_level_ratio{" + INVENTORY + ",shelf=\"C-3\"}", 1e-9);
      awaitLatest(vm, "process_cpu_time_seconds_total{" + INVENTORY + ",cpu_mode=\"user\"}", 13.25);
      awaitLatest(vm, "queue_backlog{" + INVENTORY + ",queue_name=\"restock\"}", 93);
      awaitLatest(vm, "job_duration_milliseconds_count{" + INVENTORY + ",job_name=\"reindex\"}", 10);
      assertThat(vm.export("target_info{" + INVENTORY + "}")).singleElement().satisfies(s ->
          assertThat(s.labels()).containsEntry("host_name", "node-42").containsEntry("k8s_cluster_name", "east-1")
              .containsEntry("cost_center", "4711").containsEntry("feature_flags_beta", "true"));
      assertThat(gw.metric("rw_gateway_otlp_received_bytes_total{compression=\"gzip\",encoding=\"json\","
          + "transport=\"http\"}")).isPositive();
    }
  }

  /**
   * The same delta export to three gateways: dropped (counted, reported in partial_success, the
   * cumulative parts kept), summed into cumulative values, and passed as they are.
   */
  @Test
  void deltaTemporalityIsDroppedSummedOrPassedAsConfigured(Peers peers) throws Exception {
    PeerProcess vmDrop = peers.startVictoriaMetrics();
    PeerProcess vmSum = peers.startVictoriaMetrics();
    PeerProcess vmPass = peers.startVictoriaMetrics();
    try (Teardown teardown = new Teardown()) {
      GatewayHarness drop = gateway(teardown, vmDrop, DeltaMode.DROP);
      GatewayHarness sum = gateway(teardown, vmSum, DeltaMode.TO_CUMULATIVE);
      GatewayHarness pass = gateway(teardown, vmPass, DeltaMode.PASS);
      for (GatewayHarness gw : List.of(drop, sum, pass)) {
        peers.sendOtlp(gw.url("/v1/metrics"), "proto", "--gzip", "--temporality", "delta", "--count", "3",
            "--variant", "a");
      }
      String get = "{" + CHECKOUT + ",http_request_method=\"GET\",http_response_status_code=\"200\","
          + "http_route=\"/cart\"}";
      String durationCount = "http_server_request_duration_seconds_count{" + CHECKOUT
          + ",http_request_method=\"GET\",http_route=\"/cart\"}";
      // Up-down counters stay cumulative under the SDK's delta preference: kept by every gateway.
      VictoriaMetricsClient dropped = new VictoriaMetricsClient(vmDrop);
      awaitLatest(dropped, "http_server_active_requests{" + CHECKOUT + "}", 8);
      assertThat(dropped.export("http_server_requests_total")).isEmpty();
      assertThat(dropped.export("http_server_request_duration_seconds_count")).isEmpty();
      // 3 exports x (2 counter points + 1 histogram + 1 exponential histogram)
      assertThat(drop.metric("rw_gateway_otlp_rejected_data_points_total{reason=\"delta_temporality\"}"))
          .isEqualTo(12);

      VictoriaMetricsClient summed = new VictoriaMetricsClient(vmSum);
      awaitLatest(summed, "http_server_requests_total" + get, 3 + 4 + 5);
      assertThat(summed.export("http_server_requests_total" + get).get(0).samples()).extracting(Sample::value)
          .containsExactly(3.0, 7.0, 12.0);
      awaitLatest(summed, durationCount, 18);

      VictoriaMetricsClient passed = new VictoriaMetricsClient(vmPass);
      awaitLatest(passed, "http_server_requests_total" + get, 5);
      assertThat(passed.export("http_server_requests_total" + get).get(0).samples()).extracting(Sample::value)
          .containsExactly(3.0, 4.0, 5.0);
      awaitLatest(passed, durationCount, 6);
    }
  }
}
