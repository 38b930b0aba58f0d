package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.e2e.support.CapturedSeries;
import io.rwgateway.gateway.e2e.support.ExportDiff;
import io.rwgateway.gateway.e2e.support.ExportedSeries;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.e2e.support.PrometheusHelp;
import io.rwgateway.gateway.e2e.support.PrometheusSenderOptions;
import io.rwgateway.gateway.e2e.support.Rw2Captures;
import io.rwgateway.gateway.e2e.support.Teardown;
import io.rwgateway.gateway.e2e.support.VictoriaMetricsClient;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.translators.proto.rw2.Rw2Proto.Metadata.MetricType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The end-to-end proof: a real Prometheus 2.42 remote-writes RW 1.0 to gateway A and, as a
 * reference, straight to VictoriaMetrics {@code vmDirect}. Gateway A forwards to {@code vmRw1} as
 * RW 1.0 and to gateway B as RW 2.0; B decodes that RW 2.0 (answering with the Written headers)
 * and forwards it as RW 1.0 to {@code vmRw2} (VictoriaMetrics 1.79 speaks only RW 1.0). The three
 * stores must then hold the same series and, in the window all have fully received, the same
 * samples bit for bit (StaleNaN included): nothing lost, added or altered on either hop.
 *
 * <p>A second test looks at the RW 2.0 bytes themselves, captured behind gateway A: per-series
 * metadata, symbols[0] == "", exemplars attached to their samples and native histograms.
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class PrometheusThroughGatewayTest {
  private static final String WRITE = "/api/v1/write";
  private static final Duration MAX_DELAY = Duration.ofMillis(200);
  /**
   * ExportDiff margin: Prometheus' batch deadline (1 s) spreads one scrape over several requests,
   * each hop's batching holds them up to max_delay more (A, then B), plus a second of slack.
   */
  private static final Duration SETTLE = Duration.ofSeconds(2).plus(MAX_DELAY.multipliedBy(2));
  /** Prometheus' remote write starts about 5-6 s after startup; then the window must grow. */
  private static final Duration STORES_MATCH = Duration.ofSeconds(45);
  /** Metadata is first sent 5 s after Prometheus' start, then joined to the next series. */
  private static final Duration CAPTURES_COMPLETE = Duration.ofSeconds(40);
  private static final String LAB = "demo_temperature_celsius{room=\"lab\"}";

  @Test
  void prometheusSeriesAndSamplesCrossBothHopsUnchanged(Peers peers) throws Exception {
    long started = System.nanoTime();
    PeerProcess vmDirect = peers.startVictoriaMetrics();
    PeerProcess vmRw1 = peers.startVictoriaMetrics();
    PeerProcess vmRw2 = peers.startVictoriaMetrics();
    PeerProcess nodeExporter = peers.startNodeExporter();
    PeerProcess fakeExporter = peers.startFakeExporter("a");
    VictoriaMetricsClient direct = new VictoriaMetricsClient(vmDirect);
    VictoriaMetricsClient viaRw1 = new VictoriaMetricsClient(vmRw1);
    VictoriaMetricsClient viaRw2 = new VictoriaMetricsClient(vmRw2);
    GatewayHarness gwA;
    GatewayHarness gwB;
    try (Teardown teardown = new Teardown()) {
      gwB = teardown.add(new GatewayHarness(TestConfigs.gateway(backend("vm", vmRw2.writeUrl(), Protocol.RW1))));
      gwA = teardown.add(new GatewayHarness(TestConfigs.gateway(backend("vm1", vmRw1.writeUrl(), Protocol.RW1),
          backend("gwB", gwB.url(WRITE), Protocol.RW2))));
      teardown.add(peers::stopSenders);
      peers.startPrometheusSender(PrometheusSenderOptions.defaults().withExtraTargets(nodeExporter, fakeExporter),
          List.of(gwA.url(WRITE), vmDirect.writeUrl()));
      System.out.println("peers and gateways up after " + millisSince(started) + " ms");

      AtomicReference<String> matched = new AtomicReference<>();
      await().atMost(STORES_MATCH).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        List<ExportedSeries> reference = direct.exportAll();
        List<ExportedSeries> rw1 = viaRw1.exportAll();
        List<ExportedSeries> rw2 = viaRw2.exportAll();
        ExportDiff diffRw1 = ExportDiff.inCommonWindow(reference, rw1, SETTLE);
        ExportDiff diffRw2 = ExportDiff.inCommonWindow(reference, rw2, SETTLE);
        assertSameStore("vmRw1 (A -> RW 1.0)", reference, rw1, diffRw1);
        assertSameStore("vmRw2 (A -> RW 2.0 -> B -> RW 1.0)", reference, rw2, diffRw2);
        matched.set("vmRw1 " + diffRw1 + "; vmRw2 " + diffRw2);
      });
      System.out.println("stores match after " + millisSince(started) + " ms: " + matched.get());

      // The odd label values of the fake exporter came through the RW 2.0 symbol table intact.
      assertThat(viaRw2.export("demo_requests_total{code=\"200\"}")).singleElement()
          .satisfies(s -> assertThat(s.labels()).containsEntry("path", "/a \"quoted\" \\ back\nslash"));
      assertThat(viaRw2.export("demo_requests_total{path=\"/ümlaut/日本\"}")).hasSize(1);

      // A vanished target yields staleness markers: they must reach all three stores, bit for bit.
      peers.stop(fakeExporter);
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        for (VictoriaMetricsClient vm : List.of(direct, viaRw1, viaRw2)) {
          assertThat(vm.export(LAB)).singleElement().satisfies(s ->
              assertThat(s.samples().get(s.samples().size() - 1).isStale()).as("last sample of " + s).isTrue());
        }
      });
      assertThat(viaRw1.export(LAB)).isEqualTo(direct.export(LAB));
      assertThat(viaRw2.export(LAB)).isEqualTo(direct.export(LAB));

      // Prometheus sends metadata every 5 s (metadata-only RW 1.0 requests): A must have counted some.
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() ->
          metrics(gwA).sum("rw_gateway_received_metadata_total", "protocol", "rw1") > 0);
    }
    // Everything stopped: senders flushed into A, A drained into vmRw1 and B, B drained into vmRw2.
    System.out.println("senders and gateways stopped after " + millisSince(started) + " ms");
    assertDeliveredEverything(metrics(gwA), metrics(gwB), viaRw1, viaRw2);
    logBytes(metrics(gwA), metrics(gwB));
  }

  @Test
  void rw2RequestsCarryMetadataExemplarsAndNativeHistograms(Peers peers) throws Exception {
    long started = System.nanoTime();
    PeerProcess capture = peers.startCaptureReceiver("--quiet");
    PeerProcess fakeExporter = peers.startFakeExporter("a");
    Rw2Captures captures = new Rw2Captures(capture);
    try (Teardown teardown = new Teardown()) {
      GatewayHarness gwA = teardown.add(new GatewayHarness(
          TestConfigs.gateway(backend("cap", capture.url(WRITE), Protocol.RW2))));
      teardown.add(peers::stopSenders);
      PeerProcess sender = peers.startPrometheusSender(PrometheusSenderOptions.defaults()
          .withExemplarsAndNativeHistograms().withExtraTargets(fakeExporter), List.of(gwA.url(WRITE)));
      Map<String, String> help = PrometheusHelp.of(sender);

      await().atMost(CAPTURES_COMPLETE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        List<Rw2Captures.Captured> all = captures.read();
        assertThat(all).as("captured requests (" + captures.filesOnDisk() + " bodies on disk)").isNotEmpty();
        CapturedSeries found = CapturedSeries.in(all);
        // metadata of Prometheus' own families, joined to series by name and by type-aware suffix
        found.assertTyped("prometheus_build_info", MetricType.METRIC_TYPE_GAUGE, help.get("prometheus_build_info"));
        found.assertTyped("prometheus_http_requests_total", MetricType.METRIC_TYPE_COUNTER,
            help.get("prometheus_http_requests_total"));
        found.assertTyped("prometheus_http_request_duration_seconds_bucket", MetricType.METRIC_TYPE_HISTOGRAM,
            help.get("prometheus_http_request_duration_seconds"));
        found.assertLatestSelfScrapeFullyTyped();
        // the fake exporter's native histogram and its counter's exemplar (protobuf scrape)
        found.assertNativeHistogram("demo_request_duration_seconds", 3);
        found.assertTyped("demo_request_duration_seconds", MetricType.METRIC_TYPE_HISTOGRAM,
            "Request latency (native + classic buckets).");
        found.assertTyped("demo_requests_total", MetricType.METRIC_TYPE_COUNTER, "Requests served.");
        found.assertExemplarAttached("demo_requests_total", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
      });
      System.out.println("RW 2.0 captures complete after " + millisSince(started) + " ms");

      List<Rw2Captures.Captured> all = captures.read();
      CapturedSeries.assertWellFormed(all);
      System.out.println(CapturedSeries.in(all).summary());
      MetricsText a = metrics(gwA);
      assertThat(a.sum("rw_gateway_received_histograms_total", "protocol", "rw1")).isPositive();
      assertThat(a.sum("rw_gateway_received_exemplars_total", "protocol", "rw1")).isPositive();
      assertThat(a.sum("rw_gateway_sent_histograms_total", "backend", "cap")).isPositive();
      assertThat(a.sum("rw_gateway_sent_exemplars_total", "backend", "cap")).isPositive();
      assertThat(a.nonZero("rw_gateway_dropped_")).isEmpty();
      assertThat(a.nonZero("rw_gateway_rejected_")).isEmpty();
      assertThat(a.nonZero("rw_gateway_backend_partial_writes")).isEmpty();
    }
  }

  private static void assertSameStore(String what, List<ExportedSeries> reference, List<ExportedSeries> other,
      ExportDiff diff) {
    assertThat(diff.matches()).as(what + " samples in the common window: " + diff).isTrue();
    assertThat(diff.window()).as(what + " window").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    // node exporter (about a thousand series), Prometheus itself and the fake exporter
    assertThat(diff.seriesCompared()).as(what + ": " + diff).isGreaterThan(500);
    assertThat(diff.samplesCompared()).as(what + ": " + diff).isGreaterThan(diff.seriesCompared());
    Set<SortedMap<String, String>> want = labelSets(reference);
    Set<SortedMap<String, String>> got = labelSets(other);
    assertThat(minus(want, got)).as(what + ": series only in vmDirect").isEmpty();
    assertThat(minus(got, want)).as(what + ": series not in vmDirect").isEmpty();
  }

  /**
   * After the drain, what each hop received it also delivered, and each VictoriaMetrics ingested
   * exactly what the gateway in front of it delivered: nothing dropped, refused or duplicated.
   */
  private static void assertDeliveredEverything(MetricsText a, MetricsText b, VictoriaMetricsClient viaRw1,
      VictoriaMetricsClient viaRw2) {
    double received = a.sum("rw_gateway_received_samples_total", "protocol", "rw1");
    assertThat(received).as("A received RW 1.0 samples").isPositive();
    assertThat(a.sum("rw_gateway_sent_samples_total", "backend", "vm1")).as("A -> vm1").isEqualTo(received);
    assertThat(a.sum("rw_gateway_sent_samples_total", "backend", "gwB")).as("A -> gwB").isEqualTo(received);
    assertThat(b.sum("rw_gateway_received_samples_total", "protocol", "rw2")).as("B received RW 2.0").isEqualTo(received);
    assertThat(b.sum("rw_gateway_sent_samples_total", "backend", "vm")).as("B -> vm").isEqualTo(received);
    assertThat((double) viaRw1.remoteWriteRowsInserted()).as("vmRw1 rows").isEqualTo(received);
    assertThat((double) viaRw2.remoteWriteRowsInserted()).as("vmRw2 rows").isEqualTo(received);
    assertThat(a.sum("rw_gateway_received_metadata_total", "protocol", "rw1")).as("A metadata").isPositive();
    for (MetricsText gateway : List.of(a, b)) {
      assertThat(gateway.nonZero("rw_gateway_dropped_")).isEmpty();
      assertThat(gateway.nonZero("rw_gateway_rejected_")).isEmpty();
      assertThat(gateway.nonZero("rw_gateway_backend_partial_writes")).isEmpty();
      assertThat(gateway.nonZero("rw_gateway_queue_bytes")).isEmpty();
    }
  }

  /** Informative only: the traffic is small and mostly one sender's self-scrape. */
  private static void logBytes(MetricsText a, MetricsText b) {
    double in = a.sum("rw_gateway_received_bytes_total", "protocol", "rw1");
    double toVm1 = a.sum("rw_gateway_sent_bytes_total", "backend", "vm1", "encoding", "snappy");
    double toGwB = a.sum("rw_gateway_sent_bytes_total", "backend", "gwB", "encoding", "snappy");
    System.out.printf("bytes: A received rw1 %.0f in %.0f requests (decoded %.0f); A sent vm1 rw1 %.0f in %.0f"
            + " requests (identity %.0f); A sent gwB rw2 %.0f in %.0f requests (identity %.0f); B received rw2 %.0f%n",
        in, a.sum("rw_gateway_received_requests_total", "protocol", "rw1"),
        a.sum("rw_gateway_received_decoded_bytes_total", "protocol", "rw1"),
        toVm1, a.sum("rw_gateway_sent_requests_total", "backend", "vm1"),
        a.sum("rw_gateway_sent_bytes_total", "backend", "vm1", "encoding", "identity"),
        toGwB, a.sum("rw_gateway_sent_requests_total", "backend", "gwB"),
        a.sum("rw_gateway_sent_bytes_total", "backend", "gwB", "encoding", "identity"),
        b.sum("rw_gateway_received_bytes_total", "protocol", "rw2"));
    System.out.printf("summary: in rw1 %.0f B, out vm1 rw1 %.0f B, out gwB rw2 %.0f B, rw2/in %.3f, rw1 out/in %.3f%n",
        in, toVm1, toGwB, toGwB / in, toVm1 / in);
  }

  private static BackendConfig backend(String name, String url, Protocol protocol) {
    return TestConfigs.withMaxDelay(TestConfigs.backend(name, url, protocol), MAX_DELAY);
  }

  private static MetricsText metrics(GatewayHarness gateway) {
    return MetricsText.parse(gateway.gateway().metrics().scrape());
  }

  private static Set<SortedMap<String, String>> labelSets(List<ExportedSeries> series) {
    Set<SortedMap<String, String>> labels = new HashSet<>();
    for (ExportedSeries s : series) {
      labels.add(s.labels());
    }
    return labels;
  }

  private static Set<SortedMap<String, String>> minus(Set<SortedMap<String, String>> a,
      Set<SortedMap<String, String>> b) {
    Set<SortedMap<String, String>> rest = new HashSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
