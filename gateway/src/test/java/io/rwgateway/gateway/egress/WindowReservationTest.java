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
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code rw_gateway_queue_bytes} says over one window's life, on the real admission
 * ({@link FanOut}), {@link EncodingGroup} and {@link BackendRoute}: the estimate reserved at
 * admission is held whole while the window accumulates, and the flush swaps all of it, in one
 * step, for the encoded bytes of the window's requests (however many shards and requests), which
 * are given back as they are delivered. A sawtooth of the gauge (up while a window fills, down when
 * it flushes) is this, not a reservation given back late or piecemeal.
 */
class WindowReservationTest {
  private static final Duration MAX_DELAY = Duration.ofSeconds(1);
  private static final int SHARDS = 3;
  private static final long ESTIMATE = 50_000;

  private Vertx vertx;
  private final List<BackendRoute> routes = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** A backend that answers nothing until {@link #answerAll}; then 204 to every request. */
  static final class HeldSender implements Sender {
    private record Waiting(OutgoingRequest request, Promise<Decision> answer) {}

    private final List<Waiting> waiting = new ArrayList<>();
    private Context context;
    private boolean answering;

    @Override
    public synchronized Future<Decision> send(OutgoingRequest request, int attempt) {
      context = Vertx.currentContext();
      if (answering) {
        return Future.succeededFuture(stored(request));
      }
      Promise<Decision> answer = Promise.promise();
      waiting.add(new Waiting(request, answer));
      return answer.future();
    }

    private static Decision stored(OutgoingRequest request) {
      return Decision.delivered(204, request.counts(), request.counts());
    }

    synchronized int waitingCount() {
      return waiting.size();
    }

    /** Answers on the route's context, as an HTTP client would. */
    synchronized void answerAll() {
      answering = true;
      List<Waiting> now = List.copyOf(waiting);
      waiting.clear();
      context.runOnContext(v -> now.forEach(w -> w.answer().complete(stored(w.request()))));
    }
  }

  /** The RW 2.0 encoder, adding up the body bytes of what it writes. */
  static final class CountingEncoder implements RequestEncoder {
    private final Rw2Encoder inner = new Rw2Encoder();
    final AtomicLong bodyBytes = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    @Override
    public EncodedRequest encode(List<MetricBatch> batches) {
      EncodedRequest r = inner.encode(batches);
      bodyBytes.addAndGet(r.body().length);
      requests.incrementAndGet();
      return r;
    }
  }

  private BackendRoute route(String name, GatewayMetrics metrics, Sender sender, BatchConfig batch) throws Exception {
    BackendConfig config = new BackendConfig(name, URI.create("http://127.0.0.1:1/w"), Protocol.RW2, Map.of(),
        Duration.ofSeconds(1), SHARDS, new QueueConfig(64L << 20, OnFull.DROP_OLDEST), batch,
        new RetryConfig(Duration.ofMillis(1), Duration.ofMillis(4), true), List.of(), null, MetadataDetail.FULL);
    BackendRoute route = new BackendRoute(config, metrics.route(name), sender);
    vertx.deployVerticle(route).await(5, TimeUnit.SECONDS);
    routes.add(route);
    return route;
  }

  private static MetricBatch scrape(long ts, int series) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < series; i++) {
      b.series("__name__", "m_total", "instance", "host-" + (i % 7), "id", Integer.toString(i)).sample(ts, i).add();
    }
    return b.build();
  }

  private static double queueBytesGauge(GatewayMetrics metrics, String backend) {
    return MetricsText.parse(metrics.scrape()).sum("rw_gateway_queue_bytes", "backend", backend);
  }

  @Test
  void theEstimateIsHeldWholeUntilMaxDelayThenSwappedForTheEncodedBytesInOneStep() throws Exception {
    GatewayMetrics metrics = new GatewayMetrics();
    // max_samples 25: each shard's window of 4 scrapes is cut into several requests.
    BatchConfig batch = new BatchConfig(25, 1 << 20, MAX_DELAY);
    HeldSender senderA = new HeldSender();
    HeldSender senderB = new HeldSender();
    BackendRoute a = route("a", metrics, senderA, batch);
    BackendRoute b = route("b", metrics, senderB, batch);
    CountingEncoder encoder = new CountingEncoder();
    long[] now = {5_000_000_000L};
    EncodingGroup group = new EncodingGroup(encoder, OutgoingRequest.WireFormat.RW2, batch, SHARDS,
        MetadataDetail.FULL, List.of(a, b), 1L << 30, () -> now[0]);
    FanOut fanOut = new FanOut(List.of(a, b), List.of(group));

    // Four scrapes of 40 series within one max_delay: the windows of all shards accumulate them.
    for (int i = 0; i < 4; i++) {
      assertThat(fanOut.offer(scrape(1000L * i, 40), ESTIMATE).accepted()).isTrue();
      now[0] += Duration.ofMillis(300).toNanos();
    }
    // 0.9 s after the first scrape: nothing is due, every byte of the estimate is still held.
    now[0] -= Duration.ofMillis(300).toNanos();
    group.flushDue();
    assertThat(encoder.requests).hasValue(0);
    for (BackendRoute r : List.of(a, b)) {
      assertThat(r.budget().usedBytes()).as(r.name()).isEqualTo(4 * ESTIMATE);
      assertThat(queueBytesGauge(metrics, r.name())).as(r.name()).isEqualTo(4.0 * ESTIMATE);
    }

    // max_delay after the first scrape: every shard flushes, and the route holds exactly the
    // encoded bytes (encoded once, queued to both routes), nothing of the estimate left.
    now[0] += Duration.ofMillis(100).toNanos();
    group.flushDue();
    assertThat(encoder.requests.get()).as("requests of the flushed windows").isGreaterThan(SHARDS);
    long encoded = encoder.bodyBytes.get();
    assertThat(encoded).isPositive().isLessThan(4 * ESTIMATE);
    for (BackendRoute r : List.of(a, b)) {
      assertThat(r.budget().usedBytes()).as(r.name()).isEqualTo(encoded);
      assertThat(queueBytesGauge(metrics, r.name())).as(r.name()).isEqualTo((double) encoded);
      assertThat(r.queued().samples()).as(r.name()).isEqualTo(160);
    }

    // Delivered: all of it given back, never more.
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> senderA.waitingCount() == SHARDS
        && senderB.waitingCount() == SHARDS);
    senderA.answerAll();
    senderB.answerAll();
    Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(a.budget().usedBytes()).isZero();
      assertThat(b.budget().usedBytes()).isZero();
    });
    assertThat(queueBytesGauge(metrics, "a")).isZero();
    assertThat(a.queued()).isEqualTo(Counts.ZERO);
  }
}
