package io.rwgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rwgateway.config.BatchConfig;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowProjectionTest {
  private static final long SECOND = 1_000_000_000L;
  private static final int SERIES = 4_000;

  /** One Prometheus-sized request (500 series) of a scrape, as the gateway decodes it. */
  private static MetricBatch request(int first, long timestampMillis) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = first; i < first + 500; i++) {
      int family = i / 40;
      b.series("__name__", "node_family_" + family + "_total", "instance", "10.0." + (i % 60) + ".4:9100",
              "job", "node", "cpu", Integer.toString(i % 40))
          .type(MetricType.COUNTER).help("Seconds spent in mode " + family + " by each CPU.")
          .sample(timestampMillis, i * 1.5 + timestampMillis).add();
    }
    return b.build();
  }

  /** Ten virtual minutes of 15 s scrapes, each scrape's requests over its first two seconds. */
  private static void feed(WindowProjection projection, AtomicLong clock) {
    for (int second = 0; second < 600; second++) {
      clock.set(second * SECOND);
      if (second % 15 < 2) {
        long scrape = 1_700_000_000_000L + (second / 15) * 15_000L;
        int half = SERIES / 2;
        for (int first = (second % 15) * half; first < (second % 15 + 1) * half; first += 500) {
          projection.add(request(first, scrape), 60_000);
        }
      }
      for (int tick = 0; tick < 4; tick++) {
        clock.set(second * SECOND + tick * SECOND / 4);
        projection.flushDue();
      }
    }
  }

  @Test
  void longerWindowsProjectFewerBytesWhenTheyHoldSeveralScrapesOfASeries() {
    GatewayMetrics metrics = new GatewayMetrics();
    AtomicLong clock = new AtomicLong();
    WindowProjection projection = new WindowProjection(BatchConfig.defaults(), 32L << 20, () -> 0.9, metrics, clock::get);

    assertThat(projection.summary()).isNull();
    feed(projection, clock);

    double r15 = gauge(metrics, "15s");
    double r30 = gauge(metrics, "30s");
    double r60 = gauge(metrics, "60s");
    assertThat(gauge(metrics, "5s")).isCloseTo(0.9, within(1e-9));
    assertThat(r30).isLessThan(r15 * 0.85);
    assertThat(r60).isLessThan(r30 * 0.85);
    assertThat(r60).isLessThan(0.9 * 0.6);
    assertThat(projection.summary()).matches("estimate at max_delay 15s: 0\\.\\d\\dx, 30s: 0\\.\\d\\dx, 60s: 0\\.\\d\\dx");
  }

  @Test
  void aWindowThatWouldPassItsShareOfTheQueueFlushesEarlyAndSavesLess() {
    GatewayMetrics roomy = new GatewayMetrics();
    AtomicLong clock = new AtomicLong();
    feed(new WindowProjection(BatchConfig.defaults(), 32L << 20, () -> 0.9, roomy, clock::get), clock);
    GatewayMetrics tight = new GatewayMetrics();
    clock.set(0);
    // A scrape is 8 requests of 60,000 estimated bytes; an eighth of 1 MiB holds about two scrapes
    // of the 1-in-8 sample, so a 60 s window cannot hold its four.
    feed(new WindowProjection(BatchConfig.defaults(), 1L << 20, () -> 0.9, tight, clock::get), clock);

    assertThat(gauge(tight, "60s")).isGreaterThan(gauge(roomy, "60s") * 1.1);
  }

  private static double gauge(GatewayMetrics metrics, String maxDelay) {
    return metrics.registry().get(GatewayMetrics.PREFIX + "estimated_rw2_ratio").tag("max_delay", maxDelay).gauge().value();
  }
}
