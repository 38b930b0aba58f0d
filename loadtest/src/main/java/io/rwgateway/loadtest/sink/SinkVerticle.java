package io.rwgateway.loadtest.sink;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One event loop of the sink: answers {@code POST .../v1/metrics} as an OTLP/HTTP receiver
 * ({@link OtlpHandler}) and {@code POST <any other path>} as a Remote Write receiver would
 * (remote-write.md §5 "Receiver": 415 decided from headers, 400 for bodies that do not decode,
 * RW 2.0 answers always with the three {@code Written} headers, RW 1.0 answers never), decoding
 * and counting everything, plus {@code GET /metrics}, {@code GET /stats}, {@code GET /-/healthy}.
 */
public final class SinkVerticle extends VerticleBase {
  static final String SAMPLES_WRITTEN = "X-Prometheus-Remote-Write-Samples-Written";
  static final String HISTOGRAMS_WRITTEN = "X-Prometheus-Remote-Write-Histograms-Written";
  static final String EXEMPLARS_WRITTEN = "X-Prometheus-Remote-Write-Exemplars-Written";

  private final SinkOptions options;
  private final SinkStats stats;
  private SinkCounter counter;
  private OtlpHandler otlp;
  private HttpServer server;

  public SinkVerticle(SinkOptions options, SinkStats stats) {
    this.options = options;
    this.stats = stats;
  }

  @Override
  public Future<?> start() {
    counter = new SinkCounter(options.limits(), options.countOnly());
    otlp = new OtlpHandler(vertx, options, stats);
    server = vertx.createHttpServer(new HttpServerOptions()
        .setCompressionSupported(false)
        .setDecompressionSupported(false)
        .setIdleTimeout(300));
    server.requestHandler(this::handle);
    return server.listen(options.port(), options.host());
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest req) {
    if (req.method() == HttpMethod.GET) {
      switch (req.path()) {
        case "/metrics" -> req.response().putHeader("Content-Type", "text/plain; version=0.0.4").end(stats.prometheusText());
        case "/stats" -> req.response().putHeader("Content-Type", "application/json").end(stats.json());
        case "/-/healthy", "/-/ready" -> req.response().end("OK\n");
        default -> req.response().setStatusCode(404).end("not found\n");
      }
      return;
    }
    if (req.method() != HttpMethod.POST) {
      req.response().setStatusCode(405).end("cannot accept " + req.method() + ": POST a write request\n");
      return;
    }
    if (req.path().endsWith(OtlpHandler.PATH)) {
      otlp.handle(req);
      return;
    }
    WireProtocol protocol = WireProtocol.ofContentType(req.getHeader("Content-Type"));
    String encoding = req.getHeader("Content-Encoding");
    if (protocol == null || (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("snappy"))) {
      stats.response(415, "unsupported_media_type");
      req.response().setStatusCode(415).end("cannot accept Content-Type \"" + req.getHeader("Content-Type")
          + "\" / Content-Encoding \"" + encoding + "\": RW 1.0 or 2.0 protobuf, snappy\n");
      return;
    }
    req.body().onSuccess(body -> answer(req, protocol, body))
        .onFailure(e -> stats.response(0, "read_error"));
  }

  private void answer(HttpServerRequest req, WireProtocol protocol, Buffer body) {
    if (options.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < options.errorRate()) {
      // Injected failure: nothing written, so nothing counted as received.
      stats.response(options.errorStatus(), "injected");
      delayed(() -> reply(req, protocol, options.errorStatus(), 0, 0, 0, "injected error\n"));
      return;
    }
    byte[] bytes = body.getBytes();
    RequestCounts c;
    try {
      c = counter.count(protocol, bytes, bytes.length);
    } catch (PayloadTooLargeException e) {
      stats.response(413, e.reason());
      reply(req, protocol, 413, 0, 0, 0, e.getMessage() + "\n");
      return;
    } catch (InvalidPayloadException e) {
      stats.response(400, e.reason());
      reply(req, protocol, 400, 0, 0, 0, e.getMessage() + "\n");
      return;
    }
    stats.add(c);
    int status = c.rejectedSeries() == 0 ? 204 : 400;
    stats.response(status, status == 204 ? "ok" : "rejected_series");
    String text = status == 204 ? null : "cannot write " + c.rejectedSeries() + " series: " + c.rejectReasons() + "\n";
    delayed(() -> reply(req, protocol, status, c.samples(), c.histograms(), c.exemplars(), text));
  }

  private void delayed(Runnable r) {
    options.afterLatency(vertx, r);
  }

  /** RW 2.0 answers carry exact Written counts on every status; RW 1.0 answers never (§5, §4.3). */
  private static void reply(HttpServerRequest req, WireProtocol protocol, int status, long samples,
      long histograms, long exemplars, String text) {
    HttpServerResponse resp = req.response().setStatusCode(status);
    if (protocol == WireProtocol.RW2) {
      resp.putHeader(SAMPLES_WRITTEN, Long.toString(samples))
          .putHeader(HISTOGRAMS_WRITTEN, Long.toString(histograms))
          .putHeader(EXEMPLARS_WRITTEN, Long.toString(exemplars));
    }
    if (text == null) {
      resp.end();
    } else {
      resp.end(text);
    }
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
