package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.OnFull;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.QueueConfig;
import io.rwgateway.config.RetryConfig;
import io.rwgateway.gateway.pipeline.FanOut;
import io.rwgateway.gateway.telemetry.GatewayMetrics;
import io.rwgateway.gateway.testing.Histograms;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataCadence;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accounting identity of issue "Delivery you can trust": whatever the backends answer (2xx,
 * partial writes, 4xx, 5xx, 413, timeouts, network errors, a sender that throws, answers that never
 * come) and wherever shutdown cuts in, per backend and per kind of item,
 * accepted = delivered + dropped (every reason) + still queued, exactly; every byte reserved is
 * given back; and what the metrics call delivered is what the backend stored.
 */
class DeliveryAccountingTest {
  private static final int SEEDS = 40;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  /** Every drop reason some seed produced: the seeds must reach every path, or the identity proves little. */
  private static final java.util.Set<String> REASONS_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    assertThat(REASONS_SEEN).as("drop reasons the seeds went through").contains("queue_full", "shutdown",
        "backend_rejected", "backend_partial", "send_error");
  }

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 1; s <= SEEDS; s++) {
      seeds.add(s * 7919);
    }
    return seeds;
  }

  /** A backend that answers at random, and remembers what it stored. */
  static final class ChaosSender implements Sender {
    private final Random rnd;
    private final boolean rw2;
    private final List<Promise<Decision>> hanging = new ArrayList<>();
    Counts stored = Counts.ZERO;
    int attempts;
    /** Closed as an HTTP client is: every attempt after that fails at once. */
    boolean closed;

    ChaosSender(long seed, boolean rw2) {
      this.rnd = new Random(seed);
      this.rw2 = rw2;
    }

    @Override
    public Future<Decision> send(OutgoingRequest r, int attempt) {
      attempts++;
      if (closed) {
        return Future.failedFuture(new ConnectException("chaos: client closed"));
      }
      int pick = rnd.nextInt(100);
      Counts sent = r.counts();
      if (pick < 3) {
        throw new IllegalStateException("chaos: a sender bug");
      }
      Promise<Decision> answer = Promise.promise();
      if (pick >= 97) {
        hanging.add(answer);
        return answer.future();
      }
      Decision d;
      if (pick < 50) {
        d = classify(204, written(sent), sent);
        stored = stored.plus(sent);
      } else if (pick < 58) {
        // A partial write: a RW 2.0 receiver says so in its Written headers; a RW 1.0 one cannot,
        // and its 2xx means everything was stored.
        Counts w = rw2 ? new Counts(part(sent.samples()), part(sent.histograms()), part(sent.exemplars())) : sent;
        d = classify(200, written(w), sent);
        stored = stored.plus(w);
      } else if (pick < 65) {
        d = classify(400, Map.of(), sent);
      } else if (pick < 80) {
        d = classify(503, rnd.nextBoolean() ? Map.of("Retry-After", "0") : Map.of(), sent);
      } else if (pick < 85) {
        d = classify(413, Map.of(), sent);
      } else if (pick < 92) {
        d = BackendAnswers.failure(new TimeoutException("chaos: no answer"));
      } else {
        answer.fail(new ConnectException("chaos: connection refused"));
        return answer.future();
      }
      long delay = rnd.nextInt(3);
      if (delay == 0) {
        answer.complete(d);
      } else {
        vertx.setTimer(delay, t -> answer.complete(d));
      }
      return answer.future();
    }

    private long part(long n) {
      return n == 0 ? 0 : rnd.nextLong(n + 1);
    }

    private Decision classify(int status, Map<String, String> headers, Counts sent) {
      return BackendAnswers.classify(new BackendAnswers.Policy(true, false), status, headers::get, "chaos", rw2, sent, 0);
    }

    private static Map<String, String> written(Counts c) {
      return Map.of(BackendAnswers.WRITTEN_SAMPLES, Long.toString(c.samples()),
          BackendAnswers.WRITTEN_HISTOGRAMS, Long.toString(c.histograms()),
          BackendAnswers.WRITTEN_EXEMPLARS, Long.toString(c.exemplars()));
    }

    @Override
    public Future<Void> close() {
      closed = true;
      for (Promise<Decision> p : hanging) {
        p.tryFail(new ConnectException("chaos: connection closed"));
      }
      hanging.clear();
      return Future.succeededFuture();
    }
  }

  private record Route(BackendRoute route, ChaosSender sender) {}

  @ParameterizedTest
  @MethodSource("seeds")
  void acceptedIsDeliveredPlusDroppedPlusQueuedWhateverHappens(long seed) throws Exception {
    Random rnd = new Random(seed);
    GatewayMetrics metrics = new GatewayMetrics();
    List<Route> routes = new ArrayList<>();
    List<BackendRoute> all = new ArrayList<>();
    List<EncodingGroup> groups = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      boolean rw2 = rnd.nextBoolean();
      BatchConfig batch = new BatchConfig(5 + rnd.nextInt(40), 1 << 20, Duration.ofMillis(1 + rnd.nextInt(5)));
      int shards = 1 + rnd.nextInt(3);
      List<BackendRoute> members = new ArrayList<>();
      for (int m = 0; m < 1 + rnd.nextInt(2); m++) {
        String name = "g" + g + "r" + m;
        OnFull onFull = OnFull.values()[rnd.nextInt(OnFull.values().length)];
        BackendConfig config = new BackendConfig(name, URI.create("http://127.0.0.1:1/w"),
            rw2 ? Protocol.RW2 : Protocol.RW1, Map.of(), Duration.ofSeconds(1), shards,
            new QueueConfig(4096 + rnd.nextInt(16384), onFull), batch,
            new RetryConfig(Duration.ofMillis(1), Duration.ofMillis(4), true), List.of(), null,
            MetadataDetail.FULL);
        ChaosSender sender = new ChaosSender(rnd.nextLong(), rw2);
        BackendRoute route = new BackendRoute(config, metrics.route(name), sender);
        vertx.deployVerticle(route).await(5, TimeUnit.SECONDS);
        members.add(route);
        all.add(route);
        routes.add(new Route(route, sender));
      }
      Supplier<RequestEncoder> encoders = rw2 ? Rw2Encoder::new
          : () -> new Rw1Encoder(new MetadataCadence(MetadataCadence.PROMETHEUS_INTERVAL_NANOS));
      groups.add(new EncodingGroup(encoders, rw2 ? OutgoingRequest.WireFormat.RW2 : OutgoingRequest.WireFormat.RW1,
          RouteStage.passThrough(), batch, shards, MetadataDetail.FULL, members, 200 + rnd.nextInt(4000)));
    }
    FanOut fanOut = new FanOut(all, groups);
    long flusher = vertx.setPeriodic(2, t -> groups.forEach(EncodingGroup::flushDue));

    List<Thread> ingest = new ArrayList<>();
    long[] admitted = new long[3];
    for (int t = 0; t < 3; t++) {
      long threadSeed = rnd.nextLong();
      int index = t;
      Thread worker = new Thread(() -> {
        Random r = new Random(threadSeed);
        for (int i = 0; i < 60; i++) {
          MetricBatch b = randomBatch(r, index, i);
          if (fanOut.offer(b, 60L * b.series().size()).accepted()) {
            admitted[index] += b.sampleCount();
          }
          if (r.nextInt(8) == 0) {
            sleepQuietly(1);
          }
        }
      });
      worker.start();
      ingest.add(worker);
    }
    for (Thread t : ingest) {
      t.join();
    }
    vertx.cancelTimer(flusher);
    groups.forEach(EncodingGroup::flushAll);
    long deadline = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(300);
    List<Future<Void>> drains = new ArrayList<>();
    for (BackendRoute r : all) {
      drains.add(r.drain(deadline));
    }
    Future.all(drains).await(20, TimeUnit.SECONDS);

    MetricsText text = MetricsText.parse(metrics.scrape());
    for (MetricsText.Line l : text.nonZero("rw_gateway_dropped_")) {
      REASONS_SEEN.add(l.labels().get("reason"));
    }
    long anyAdmitted = admitted[0] + admitted[1] + admitted[2];
    assertThat(anyAdmitted).as("seed %d admitted something", seed).isPositive();
    for (Route r : routes) {
      String b = r.route().name();
      for (String kind : List.of("samples", "histograms", "exemplars")) {
        double accepted = text.sum("rw_gateway_accepted_" + kind + "_total", "backend", b);
        double sent = text.sum("rw_gateway_sent_" + kind + "_total", "backend", b);
        double dropped = text.sum("rw_gateway_dropped_" + kind + "_total", "backend", b);
        double queued = text.sum("rw_gateway_queue_" + kind, "backend", b);
        assertThat(sent + dropped + queued).as("seed %d backend %s %s: sent %s + dropped %s + queued %s = accepted",
            seed, b, kind, sent, dropped, queued).isEqualTo(accepted);
        assertThat(queued).as("seed %d %s %s still queued after the drain", seed, b, kind).isZero();
      }
      assertThat(text.sum("rw_gateway_sent_samples_total", "backend", b)).as("seed %d %s stored", seed, b)
          .isEqualTo(r.sender().stored.samples());
      assertThat(text.sum("rw_gateway_sent_histograms_total", "backend", b)).isEqualTo(r.sender().stored.histograms());
      assertThat(text.sum("rw_gateway_sent_exemplars_total", "backend", b)).isEqualTo(r.sender().stored.exemplars());
      assertThat(r.route().budget().usedBytes()).as("seed %d %s bytes still reserved", seed, b).isZero();
      assertThat(r.route().queued()).isEqualTo(Counts.ZERO);
    }
    for (BackendRoute r : all) {
      r.close();
    }
    assertThat(metrics.scrape()).as("closed routes leave no meters").doesNotContain("backend=\"g0r0\"");
  }

  /** 1-8 series of one thread's own label sets: samples, histograms, exemplars, exemplar-only. */
  private static MetricBatch randomBatch(Random r, int thread, int round) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    int n = 1 + r.nextInt(8);
    long ts = 1_700_000_000_000L + round * 1000L;
    for (int i = 0; i < n; i++) {
      String id = Integer.toString(r.nextInt(20));
      int shape = r.nextInt(10);
      if (shape < 5) {
        b.series("__name__", "m_total", "thread", Integer.toString(thread), "id", id)
            .sample(ts, r.nextDouble()).add();
      } else if (shape < 7) {
        b.series("__name__", "h", "thread", Integer.toString(thread), "id", id)
            .histogram(Histograms.simple(ts)).add();
      } else if (shape < 9) {
        b.series("__name__", "e_total", "thread", Integer.toString(thread), "id", id)
            .sample(ts, 1).exemplar(ts, 0.5, "trace_id", "t" + round).add();
      } else {
        b.series("__name__", "x_total", "thread", Integer.toString(thread), "id", id)
            .exemplar(ts, 0.5, "trace_id", "t" + round).add();
      }
    }
    return b.build();
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
