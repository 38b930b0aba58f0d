package io.rwgateway.gateway.testing;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A remote-write backend for tests that decodes what it stores (RW 1.0 or RW 2.0, by Content-Type)
 * and remembers, per series, the timestamps of its samples and histograms in arrival order and when
 * they arrived. It can be told to fail: answer a status, never answer, refuse RW 2.0 with 415 (a
 * RW 1.0-only receiver), or be closed (port closed) and reopened on the same port.
 */
public final class RecordingBackend implements AutoCloseable {
  /** How the backend answers now. */
  public enum Mode { OK, STATUS, HANG }

  /** One stored point: its timestamp and when it arrived (System.nanoTime()). */
  public record Point(long timestamp, long arrivedNanos) {}

  private static final DecodeLimits LIMITS = new DecodeLimits(64 << 20, 1000, 4096, 1 << 16);

  private final Vertx vertx;
  private final boolean rw1Only;
  private final Map<String, List<Point>> points = new HashMap<>();
  private final List<HttpServerRequest> hanging = new ArrayList<>();
  private volatile Mode mode = Mode.OK;
  private volatile int status = 503;
  private HttpServer server;
  private int port;
  private long requests;
  private long rw2Requests;
  private long series;
  private long seriesWithHelp;

  /** @param rw1Only answer 415 to RW 2.0, as a RW 1.0 receiver that checks its Content-Type */
  public RecordingBackend(Vertx vertx, boolean rw1Only) {
    this.vertx = vertx;
    this.rw1Only = rw1Only;
  }

  public RecordingBackend start() throws Exception {
    return listen(0);
  }

  private RecordingBackend listen(int onPort) throws Exception {
    server = vertx.createHttpServer().requestHandler(this::handle);
    server.listen(onPort, "127.0.0.1").await(5, TimeUnit.SECONDS);
    port = server.actualPort();
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/api/v1/write";
  }

  public void answerOk() {
    mode = Mode.OK;
  }

  public void answer(int httpStatus) {
    status = httpStatus;
    mode = Mode.STATUS;
  }

  /** Reads requests and never answers them (until closed or set back). */
  public void hang() {
    mode = Mode.HANG;
  }

  /** Closes the port: connections are refused until {@link #reopen}. */
  public void closePort() throws Exception {
    server.close().await(5, TimeUnit.SECONDS);
    synchronized (this) {
      hanging.clear();
    }
  }

  public void reopen() throws Exception {
    listen(port);
  }

  private void handle(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      String tenant = req.getHeader("X-Scope-OrgID");
      boolean rw2 = String.valueOf(req.getHeader("Content-Type")).contains("io.prometheus.write.v2.Request");
      if (mode == Mode.HANG) {
        synchronized (this) {
          hanging.add(req);
        }
        return;
      }
      if (mode == Mode.STATUS) {
        req.response().setStatusCode(status).putHeader("Retry-After", "1").end("injected " + status);
        return;
      }
      if (rw2 && rw1Only) {
        req.response().setStatusCode(415).end("only RW 1.0 here");
        return;
      }
      MetricBatch batch;
      try {
        byte[] raw = Payloads.unsnappy(body.getBytes());
        StringInterner interner = new StringInterner();
        batch = rw2 ? new Rw2Decoder(LIMITS).decode(raw, 0, raw.length).batch()
            : new Rw1Decoder(LIMITS, interner, new MetadataStore(1000, Duration.ofHours(1))).decode(raw, 0, raw.length)
                .batch();
      } catch (Exception e) {
        req.response().setStatusCode(400).end("cannot decode: " + e);
        return;
      }
      record(tenant, batch, rw2);
      if (rw2) {
        req.response()
            .putHeader("X-Prometheus-Remote-Write-Samples-Written", Long.toString(batch.sampleCount()))
            .putHeader("X-Prometheus-Remote-Write-Histograms-Written", Long.toString(batch.histogramCount()))
            .putHeader("X-Prometheus-Remote-Write-Exemplars-Written", Long.toString(batch.exemplarCount()));
      }
      req.response().setStatusCode(204).end();
    });
  }

  private synchronized void record(String tenant, MetricBatch batch, boolean rw2) {
    requests++;
    if (rw2) {
      rw2Requests++;
    }
    long now = System.nanoTime();
    for (Series s : batch.series()) {
      series++;
      if (!batch.symbol(s.helpRef()).isEmpty()) {
        seriesWithHelp++;
      }
      String key = (tenant == null ? "" : tenant + "/") + batch.labelsText(s);
      List<Point> list = points.computeIfAbsent(key, k -> new ArrayList<>());
      for (int i = 0; i < s.sampleCount(); i++) {
        list.add(new Point(s.timestamp(i), now));
      }
      for (Histogram h : s.histograms()) {
        list.add(new Point(h.timestamp(), now));
      }
    }
  }

  /** Stored points per series ({@code tenant/} prefix when a tenant header came), in arrival order. */
  public synchronized Map<String, List<Point>> points() {
    Map<String, List<Point>> copy = new HashMap<>();
    points.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  public synchronized long storedPoints() {
    long n = 0;
    for (List<Point> l : points.values()) {
      n += l.size();
    }
    return n;
  }

  public synchronized long requests() {
    return requests;
  }

  public synchronized long rw2Requests() {
    return rw2Requests;
  }

  /** Series received (each series of each request once, however many samples it holds). */
  public synchronized long series() {
    return series;
  }

  /** Series received with a HELP text (RW 2.0 metadata, or RW 1.0 metadata joined by the decoder). */
  public synchronized long seriesWithHelp() {
    return seriesWithHelp;
  }

  /** Series whose timestamps did not strictly increase in arrival order, with their timestamps. */
  public synchronized Map<String, List<Long>> outOfOrder() {
    Map<String, List<Long>> bad = new HashMap<>();
    points.forEach((k, v) -> {
      for (int i = 1; i < v.size(); i++) {
        if (v.get(i).timestamp() <= v.get(i - 1).timestamp()) {
          List<Long> ts = new ArrayList<>();
          v.forEach(p -> ts.add(p.timestamp()));
          bad.put(k, ts);
          return;
        }
      }
    });
    return bad;
  }

  @Override
  public void close() throws Exception {
    server.close().await(5, TimeUnit.SECONDS);
  }
}
