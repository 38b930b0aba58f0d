package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.GatewayConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.e2e.support.FleetSenderConfig;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.e2e.support.Teardown;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.gateway.testing.RecordingBackend;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Egress at scale (issue 10) on real traffic: a stock Prometheus 2.42 (default queue_config)
 * scrapes one real node exporter as a fleet of {@value #HOSTS} relabelled hosts (distinct
 * {@code instance}, {@code zone}, {@code env}) plus itself, every second, and remote-writes RW 1.0
 * to an in-process gateway with default settings and one RW 2.0 backend. The gateway cuts each 5 s
 * window into requests by series (a series' labels and metadata once per request, its five
 * samples after them), so the RW 2.0 it sends must be well under the RW 1.0 it receives, and
 * nothing may be lost on the way: every sample Prometheus sent is accepted, delivered and stored
 * by the backend, and nothing is dropped or refused.
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class PrometheusFleetEgressTest {
  private static final String WRITE = "/api/v1/write";
  /** About 510 node exporter series a host, so about 8,000 series and samples a second with Prometheus'. */
  private static final int HOSTS = 15;
  private static final Duration SCRAPE = Duration.ofSeconds(1);
  /** Default is 1 m, longer than the test: the first metadata comes with the first samples instead. */
  private static final Duration METADATA_INTERVAL = Duration.ofSeconds(5);
  /** Prometheus' remote write starts 5-6 s after its start; then about six 5 s windows. */
  private static final Duration SCRAPING = Duration.ofSeconds(36);
  /** About 30 scrapes of the fleet (at least 400 series a host). */
  private static final double SAMPLES_TO_SEND = HOSTS * 400 * 30;
  /**
   * Bound on compressed RW 2.0 out / compressed RW 1.0 sample bytes in: the target at 1 s
   * scrapes with the default 5 s window. This test measured 0.235 (2 cores shared with other work;
   * docs/real-traffic-results.md has the runs of loadtest/egress-real-traffic.sh), so the bound
   * leaves about 25% for noise: CPU stalls that flush a window early, fewer scrapes in the first
   * and last windows. With a 1 ms window (each series once per request with its labels and HELP,
   * as before the window was cut by series) it measured 1.234, so a regression fails here.
   */
  private static final double MAX_RATIO = 0.30;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aRelabelledFleetAtOneSecondScrapesGoesOutAsRw2UnderAThirdOfItsRw1BytesWithoutLoss(Peers peers)
      throws Exception {
    long started = System.nanoTime();
    PeerProcess nodeExporter = peers.startNodeExporter();
    Vertx vertx = Vertx.vertx();
    MetricsText sender;
    MetricsText gateway;
    RecordingBackend backend;
    String writeUrl;
    try (Teardown teardown = new Teardown()) {
      teardown.add(() -> vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
      backend = teardown.add(new RecordingBackend(vertx, false).start());
      BackendConfig rw2 = BackendConfig.withDefaults("rw2", URI.create(backend.url()));
      // the defaults under test: RW 2.0, full metadata, one shard, a 5 s window
      assertThat(rw2.protocol()).isEqualTo(Protocol.RW2);
      assertThat(rw2.metadata()).isEqualTo(MetadataDetail.FULL);
      assertThat(rw2.concurrency()).isEqualTo(1);
      assertThat(rw2.batch().maxDelay()).isEqualTo(Duration.ofSeconds(5));
      GatewayConfig config = TestConfigs.gateway(rw2);
      GatewayHarness gw = teardown.add(new GatewayHarness(config));
      writeUrl = gw.url(WRITE);
      teardown.add(peers::stopSenders);
      PeerProcess prometheus = peers.startPrometheusSenderWithConfig(port -> FleetSenderConfig.yaml(port,
          writeUrl, SCRAPE, METADATA_INTERVAL, nodeExporter, HOSTS), List.of("--web.enable-lifecycle"));
      System.out.println("peers and gateway up after " + millisSince(started) + " ms");

      // Enough traffic for several 5 s windows: about 30 scrapes of the fleet sent, however fast
      // this machine scrapes (a slow CI core takes longer, it does not measure less).
      await().atMost(SCRAPING.multipliedBy(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
          prometheusMetrics(prometheus).sum("prometheus_remote_storage_samples_total") >= SAMPLES_TO_SEND);
      MetricsText during = prometheusMetrics(prometheus);
      System.out.printf("after %d ms: %.0f head series, %.0f samples sent, %.0f shards%n", millisSince(started),
          during.sum("prometheus_tsdb_head_series"), during.sum("prometheus_remote_storage_samples_total"),
          during.sum("prometheus_remote_storage_shards"));
      assertThat(during.sum("prometheus_tsdb_head_series")).as("the fleet's series").isGreaterThan(HOSTS * 400);

      // Stop scraping and let Prometheus' queue drain, so that its counters are final while it
      // still runs (a scrape pool removed by a reload writes no staleness markers in 2.42).
      Files.writeString(prometheus.dir().resolve("prometheus-sender.yml"),
          FleetSenderConfig.withoutScrapes(writeUrl, SCRAPE, METADATA_INTERVAL));
      post(prometheus.url("/-/reload"));
      AtomicReference<Double> last = new AtomicReference<>(-1.0);
      await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3))
          .until(() -> {
            MetricsText s = prometheusMetrics(prometheus);
            double sent = s.sum("prometheus_remote_storage_samples_total");
            boolean settled = sent == last.get() && s.sum("prometheus_remote_storage_samples_pending") == 0;
            last.set(sent);
            return settled;
          });
      sender = prometheusMetrics(prometheus);
      System.out.println("Prometheus drained after " + millisSince(started) + " ms");

      // The gateway's last window (5 s) reaches the backend.
      double received = metrics(gw).sum("rw_gateway_received_samples_total", "protocol", "rw1");
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
          metrics(gw).sum("rw_gateway_sent_samples_total", "backend", "rw2") >= received
              && metrics(gw).sum("rw_gateway_queue_samples", "backend", "rw2") == 0);
      gateway = metrics(gw);
      System.out.println("gateway drained after " + millisSince(started) + " ms");
    }

    double promSent = sender.sum("prometheus_remote_storage_samples_total");
    double promSampleBytes = sender.sum("prometheus_remote_storage_bytes_total");
    double bytesIn = gateway.sum("rw_gateway_received_bytes_total", "protocol", "rw1");
    double bytesOut = gateway.sum("rw_gateway_sent_bytes_total", "backend", "rw2", "encoding", "snappy");
    double received = gateway.sum("rw_gateway_received_samples_total", "protocol", "rw1");
    double sent = gateway.sum("rw_gateway_sent_samples_total", "backend", "rw2");
    // Prometheus' sample bytes leave out its metadata-only requests, which the gateway counts as
    // input but does not forward as such: the ratio over sample bytes is the stricter one.
    double ratio = bytesOut / promSampleBytes;
    System.out.printf("Prometheus: %.0f samples sent (%.0f failed, %.0f retried, %.0f dropped), %.0f sample bytes,"
            + " %.0f metadata bytes%n", promSent, sender.sum("prometheus_remote_storage_samples_failed_total"),
        sender.sum("prometheus_remote_storage_samples_retried_total"),
        sender.sum("prometheus_remote_storage_samples_dropped_total"), promSampleBytes,
        sender.sum("prometheus_remote_storage_metadata_bytes_total"));
    System.out.printf("gateway: %.0f RW 1.0 requests, %.0f bytes, %.0f samples, %.0f metadata in; %.0f RW 2.0"
            + " requests, %.0f bytes, %.0f samples out; out / in %.3f (over all RW 1.0 bytes %.3f);"
            + " backend stored %d points in %d series (%d with HELP)%n",
        gateway.sum("rw_gateway_received_requests_total", "protocol", "rw1"), bytesIn, received,
        gateway.sum("rw_gateway_received_metadata_total", "protocol", "rw1"),
        gateway.sum("rw_gateway_sent_requests_total", "backend", "rw2"), bytesOut, sent, ratio, bytesOut / bytesIn,
        backend.storedPoints(), backend.series(), backend.seriesWithHelp());

    // Zero loss: Prometheus -> gateway -> backend, every sample, nothing dropped or refused.
    assertThat(promSent).as("samples Prometheus sent").isGreaterThan(HOSTS * 400 * 20);
    assertThat(sender.sum("prometheus_remote_storage_samples_failed_total")).as("Prometheus failed").isZero();
    assertThat(sender.sum("prometheus_remote_storage_samples_dropped_total")).as("Prometheus dropped").isZero();
    assertThat(received).as("received by the gateway").isEqualTo(promSent);
    assertThat(gateway.sum("rw_gateway_accepted_samples_total", "backend", "rw2")).as("accepted").isEqualTo(received);
    assertThat(sent).as("sent to the backend").isEqualTo(received);
    assertThat((double) backend.storedPoints()).as("stored by the backend").isEqualTo(sent);
    assertThat(gateway.nonZero("rw_gateway_rejected_")).as("refused by the gateway").isEmpty();
    assertThat(gateway.nonZero("rw_gateway_dropped_")).as("dropped by the gateway").isEmpty();
    assertThat(gateway.nonZero("rw_gateway_queue_samples")).as("still queued").isEmpty();
    assertThat(backend.outOfOrder()).as("series out of order at the backend").isEmpty();
    assertThat(instances(backend)).as("hosts seen by the backend").hasSizeGreaterThanOrEqualTo(HOSTS);
    // Full metadata reached the backend (the ratio includes the HELP text of every family).
    assertThat(gateway.sum("rw_gateway_received_metadata_total", "protocol", "rw1")).isPositive();
    assertThat(backend.seriesWithHelp()).as("series with HELP of " + backend.series())
        .isGreaterThan(backend.series() * 3 / 4);

    // What the gateway says of the trade-off, on real traffic: the scrape interval it sees and
    // how many scrapes of a series a request carries (1 s scrapes, 5 s window: about 5).
    assertThat(gateway.sum("rw_gateway_scrape_interval_seconds")).as("scrape interval seen").isBetween(0.9, 1.1);
    assertThat(gateway.sum("rw_gateway_samples_per_series", "backend", "rw2")).as("samples per series").isBetween(3.0, 6.0);

    assertThat(ratio).as("compressed RW 2.0 out / compressed RW 1.0 sample bytes in").isLessThanOrEqualTo(MAX_RATIO);
    assertThat(bytesOut / bytesIn).as("compressed RW 2.0 out / compressed RW 1.0 in").isLessThanOrEqualTo(MAX_RATIO);
  }

  private static Set<String> instances(RecordingBackend backend) {
    Set<String> hosts = new TreeSet<>();
    for (String labels : backend.points().keySet()) {
      int at = labels.indexOf("instance=\"host-");
      if (at >= 0) {
        hosts.add(labels.substring(at, labels.indexOf('"', at + "instance=\"".length()) + 1));
      }
    }
    return hosts;
  }

  private static MetricsText metrics(GatewayHarness gateway) {
    return MetricsText.parse(gateway.gateway().metrics().scrape());
  }

  private static void post(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST " + url + ": " + response.body()).isEqualTo(200);
  }

  /** Prometheus' own /metrics (its remote storage counters), in the text format. */
  private static MetricsText prometheusMetrics(PeerProcess prometheus) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(prometheus.url("/metrics")))
        .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + request.uri()).isEqualTo(200);
    return MetricsText.parse(response.body());
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
