package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.GatewayConfig;
import io.rwgateway.config.OnFull;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.RetryConfig;
import io.rwgateway.gateway.e2e.support.DefaultQueueSenderConfig;
import io.rwgateway.gateway.e2e.support.ExportDiff;
import io.rwgateway.gateway.e2e.support.ExportedSeries;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.e2e.support.Teardown;
import io.rwgateway.gateway.e2e.support.VictoriaMetricsClient;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.gateway.testing.TestConfigs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stock Prometheus 2.42 (default queue_config: it retries a 5xx forever and drops a 429) writes
 * through the gateway to a VictoriaMetrics {@code target} that goes down for a minute, and, as a
 * reference, straight to VictoriaMetrics {@code direct}. The gateway has one backend with a small
 * queue: it fills within seconds of the outage, then the gateway refuses Prometheus with 503 +
 * Retry-After (plain backpressure: with one backend nobody else could take the data), so the data
 * waits in Prometheus' WAL instead of being dropped. When {@code target} is back (same port, same
 * data dir) everything is resent: {@code target} must then hold every sample {@code direct} holds,
 * the outage minute included, bit for bit, and the gateway must have dropped nothing.
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class PrometheusBackendOutageTest {
  private static final String WRITE = "/api/v1/write";
  private static final Duration MAX_DELAY = Duration.ofMillis(200);
  /** ExportDiff margin at both window edges, as in {@link PrometheusThroughGatewayTest}. */
  private static final Duration SETTLE = Duration.ofSeconds(2).plus(MAX_DELAY.multipliedBy(2));
  /**
   * Queue of the one backend: small, so that it fills a few seconds into the outage (about 10,000
   * samples: waiting requests count with their snappy size, about 20 bytes a sample) and the rest
   * of the minute is refused with 503 instead of buffered. Accumulating batches count at their
   * decoded size (about 72 KB for Prometheus' 500 samples), so a few requests fill it.
   */
  private static final long QUEUE_BYTES = 256 * 1024;
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  /** Prometheus' remote write starts 5-6 s after its start; then the common window must grow. */
  private static final Duration PATH_WORKS = Duration.ofSeconds(60);
  private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(5);
  private static final Duration CATCH_UP = Duration.ofSeconds(60);
  /** Remote write queue names in the sender's config: URL order. */
  private static final String DIRECT_QUEUE = DefaultQueueSenderConfig.remoteName(0);
  private static final String GATEWAY_QUEUE = DefaultQueueSenderConfig.remoteName(1);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everySampleScrapedWhileTheBackendIsDownReachesItAfterwards(Peers peers) throws Exception {
    long started = System.nanoTime();
    PeerProcess vmDirect = peers.startVictoriaMetrics();
    PeerProcess vmTarget = peers.startVictoriaMetrics();
    PeerProcess nodeExporter = peers.startNodeExporter();
    VictoriaMetricsClient direct = new VictoriaMetricsClient(vmDirect);
    VictoriaMetricsClient target = new VictoriaMetricsClient(vmTarget);
    GatewayHarness gw;
    long outageStartMillis;
    long outageEndMillis;
    long sentBeforeRestart;
    MetricsText senderAfterCatchUp;
    long maxQueueBytes = 0;
    try (Teardown teardown = new Teardown()) {
      GatewayConfig config = TestConfigs.gateway(backend(vmTarget.writeUrl()));
      // the defaults under test: 503 under backpressure, drop_oldest when full
      assertThat(config.ingest().backpressureStatus()).isEqualTo(503);
      assertThat(config.backends().get(0).queue().onFull()).isEqualTo(OnFull.DROP_OLDEST);
      gw = teardown.add(new GatewayHarness(config));
      teardown.add(peers::stopSenders);
      PeerProcess sender = peers.startPrometheusSenderWithConfig(port -> DefaultQueueSenderConfig.yaml(port,
          List.of(vmDirect.writeUrl(), gw.url(WRITE)), Duration.ofSeconds(1), List.of(nodeExporter)));
      System.out.println("peers and gateway up after " + millisSince(started) + " ms");

      // 1. The path works: target holds what direct holds, over a few seconds.
      AtomicReference<ExportDiff> before = new AtomicReference<>();
      await().atMost(PATH_WORKS).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        ExportDiff diff = ExportDiff.inCommonWindow(direct.exportAll(), target.exportAll(), SETTLE);
        assertThat(diff.matches()).as("before the outage: " + diff).isTrue();
        assertThat(diff.window()).as("before the outage: " + diff).isGreaterThanOrEqualTo(BEFORE_OUTAGE);
        before.set(diff);
      });
      System.out.println("before the outage, after " + millisSince(started) + " ms: " + before.get());

      // 2. target goes down for a minute: the small queue fills, the gateway answers 503.
      peers.stop(vmTarget);
      outageStartMillis = System.currentTimeMillis();
      long outageEnds = System.nanoTime() + OUTAGE.toNanos();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
          metrics(gw).sum("rw_gateway_rejected_requests_total", "reason", "backpressure") > 0);
      System.out.println("first 503 " + (System.currentTimeMillis() - outageStartMillis) + " ms into the outage");
      while (System.nanoTime() < outageEnds) {
        MetricsText m = metrics(gw);
        maxQueueBytes = Math.max(maxQueueBytes, (long) m.sum("rw_gateway_queue_bytes", "backend", "target"));
        assertThat(m.nonZero("rw_gateway_dropped_")).as("gateway drops during the outage").isEmpty();
        Thread.sleep(Math.max(1, Math.min(1000, (outageEnds - System.nanoTime()) / 1_000_000)));
      }
      MetricsText during = metrics(gw);
      sentBeforeRestart = (long) during.sum("rw_gateway_sent_samples_total", "backend", "target");
      System.out.printf("outage: %.0f requests refused with 503, %.0f retries to target, queue %.0f samples,"
              + " %.0f bytes now (max seen %d, bound %d)%n",
          during.sum("rw_gateway_rejected_requests_total", "reason", "backpressure"),
          during.sum("rw_gateway_retries_total", "backend", "target"),
          during.sum("rw_gateway_queue_samples", "backend", "target"),
          during.sum("rw_gateway_queue_bytes", "backend", "target"), maxQueueBytes, QUEUE_BYTES);
      assertThat(during.sum("rw_gateway_rejected_requests_total", "reason", "backpressure")).isPositive();
      assertThat(during.nonZero("rw_gateway_dropped_")).isEmpty();

      // 3. target is back with its data; Prometheus resends what it kept in its WAL.
      peers.restartVictoriaMetrics(vmTarget);
      outageEndMillis = System.currentTimeMillis();
      System.out.println("outage lasted " + (outageEndMillis - outageStartMillis) + " ms");
      AtomicReference<String> progress = new AtomicReference<>();
      AtomicReference<ExportDiff> caughtUp = new AtomicReference<>();
      await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        MetricsText s = prometheusMetrics(sender);
        double newest = s.sum("prometheus_remote_storage_highest_timestamp_in_seconds");
        double sentDirect = s.sum("prometheus_remote_storage_queue_highest_sent_timestamp_seconds",
            "remote_name", DIRECT_QUEUE);
        double sentGateway = s.sum("prometheus_remote_storage_queue_highest_sent_timestamp_seconds",
            "remote_name", GATEWAY_QUEUE);
        MetricsText g = metrics(gw);
        progress.set(String.format("newest %.0f, sent direct %.0f, sent gateway %.0f, pending gateway %.0f,"
                + " shards gateway %.0f, gateway queue %.0f samples", newest, sentDirect, sentGateway,
            s.sum("prometheus_remote_storage_samples_pending", "remote_name", GATEWAY_QUEUE),
            s.sum("prometheus_remote_storage_shards", "remote_name", GATEWAY_QUEUE),
            g.sum("rw_gateway_queue_samples", "backend", "target")));
        assertThat(sentGateway * 1000).as(progress.get()).isGreaterThan(outageEndMillis);
        assertThat(sentGateway).as(progress.get()).isGreaterThanOrEqualTo(sentDirect - 2);
        // and target really holds it all, up to after the outage
        ExportDiff diff = ExportDiff.inCommonWindow(direct.exportAll(), target.exportAll(), SETTLE);
        assertThat(diff.matches()).as("catching up: " + diff).isTrue();
        assertThat(diff.toMillis()).as("catching up: " + diff).isGreaterThan(outageEndMillis);
        caughtUp.set(diff);
      });
      System.out.println("Prometheus caught up after " + millisSince(started) + " ms: " + progress.get() + "; "
          + caughtUp.get());
      senderAfterCatchUp = prometheusMetrics(sender);
      System.out.printf("Prometheus queue %s (gateway): %.0f samples sent, %.0f retried, %.0f failed,"
              + " %.0f shards; queue %s (direct): %.0f samples sent, %.0f retried%n", GATEWAY_QUEUE,
          senderAfterCatchUp.sum("prometheus_remote_storage_samples_total", "remote_name", GATEWAY_QUEUE),
          senderAfterCatchUp.sum("prometheus_remote_storage_samples_retried_total", "remote_name", GATEWAY_QUEUE),
          senderAfterCatchUp.sum("prometheus_remote_storage_samples_failed_total", "remote_name", GATEWAY_QUEUE),
          senderAfterCatchUp.sum("prometheus_remote_storage_shards", "remote_name", GATEWAY_QUEUE), DIRECT_QUEUE,
          senderAfterCatchUp.sum("prometheus_remote_storage_samples_total", "remote_name", DIRECT_QUEUE),
          senderAfterCatchUp.sum("prometheus_remote_storage_samples_retried_total", "remote_name", DIRECT_QUEUE));
      peers.stop(sender); // flushes its queues into direct and the gateway
    }
    // Everything stopped: Prometheus flushed into direct and the gateway, the gateway drained into target.
    System.out.println("sender and gateway stopped after " + millisSince(started) + " ms");

    List<ExportedSeries> reference = direct.exportAll();
    List<ExportedSeries> behind = target.exportAll();
    ExportDiff diff = ExportDiff.inCommonWindow(reference, behind, SETTLE);
    long inOutage = samplesBetween(reference, outageStartMillis, outageEndMillis);
    System.out.println("final comparison: " + diff + "; " + inOutage + " samples of direct scraped during the outage");
    assertThat(diff.matches()).as("samples in the common window: " + diff).isTrue();
    assertThat(diff.fromMillis()).as("window starts before the outage: " + diff).isLessThan(outageStartMillis);
    assertThat(diff.toMillis()).as("window ends after the outage: " + diff).isGreaterThan(outageEndMillis);
    // node exporter (about a thousand series) and Prometheus itself, scraped every second
    assertThat(diff.seriesCompared()).as(diff.toString()).isGreaterThan(500);
    // every series scraped every second of the outage, give or take a slow scrape
    assertThat(inOutage).as("samples scraped during the outage").isGreaterThan(
        diff.seriesCompared() * (OUTAGE.toSeconds() / 2));
    Set<SortedMap<String, String>> want = labelSets(reference);
    Set<SortedMap<String, String>> got = labelSets(behind);
    assertThat(minus(want, got)).as("series only in direct").isEmpty();
    assertThat(minus(got, want)).as("series only in target").isEmpty();

    // Prometheus never gave up on a request to the gateway: 503s were retried, nothing was dropped.
    assertThat(senderAfterCatchUp.sum("prometheus_remote_storage_samples_retried_total", "remote_name",
        GATEWAY_QUEUE)).as("samples Prometheus resent to the gateway").isPositive();
    assertThat(senderAfterCatchUp.lines()).as("Prometheus exposes its failed samples")
        .anyMatch(line -> line.name().equals("prometheus_remote_storage_samples_failed_total")
            && GATEWAY_QUEUE.equals(line.labels().get("remote_name")));
    assertThat(senderAfterCatchUp.sum("prometheus_remote_storage_samples_failed_total", "remote_name",
        GATEWAY_QUEUE)).as("samples Prometheus dropped after a non-retryable answer of the gateway").isZero();
    assertDeliveredEverything(metrics(gw), target, sentBeforeRestart);
  }

  /**
   * After the drain, the gateway delivered all it received (nothing dropped, only backpressure
   * refusals, which Prometheus retried), and target, since its restart, ingested exactly what the
   * gateway delivered since then.
   */
  private static void assertDeliveredEverything(MetricsText g, VictoriaMetricsClient target, long sentBeforeRestart) {
    double received = g.sum("rw_gateway_received_samples_total", "protocol", "rw1");
    double sent = g.sum("rw_gateway_sent_samples_total", "backend", "target");
    double refused = g.sum("rw_gateway_rejected_requests_total", "reason", "backpressure");
    long rowsSinceRestart = target.remoteWriteRowsInserted();
    System.out.printf("gateway: received %.0f samples, sent %.0f (%d before the outage ended, %d after);"
            + " %.0f requests refused with 503 of %.0f; target ingested %d rows since its restart%n",
        received, sent, sentBeforeRestart, (long) sent - sentBeforeRestart, refused,
        g.sum("rw_gateway_received_requests_total", "protocol", "rw1"), rowsSinceRestart);
    assertThat(received).as("received RW 1.0 samples").isPositive();
    assertThat(g.sum("rw_gateway_accepted_samples_total", "backend", "target")).as("accepted").isEqualTo(received);
    assertThat(sent).as("sent to target").isEqualTo(received);
    assertThat((double) rowsSinceRestart).as("target rows since its restart").isEqualTo(sent - sentBeforeRestart);
    assertThat(refused).as("requests refused with 503").isPositive();
    assertThat(g.sum("rw_gateway_received_requests_total", "protocol", "rw1", "code", "503")).isEqualTo(refused);
    assertThat(g.nonZero("rw_gateway_rejected_")).allSatisfy(line ->
        assertThat(line.labels()).containsEntry("reason", "backpressure"));
    assertThat(g.nonZero("rw_gateway_dropped_")).isEmpty();
    assertThat(g.nonZero("rw_gateway_backend_partial_writes")).isEmpty();
    assertThat(g.nonZero("rw_gateway_queue_bytes")).isEmpty();
    assertThat(g.nonZero("rw_gateway_queue_samples")).isEmpty();
  }

  private static BackendConfig backend(String url) {
    BackendConfig b = TestConfigs.backend("target", url, Protocol.RW1);
    b = TestConfigs.withQueue(b, QUEUE_BYTES);
    b = TestConfigs.withRetry(b, new RetryConfig(Duration.ofMillis(30), Duration.ofSeconds(1), true));
    return TestConfigs.withMaxDelay(b, MAX_DELAY);
  }

  private static MetricsText metrics(GatewayHarness gateway) {
    return MetricsText.parse(gateway.gateway().metrics().scrape());
  }

  /** Prometheus' own /metrics (its remote storage counters), in the text format. */
  private static MetricsText prometheusMetrics(PeerProcess prometheus) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(prometheus.url("/metrics")))
        .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("cannot read " + request.uri() + " (HTTP " + response.statusCode() + ")");
      }
      return MetricsText.parse(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cannot read " + request.uri() + ": interrupted", e);
    }
  }

  private static long samplesBetween(List<ExportedSeries> series, long fromMillis, long toMillis) {
    long n = 0;
    for (ExportedSeries s : series) {
      n += s.samplesBetween(fromMillis, toMillis).size();
    }
    return n;
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
