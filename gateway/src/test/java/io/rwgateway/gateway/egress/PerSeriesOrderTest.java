package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.TenantConfig;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.OrderedWriters;
import io.rwgateway.gateway.testing.RecordingBackend;
import io.rwgateway.gateway.testing.TestConfigs;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per series, samples reach every backend in timestamp order (remote-write.md §1.6), whatever the
 * number of ingest threads, through every path: float samples, native histograms, exemplars
 * (Prometheus' exemplar-only series next to samples, and samples carrying exemplars), tenant
 * split, a backend that falls back to RW 1.0 after a 415, and backends that answer 503 now and then
 * (retries). Small batches and a 5 ms flush make take, encode and enqueue race on every core.
 */
class PerSeriesOrderTest {
  private static final int WRITERS = 6;
  private static final int ROUNDS = 100;
  private static final long TS = 1_700_000_000_000L;

  private Vertx vertx;
  private final List<RecordingBackend> backends = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    for (RecordingBackend b : backends) {
      b.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private RecordingBackend backend(boolean rw1Only) throws Exception {
    RecordingBackend b = new RecordingBackend(vertx, rw1Only).start();
    backends.add(b);
    return b;
  }

  private static BackendConfig racing(BackendConfig b) {
    return TestConfigs.withConcurrency(TestConfigs.withBatch(b, new BatchConfig(40, 1 << 20, Duration.ofMillis(5))), 2);
  }

  @Test
  void everySeriesArrivesInTimestampOrderAtEveryBackend() throws Exception {
    RecordingBackend rw2 = backend(false);
    RecordingBackend rw1 = backend(false);
    RecordingBackend tenants = backend(false);
    RecordingBackend rw1Only = backend(true);
    List<BackendConfig> configs = List.of(
        racing(TestConfigs.backend("rw2", rw2.url(), Protocol.RW2)),
        racing(TestConfigs.backend("rw1", rw1.url(), Protocol.RW1)),
        racing(TestConfigs.withTenant(TestConfigs.backend("tenants", tenants.url(), Protocol.RW2),
            new TenantConfig("team", "X-Scope-OrgID", "nobody", false))),
        racing(TestConfigs.backend("fallback", rw1Only.url(), Protocol.AUTO)));
    AtomicBoolean flapping = new AtomicBoolean(true);
    Thread flapper = new Thread(() -> {
      // 503 bursts on two backends: their shards retry while new requests queue behind.
      for (int i = 0; flapping.get(); i++) {
        if (i % 2 == 0) {
          rw2.answer(503);
          rw1.answer(503);
        } else {
          rw2.answerOk();
          rw1.answerOk();
        }
        sleep(i % 2 == 0 ? 40 : 120);
      }
      rw2.answerOk();
      rw1.answerOk();
    });
    flapper.start();

    long expectedPoints;
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.onPort(
        TestConfigs.gateway(configs.toArray(new BackendConfig[0])), OrderedWriters.freePort()))) {
      List<String> refusals = OrderedWriters.run(gw, WRITERS, ROUNDS, round -> TS + round * 1000L);
      assertThat(refusals).as("the gateway refused nothing").isEmpty();
      flapping.set(false);
      flapper.join();
      expectedPoints = WRITERS * ROUNDS * OrderedWriters.pointsPerRound();
    }
    // The harness stopped the gateway: everything accumulated was flushed and delivered.
    for (RecordingBackend b : List.of(rw2, rw1, tenants, rw1Only)) {
      assertThat(b.outOfOrder()).as("series out of order at " + b.url()).isEmpty();
      assertThat(b.storedPoints()).as("points stored at " + b.url()).isEqualTo(expectedPoints);
    }
    assertThat(rw1Only.rw2Requests()).as("the RW 1.0-only backend stored no RW 2.0").isZero();
    assertThat(tenants.points().keySet()).anyMatch(k -> k.startsWith("a/")).anyMatch(k -> k.startsWith("b/"))
        .anyMatch(k -> k.startsWith("nobody/"));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
