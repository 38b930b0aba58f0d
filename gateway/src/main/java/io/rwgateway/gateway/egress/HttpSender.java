package io.rwgateway.gateway.egress;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.Version;
import io.rwgateway.translators.codec.EncodedRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Sends one request over HTTP as remote-write.md §5 "Sender" says (headers, snappy body), within
 * the backend's {@code timeout} for the whole exchange, and has {@link BackendAnswers} decide what
 * the answer means. A {@code protocol: auto} backend that refuses RW 2.0 is switched to RW 1.0
 * here, for good: its requests are then transcoded on the way out (§2.6 MAY fall back on 415).
 * Confined to the route's context.
 */
final class HttpSender implements Sender {
  private static final Logger LOG = Logger.getLogger(HttpSender.class.getName());
  static final String CT_RW1 = "application/x-protobuf";
  static final String CT_RW2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";
  private static final int MAX_LOGGED_BODY = 256;

  private final Vertx vertx;
  private final BackendConfig config;
  private final RouteEvents events;
  private final BackendAnswers.Policy policy;
  private final HttpClientAgent client;
  private final RequestOptions rw2Template;
  private final RequestOptions rw1Template;
  /** The Authorization header, or null when the backend has no credentials. */
  private final CredentialHeader credentials;
  private Rw1Transcoder transcoder;
  /** A {@code protocol: auto} route whose backend refused RW 2.0; from then on it gets RW 1.0. */
  private boolean fellBack;

  HttpSender(Vertx vertx, BackendConfig config, RouteEvents events) {
    this.vertx = vertx;
    this.config = config;
    this.events = events;
    this.policy = new BackendAnswers.Policy(config.retry().retryOn429(), config.protocol() == Protocol.AUTO);
    this.client = vertx.httpClientBuilder()
        .with(new HttpClientOptions()
            .setKeepAlive(true)
            .setDecompressionSupported(false)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis())))
        .with(new PoolOptions().setHttp1MaxSize(Math.max(1, config.concurrency())))
        .build();
    this.rw2Template = requestTemplate(config, true);
    this.rw1Template = requestTemplate(config, false);
    this.credentials = config.auth() == null ? null : new CredentialHeader(config.name(), config.auth(), System::nanoTime);
  }

  /** Headers per remote-write.md §5 "Sender"; user headers were checked against reserved names by config. */
  private static RequestOptions requestTemplate(BackendConfig config, boolean rw2) {
    RequestOptions o = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(config.url().toString())
        .setConnectTimeout(config.timeout().toMillis());
    for (Map.Entry<String, String> h : config.headers().entrySet()) {
      o.putHeader(h.getKey(), h.getValue());
    }
    o.putHeader("Content-Type", rw2 ? CT_RW2 : CT_RW1);
    o.putHeader("Content-Encoding", "snappy");
    o.putHeader("X-Prometheus-Remote-Write-Version", rw2 ? "2.0.0" : "0.1.0");
    o.putHeader("User-Agent", Version.userAgent());
    return o;
  }

  @Override
  public Future<Decision> send(OutgoingRequest request, int attempt) {
    boolean asRw2 = request.format() == OutgoingRequest.WireFormat.RW2 && !fellBack;
    EncodedRequest wire = request.encoded();
    if (request.format() == OutgoingRequest.WireFormat.RW2 && fellBack) {
      if (transcoder == null) {
        transcoder = new Rw1Transcoder();
      }
      wire = transcoder.toRw1(wire);
    }
    RequestOptions options = new RequestOptions(asRw2 ? rw2Template : rw1Template);
    if (request.tenant() != null) {
      options.putHeader(config.tenant().header(), request.tenant());
    }
    if (credentials != null) {
      try {
        options.putHeader("Authorization", credentials.value());
      } catch (IOException e) {
        Decision d = BackendAnswers.credentialsUnreadable(e);
        events.response(d.status(), 0);
        return Future.succeededFuture(d);
      }
    }
    if (attempt > 0) {
      // Not in the spec; Prometheus and client_golang send it on retries (remote-write.md §1.2).
      options.putHeader("Retry-Attempt", Integer.toString(attempt));
    }
    long start = System.nanoTime();
    EncodedRequest sent = wire;
    Counts sentCounts = Counts.of(sent);
    Promise<Decision> decided = Promise.promise();
    long timeoutMs = config.timeout().toMillis();
    client.request(options).onComplete(opened -> {
      if (opened.failed()) {
        decided.tryComplete(BackendAnswers.failure(opened.cause()));
        return;
      }
      var req = opened.result();
      // The whole exchange within `timeout`, as Prometheus' remote_timeout: a backend that trickles
      // its answer must not hold a shard forever.
      long timer = vertx.setTimer(Math.max(1, timeoutMs), t -> req.reset(0,
          new TimeoutException("no answer within " + timeoutMs + " ms")));
      req.send(Buffer.buffer(sent.body()))
          .compose(resp -> resp.body().map(body -> answer(resp, body, asRw2, sentCounts)))
          .onComplete(ar -> {
            vertx.cancelTimer(timer);
            decided.tryComplete(ar.succeeded() ? ar.result() : BackendAnswers.failure(ar.cause()));
          });
    });
    return decided.future().map(d -> {
      events.response(d.status(), System.nanoTime() - start);
      if (d.kind() == Decision.Kind.FALL_BACK && !fellBack) {
        fellBack = true;
        events.protocolFallback();
        LOG.warning("backend " + config.name() + " " + d.detail() + ": switching to RW 1.0 (protocol: auto)");
      }
      return d;
    });
  }

  private Decision answer(HttpClientResponse resp, Buffer body, boolean asRw2, Counts sent) {
    return BackendAnswers.classify(policy, resp.statusCode(), resp::getHeader, oneLine(body), asRw2, sent,
        System.currentTimeMillis());
  }

  private static String oneLine(Buffer body) {
    if (body == null || body.length() == 0) {
      return "(empty body)";
    }
    String s = body.getString(0, Math.min(body.length(), MAX_LOGGED_BODY)).replaceAll("[\\r\\n]+", " ").trim();
    return body.length() > MAX_LOGGED_BODY ? s + "..." : s;
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
