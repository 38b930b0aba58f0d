package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rwgateway.gateway.e2e.support.ExportDiff;
import io.rwgateway.gateway.e2e.support.ExportedSeries;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.e2e.support.PrometheusSenderOptions;
import io.rwgateway.gateway.e2e.support.Sample;
import io.rwgateway.gateway.e2e.support.VictoriaMetricsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the end-to-end harness with real peers and no gateway yet: Prometheus 2.42 remote-writes
 * straight to VictoriaMetrics 1.79, once to one backend (through start-prometheus-sender.sh) and
 * once to two backends at the same time, the layout the gateway tests use (Prometheus writes to the
 * gateway and to a reference VictoriaMetrics, and the two stores are compared).
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class PeersSmokeTest {
  /** Prometheus' remote write WAL watcher only starts sending about 5 s after startup. */
  private static final Duration FIRST_DATA = Duration.ofSeconds(30);
  private static final Duration SETTLE = Duration.ofSeconds(2);

  @Test
  void victoriaMetricsStoresThePrometheusSelfScrape(Peers peers) {
    PeerProcess vm = peers.startVictoriaMetrics();
    PeerProcess sender = peers.startPrometheusSender(vm.writeUrl());
    VictoriaMetricsClient client = new VictoriaMetricsClient(vm);
    String up = "up{job=\"prometheus\"}";

    long started = System.nanoTime();
    await().atMost(FIRST_DATA).pollInterval(Duration.ofMillis(500)).until(() -> client.seriesCount() > 100
        && client.export(up).stream().anyMatch(series -> series.samples().size() >= 3));
    System.out.println("3 self-scrapes stored after " + (System.nanoTime() - started) / 1_000_000 + " ms");

    List<ExportedSeries> upSeries = client.export(up);
    assertThat(upSeries).hasSize(1);
    assertThat(upSeries.get(0).labels()).isEqualTo(new TreeMap<>(
        Map.of("__name__", "up", "job", "prometheus", "instance", "127.0.0.1:" + sender.port())));
    List<Sample> samples = upSeries.get(0).samples();
    assertThat(samples).extracting(Sample::value).containsOnly(1.0);
    for (int i = 1; i < samples.size(); i++) {
      // one sample per 1 s scrape: no duplicate, no sample out of order
      assertThat(samples.get(i).timestampMillis() - samples.get(i - 1).timestampMillis()).isGreaterThanOrEqualTo(900);
    }
    assertThat(client.export("prometheus_build_info")).singleElement()
        .satisfies(info -> assertThat(info.labels()).containsEntry("version", "2.42.0+ds"));
    // Prometheus' own count of samples it sent, as it arrived in VictoriaMetrics, cannot exceed
    // what VictoriaMetrics has ingested since: both ends agree that data flowed.
    List<ExportedSeries> sent = client.export("prometheus_remote_storage_samples_total{url=\"" + vm.writeUrl() + "\"}");
    assertThat(sent).hasSize(1);
    double lastSent = sent.get(0).samples().get(sent.get(0).samples().size() - 1).value();
    assertThat(lastSent).isPositive().isLessThanOrEqualTo(client.remoteWriteRowsInserted());
  }

  @Test
  void twoRemoteWriteUrlsReceiveTheSameSamples(Peers peers) {
    PeerProcess left = peers.startVictoriaMetrics();
    PeerProcess right = peers.startVictoriaMetrics();
    PeerProcess nodeExporter = peers.startNodeExporter();
    PeerProcess fakeExporter = peers.startFakeExporter("a");
    peers.startPrometheusSender(PrometheusSenderOptions.defaults().withExtraTargets(nodeExporter, fakeExporter),
        List.of(left.writeUrl(), right.writeUrl()));
    VictoriaMetricsClient leftClient = new VictoriaMetricsClient(left);
    VictoriaMetricsClient rightClient = new VictoriaMetricsClient(right);

    long started = System.nanoTime();
    ExportDiff diff = await().atMost(FIRST_DATA.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
        .until(() -> ExportDiff.inCommonWindow(leftClient.exportAll(), rightClient.exportAll(), SETTLE),
            d -> d.matches() && d.window().compareTo(Duration.ofSeconds(2)) >= 0);
    System.out.println("stores match after " + (System.nanoTime() - started) / 1_000_000 + " ms: " + diff);

    // Prometheus itself, about a thousand node exporter series and the fake exporter's odd ones
    assertThat(diff.seriesCompared()).as(diff.toString()).isGreaterThan(500);
    // the window spans several scrapes: more than one sample per series
    assertThat(diff.samplesCompared()).as(diff.toString()).isGreaterThan(diff.seriesCompared());
    List<ExportedSeries> oddPath = leftClient.export("demo_requests_total{code=\"200\"}");
    assertThat(oddPath).singleElement()
        .satisfies(series -> assertThat(series.labels()).containsEntry("path", "/a \"quoted\" \\ back\nslash"));
    assertThat(leftClient.export("demo_requests_total{path=\"/ümlaut/日本\"}")).hasSize(1);
    assertThat(leftClient.export("demo_temperature_celsius{room=\"inf\"}")).singleElement()
        .satisfies(series -> assertThat(series.samples()).extracting(Sample::value)
            .containsOnly(Double.POSITIVE_INFINITY));
    // both remote_write queues of the one sender are alive and reported in its self-scrape
    assertThat(leftClient.export("prometheus_remote_storage_samples_total"))
        .extracting(series -> series.labels().get("url"))
        .containsExactlyInAnyOrder(left.writeUrl(), right.writeUrl());

    // a vanished target yields staleness markers, which must also reach both stores alike
    peers.stop(fakeExporter);
    String lab = "demo_temperature_celsius{room=\"lab\"}";
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
        .until(() -> endsStale(leftClient.export(lab)) && endsStale(rightClient.export(lab)));
    assertThat(leftClient.export(lab)).isEqualTo(rightClient.export(lab));
  }

  private static boolean endsStale(List<ExportedSeries> series) {
    return series.size() == 1 && series.get(0).samples().get(series.get(0).samples().size() - 1).isStale();
  }
}
