package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.Payload;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * One sender shard: sends its queue's requests one at a time, in order (so each series' samples
 * arrive in order), closed loop or paced by the shared {@link Pacer}. Runs on the sender event
 * loop; stops taking requests at the deadline and completes {@code done} once its last answer is in.
 */
final class ShardSender {
  private final Vertx vertx;
  private final HttpClient client;
  private final RequestOptions template;
  private final RequestSource.Shard queue;
  private final Pacer pacer;
  private final RunStats stats;
  private final long deadlineNanos;
  private final boolean otlp;
  private final Promise<Void> done = Promise.promise();
  private boolean inFlight;

  ShardSender(Vertx vertx, HttpClient client, RequestOptions template, RequestSource.Shard queue,
      Pacer pacer, RunStats stats, long deadlineNanos) {
    this(vertx, client, template, queue, pacer, stats, deadlineNanos, false);
  }

  /** @param otlp answers are OTLP: accepted samples come from their partial_success ({@link OtlpAccepted}) */
  ShardSender(Vertx vertx, HttpClient client, RequestOptions template, RequestSource.Shard queue,
      Pacer pacer, RunStats stats, long deadlineNanos, boolean otlp) {
    this.vertx = vertx;
    this.client = client;
    this.template = template;
    this.queue = queue;
    this.pacer = pacer;
    this.stats = stats;
    this.deadlineNanos = deadlineNanos;
    this.otlp = otlp;
  }

  io.vertx.core.Future<Void> done() {
    return done.future();
  }

  boolean inFlight() {
    return inFlight;
  }

  void sendNext() {
    if (System.nanoTime() >= deadlineNanos) {
      done.tryComplete();
      return;
    }
    Payload p = queue.poll();
    if (p == null) {
      stats.generatorStarved++;
      vertx.setTimer(1, id -> sendNext());
      return;
    }
    long intended = pacer == null ? 0 : pacer.reserve(p.points());
    long waitMillis = pacer == null ? 0 : (intended - System.nanoTime()) / 1_000_000;
    if (waitMillis >= 1) {
      vertx.setTimer(waitMillis, id -> send(p, intended));
    } else {
      send(p, intended);
    }
  }

  private void send(Payload p, long intendedNanos) {
    inFlight = true;
    stats.sent(p);
    long start = System.nanoTime();
    client.request(template)
        .compose(req -> req.send(Buffer.buffer(p.body())))
        .compose(resp -> resp.body().map(body -> new Answer(resp, body)))
        .onComplete(ar -> {
          long end = System.nanoTime();
          long corrected = intendedNanos == 0 ? 0 : end - intendedNanos;
          if (ar.succeeded()) {
            HttpClientResponse resp = ar.result().response();
            int code = resp.statusCode();
            long accepted = code / 100 != 2 ? -1 : otlp ? otlpAccepted(ar.result().body(), p) : acceptedOf(resp, p);
            stats.answered(Integer.toString(code), accepted, end - start, corrected);
          } else {
            stats.answered(errorName(ar.cause()), -1, end - start, corrected);
          }
          inFlight = false;
          sendNext();
        });
  }

  private record Answer(HttpClientResponse response, Buffer body) {}

  private long otlpAccepted(Buffer body, Payload p) {
    long accepted = OtlpAccepted.of(body.getBytes(), p);
    if (accepted < p.points()) {
      stats.writtenShortfalls++;
    }
    return accepted;
  }

  /** All samples on 2xx, unless RW 2.0 Written headers say fewer were written (§5 "Sender"). */
  private long acceptedOf(HttpClientResponse resp, Payload p) {
    String samples = resp.getHeader("X-Prometheus-Remote-Write-Samples-Written");
    String histograms = resp.getHeader("X-Prometheus-Remote-Write-Histograms-Written");
    if (samples == null && histograms == null) {
      return p.points();
    }
    long written = parse(samples) + parse(histograms);
    if (written < p.points()) {
      stats.writtenShortfalls++;
    }
    return Math.min(written, p.points());
  }

  private static long parse(String header) {
    try {
      return header == null ? 0 : Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String errorName(Throwable t) {
    String n = t.getClass().getSimpleName();
    return n.contains("Timeout") ? "timeout" : n.contains("Connect") ? "connect_error" : "network_error";
  }
}
