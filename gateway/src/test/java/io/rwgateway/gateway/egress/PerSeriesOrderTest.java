package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.TenantConfig;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.Payloads;
import io.rwgateway.gateway.testing.RecordingBackend;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
  private static final int SERIES_PER_WRITER = 12;
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

    long expectedPoints = 0;
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.onPort(
        TestConfigs.gateway(configs.toArray(new BackendConfig[0])), freePort()))) {
      ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread t = new Thread(() -> {
          for (int round = 0; round < ROUNDS; round++) {
            byte[] body = request(writer, TS + round * 1000L);
            try {
              HttpResponse<String> r = gw.write(GatewayHarness.CT_RW1, body);
              if (r.statusCode() != 204) {
                refusals.add(r.statusCode() + " " + r.body());
              }
            } catch (Exception e) {
              refusals.add(e.toString());
            }
          }
        });
        t.start();
        writers.add(t);
      }
      for (Thread t : writers) {
        t.join();
      }
      assertThat(refusals).as("the gateway refused nothing").isEmpty();
      flapping.set(false);
      flapper.join();
      expectedPoints = (long) WRITERS * ROUNDS * SERIES_PER_WRITER;
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

  /**
   * One writer's request for one round: as Prometheus sends it, one TimeSeries per sample,
   * histograms in their own series, exemplars in exemplar-only series next to the samples; a
   * quarter of the series carry an exemplar on the sample itself instead.
   */
  private static byte[] request(int writer, long ts) {
    Rw1Proto.WriteRequest.Builder w = Rw1Proto.WriteRequest.newBuilder();
    for (int s = 0; s < SERIES_PER_WRITER; s++) {
      String team = s % 3 == 0 ? "a" : s % 3 == 1 ? "b" : null;
      List<String> labels = new ArrayList<>(List.of("job", "w" + writer, "series", Integer.toString(s)));
      if (team != null) {
        labels.add("team");
        labels.add(team);
      }
      int kind = s % 4;
      String name = kind == 0 ? "h" : kind == 1 ? "c_total" : kind == 2 ? "g" : "x_total";
      Rw1Proto.TimeSeries.Builder ts1 = Rw1Proto.TimeSeries.newBuilder().addLabels(Payloads.label("__name__", name));
      for (int i = 0; i < labels.size(); i += 2) {
        ts1.addLabels(Payloads.label(labels.get(i), labels.get(i + 1)));
      }
      switch (kind) {
        case 0 -> ts1.addHistograms(Rw1Proto.Histogram.newBuilder().setCountInt(3).setSum(4.5).setSchema(0)
            .setZeroThreshold(0.001).setZeroCountInt(1)
            .addPositiveSpans(Rw1Proto.BucketSpan.newBuilder().setOffset(0).setLength(2))
            .addPositiveDeltas(1).addPositiveDeltas(0).setTimestamp(ts));
        case 1 -> ts1.addSamples(Rw1Proto.Sample.newBuilder().setValue(ts % 1000).setTimestamp(ts))
            .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(Payloads.label("trace_id", "t" + ts))
                .setValue(1).setTimestamp(ts));
        case 2 -> ts1.addSamples(Rw1Proto.Sample.newBuilder().setValue(1).setTimestamp(ts));
        default -> {
          // Prometheus' shape: the sample, then the exemplar in a series of its own.
          Rw1Proto.TimeSeries.Builder exemplarOnly = ts1.clone()
              .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(Payloads.label("trace_id", "x" + ts))
                  .setValue(1).setTimestamp(ts));
          ts1.addSamples(Rw1Proto.Sample.newBuilder().setValue(2).setTimestamp(ts));
          w.addTimeseries(ts1);
          w.addTimeseries(exemplarOnly);
          continue;
        }
      }
      w.addTimeseries(ts1);
    }
    return Payloads.snappy(w.build().toByteArray());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
