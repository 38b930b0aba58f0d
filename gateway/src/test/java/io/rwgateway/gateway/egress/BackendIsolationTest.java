package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.gateway.testing.Payloads;
import io.rwgateway.gateway.testing.RecordingBackend;
import io.rwgateway.gateway.testing.TestConfigs;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A dead or slow backend never changes what the others receive (architecture.md "Routes are
 * isolated"). Under a steady load, one backend goes through a closed port, then 503s, then answers
 * that never come; the other backend gets every sample, in order, as fast as before, the sender is
 * never refused, and the failing backend's losses are counted (queue_full) and add up.
 */
class BackendIsolationTest {
  private static final long PHASE_MS = 4000;
  private static final int SERIES = 200;
  private static final long TS = 1_700_000_000_000L;

  @Test
  void aFailingBackendChangesNothingForTheOther() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RecordingBackend healthy = new RecordingBackend(vertx, false).start();
        RecordingBackend flaky = new RecordingBackend(vertx, false).start()) {
      BatchConfig batch = new BatchConfig(10_000, 4 << 20, Duration.ofMillis(100));
      BackendConfig good = TestConfigs.withBatch(TestConfigs.backend("healthy", healthy.url(), Protocol.RW2), batch);
      BackendConfig bad = TestConfigs.withTimeout(TestConfigs.withQueue(
          TestConfigs.withBatch(TestConfigs.backend("flaky", flaky.url(), Protocol.RW2), batch), 96 * 1024),
          Duration.ofSeconds(1));
      Map<Long, Long> sentAt = new ConcurrentHashMap<>();
      List<String> refusals = Collections.synchronizedList(new ArrayList<>());
      List<String> phases = List.of("ok", "closed", "503", "hang", "recovered");
      long[] phaseStart = new long[phases.size() + 1];
      long rounds = 0;
      try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(good, bad))) {
        long start = System.nanoTime();
        for (int p = 0; p < phases.size(); p++) {
          switch (phases.get(p)) {
            case "closed" -> flaky.closePort();
            case "503" -> {
              flaky.reopen();
              flaky.answer(503);
            }
            case "hang" -> flaky.hang();
            case "recovered" -> flaky.answerOk();
            default -> { }
          }
          phaseStart[p] = rounds;
          long phaseEnd = start + (p + 1) * PHASE_MS * 1_000_000;
          // One Prometheus-sized request (200 samples) every 20 ms: 10k samples/s.
          while (System.nanoTime() < phaseEnd) {
            long round = rounds++;
            sentAt.put(TS + round, System.nanoTime());
            HttpResponse<String> r = gw.write(GatewayHarness.CT_RW1, Payloads.rw1Many("load", SERIES, TS + round));
            if (r.statusCode() != 204) {
              refusals.add(phases.get(p) + ": " + r.statusCode() + " " + r.body());
            }
            long next = start + (round + 1) * 20_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
              Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
          }
        }
        phaseStart[phases.size()] = rounds;
        assertThat(refusals).as("the sender was never refused").isEmpty();
        long expected = rounds * SERIES;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> healthy.storedPoints() == expected);

        // The healthy backend: every sample, in order, and as fast in every phase as before the outage.
        assertThat(healthy.outOfOrder()).isEmpty();
        Map<String, List<RecordingBackend.Point>> got = healthy.points();
        long[] p99 = new long[phases.size()];
        for (int p = 0; p < phases.size(); p++) {
          List<Long> delays = new ArrayList<>();
          for (List<RecordingBackend.Point> series : got.values()) {
            for (RecordingBackend.Point point : series) {
              long round = point.timestamp() - TS;
              if (round >= phaseStart[p] && round < phaseStart[p + 1]) {
                delays.add(point.arrivedNanos() - sentAt.get(point.timestamp()));
              }
            }
          }
          Collections.sort(delays);
          p99[p] = delays.get((int) (delays.size() * 0.99)) / 1_000_000;
        }
        System.out.println("healthy backend p99 delivery delay per phase (ms): " + phases + " " + java.util.Arrays.toString(p99));
        // The baseline: the better of before (it includes the JIT's warm-up) and after the outage.
        long baseline = Math.min(p99[0], p99[phases.size() - 1]);
        for (int p = 1; p < phases.size() - 1; p++) {
          assertThat(p99[p]).as("p99 delay of the healthy backend while the other is " + phases.get(p) + " (ms)")
              .isLessThanOrEqualTo(Math.max(2 * baseline, baseline + 250));
        }

        // The failing backend: it lost data while down (its own queue, its own count), and what it
        // accepted is delivered, dropped by reason, or still queued.
        MetricsText m = MetricsText.parse(gw.gateway().metrics().scrape());
        assertThat(m.sum("rw_gateway_dropped_samples_total", "backend", "flaky", "reason", "queue_full")).isPositive();
        assertThat(m.sum("rw_gateway_dropped_samples_total", "backend", "healthy")).isZero();
        assertThat(m.sum("rw_gateway_retries_total", "backend", "flaky", "reason", "network_error")).isPositive();
        assertThat(m.sum("rw_gateway_retries_total", "backend", "flaky", "reason", "http_5xx")).isPositive();
        assertThat(m.sum("rw_gateway_retries_total", "backend", "flaky", "reason", "timeout")).isPositive();
        assertThat(m.sum("rw_gateway_queue_bytes", "backend", "flaky")).isLessThanOrEqualTo(96 * 1024 + 64 * 1024);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
          MetricsText now = MetricsText.parse(gw.gateway().metrics().scrape());
          assertThat(now.sum("rw_gateway_sent_samples_total", "backend", "flaky")
              + now.sum("rw_gateway_dropped_samples_total", "backend", "flaky")
              + now.sum("rw_gateway_queue_samples", "backend", "flaky"))
              .isEqualTo(now.sum("rw_gateway_accepted_samples_total", "backend", "flaky"));
          assertThat(now.sum("rw_gateway_queue_samples", "backend", "flaky")).isZero();
        });
        assertThat(flaky.outOfOrder()).as("what the failing backend got is in order too").isEmpty();
        assertThat(flaky.storedPoints()).isPositive();
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
