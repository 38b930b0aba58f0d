package io.rwgateway.gateway.egress;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.Version;
import io.rwgateway.gateway.status.StatusCodes;
import io.rwgateway.gateway.telemetry.RouteMetrics;
import io.rwgateway.translators.codec.EncodedRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Everything one backend owns (style.md "Per-destination context", like vmagent's
 * remoteWriteCtx): its byte-bounded queue, one sequential sender per shard, its HTTP client, its
 * retry policy and its metrics. A slow or dead backend fills only its own queue; the others keep
 * their pace (architecture.md "Routes are isolated").
 */
public final class BackendRoute implements RequestSink {
  private static final Logger LOG = Logger.getLogger(BackendRoute.class.getName());
  static final String CT_RW1 = "application/x-protobuf";
  static final String CT_RW2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";
  static final String WRITTEN_SAMPLES = "X-Prometheus-Remote-Write-Samples-Written";
  static final String WRITTEN_HISTOGRAMS = "X-Prometheus-Remote-Write-Histograms-Written";
  static final String WRITTEN_EXEMPLARS = "X-Prometheus-Remote-Write-Exemplars-Written";
  private static final int MAX_LOGGED_BODY = 256;
  static final String PROTOCOL_FALLBACK = "protocol_fallback";

  private final BackendConfig config;
  private final RouteMetrics metrics;
  private final BackendQueue queue;
  private final RetryPolicy retry;
  private final HttpClientAgent client;
  private final RequestOptions rw2Template;
  private final RequestOptions rw1Template;
  private Rw1Transcoder transcoder;
  /** A {@code protocol: auto} route whose backend refused RW 2.0; from then on it gets RW 1.0. */
  private volatile boolean fellBack;
  private final ShardSender[] senders;
  private volatile boolean closing;

  public BackendRoute(Vertx vertx, BackendConfig config, RouteMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.queue = new BackendQueue(config.queue().maxBytes());
    this.retry = new RetryPolicy(config.retry());
    // Its own context (event loop) per route: a backend's callbacks never queue behind another's.
    Context context = ((io.vertx.core.internal.VertxInternal) vertx).createEventLoopContext();
    this.client = vertx.httpClientBuilder()
        .with(new HttpClientOptions()
            .setKeepAlive(true)
            .setDecompressionSupported(false)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis())))
        .with(new PoolOptions().setHttp1MaxSize(Math.max(1, config.concurrency())))
        .build();
    this.rw2Template = requestTemplate(config, true);
    this.rw1Template = requestTemplate(config, false);
    this.senders = new ShardSender[config.concurrency()];
    for (int i = 0; i < senders.length; i++) {
      senders[i] = new ShardSender(context, this);
    }
    metrics.queueGauges(queue::usedBytes, queue.maxBytes(), this::pendingRequests);
  }

  /** Headers per remote-write.md §5 "Sender"; user headers were checked against reserved names by config. */
  private static RequestOptions requestTemplate(BackendConfig config, boolean rw2) {
    RequestOptions o = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(config.url().toString())
        .setIdleTimeout(config.timeout().toMillis())
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

  public String name() {
    return config.name();
  }

  public BackendConfig config() {
    return config;
  }

  public BackendQueue queue() {
    return queue;
  }

  RouteMetrics metrics() {
    return metrics;
  }

  boolean closing() {
    return closing;
  }

  int pendingRequests() {
    int n = 0;
    for (ShardSender s : senders) {
      n += s.size();
    }
    return n;
  }

  /** Queues an encoded request on a shard; the byte estimate reserved at admission becomes its real size. */
  @Override
  public void enqueue(int shard, OutgoingRequest request, long estimatedBytes) {
    queue.adjust(request.bytes() - estimatedBytes);
    senders[shard].submit(request);
  }

  @Override
  public void discard(long estimatedBytes) {
    queue.release(estimatedBytes);
  }

  long retryDelayMillis(int attempt, SendResult result) {
    if (PROTOCOL_FALLBACK.equals(result.reason())) {
      return 0;
    }
    return retry.delayMillis(attempt, result.retryAfter(), System.currentTimeMillis());
  }

  /** True while this route's requests go out as RW 2.0. */
  boolean sendsRw2() {
    return config.protocol() == Protocol.RW2 || (config.protocol() == Protocol.AUTO && !fellBack);
  }

  /**
   * One HTTP attempt; never fails: network errors become a retryable result. Runs on the route's
   * context. {@code request} is always what the encoding group produced (RW 1.0 or RW 2.0); a
   * fallen-back auto route transcodes it for the wire.
   */
  Future<SendResult> send(OutgoingRequest outgoing, int attempt) {
    EncodedRequest request = outgoing.encoded();
    boolean asRw2 = sendsRw2();
    EncodedRequest wire = request;
    if (config.protocol() == Protocol.AUTO && !asRw2) {
      if (transcoder == null) {
        transcoder = new Rw1Transcoder();
      }
      wire = transcoder.toRw1(request);
    }
    RequestOptions options = new RequestOptions(asRw2 ? rw2Template : rw1Template);
    if (outgoing.tenant() != null) {
      options.putHeader(config.tenant().header(), outgoing.tenant());
    }
    if (attempt > 0) {
      // Not in the spec; Prometheus and client_golang send it on retries (remote-write.md §1.2).
      options.putHeader("Retry-Attempt", Integer.toString(attempt));
    }
    long start = System.nanoTime();
    EncodedRequest sent = wire;
    return client.request(options)
        .compose(req -> req.send(Buffer.buffer(sent.body())))
        .compose(resp -> resp.body().map(body -> classify(sent, asRw2, resp, body)))
        .otherwise(SendResult::networkError)
        .map(result -> {
          metrics.response(result.status(), System.nanoTime() - start);
          return result;
        });
  }

  private SendResult classify(EncodedRequest request, boolean asRw2, HttpClientResponse resp, Buffer body) {
    int status = resp.statusCode();
    StatusCodes.Outcome outcome = StatusCodes.classifyBackend(status, config.retry().retryOn429());
    String retryAfter = resp.getHeader("Retry-After");
    if (outcome == StatusCodes.Outcome.SUCCESS) {
      return asRw2 ? checkWritten(request, resp, status) : success(status);
    }
    if (status == StatusCodes.UNSUPPORTED_MEDIA_TYPE && asRw2 && config.protocol() == Protocol.AUTO) {
      return fallBack("answered 415 to RW 2.0");
    }
    String reason = status == 429 ? "http_429" : status >= 500 ? "http_5xx" : "http_" + status;
    return new SendResult(outcome, status, reason, oneLine(body), retryAfter);
  }

  /**
   * RW 2.0 §2.6: a 2xx without any Written header, for a request that carried data, means a 1.x
   * receiver ignored the content type and wrote nothing: treated as a 415 (permanent).
   */
  private SendResult checkWritten(EncodedRequest request, HttpClientResponse resp, int status) {
    String s = resp.getHeader(WRITTEN_SAMPLES);
    String h = resp.getHeader(WRITTEN_HISTOGRAMS);
    String e = resp.getHeader(WRITTEN_EXEMPLARS);
    boolean carriedData = request.samples() + request.histograms() + request.exemplars() > 0;
    if (s == null && h == null && e == null && carriedData) {
      if (config.protocol() == Protocol.AUTO) {
        return fallBack("answered " + status + " to RW 2.0 without X-Prometheus-Remote-Write-*-Written headers");
      }
      return new SendResult(StatusCodes.Outcome.PERMANENT, status, "rw2_not_supported",
          "backend answered " + status + " without X-Prometheus-Remote-Write-*-Written headers: it does not"
              + " speak RW 2.0 (configure protocol: rw1)", null);
    }
    long ms = request.samples() - parseCount(s);
    long mh = request.histograms() - parseCount(h);
    long me = request.exemplars() - parseCount(e);
    if (ms > 0 || mh > 0 || me > 0) {
      metrics.partialWrite(ms, mh, me);
    }
    return success(status);
  }

  /**
   * Switches this auto route to RW 1.0 for good and asks for an immediate resend of the same
   * request, now transcoded (remote-write.md §2.6: senders MAY fall back on 415).
   */
  private SendResult fallBack(String why) {
    if (!fellBack) {
      fellBack = true;
      metrics.protocolFallback();
      LOG.warning("backend " + config.name() + " " + why + ": switching to RW 1.0 (protocol: auto)");
    }
    return new SendResult(StatusCodes.Outcome.RETRYABLE, StatusCodes.UNSUPPORTED_MEDIA_TYPE, PROTOCOL_FALLBACK,
        why, null);
  }

  private static long parseCount(String v) {
    try {
      return v == null ? 0 : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static SendResult success(int status) {
    return new SendResult(StatusCodes.Outcome.SUCCESS, status, "ok", "", null);
  }

  /** A request is done with: delivered, or dropped with a reason. Releases its queue bytes. */
  void finished(OutgoingRequest outgoing, SendResult result) {
    EncodedRequest request = outgoing.encoded();
    queue.release(request.body().length);
    if (result.outcome() == StatusCodes.Outcome.SUCCESS) {
      metrics.delivered(request);
      return;
    }
    metrics.dropped(request, result.reason());
    LOG.warning("backend " + config.name() + (outgoing.tenant() == null ? "" : " tenant " + outgoing.tenant())
        + ": dropped request (" + request.samples() + " samples, "
        + request.histograms() + " histograms, " + request.exemplars() + " exemplars): "
        + (result.status() > 0 ? "status " + result.status() + ": " : "") + result.detail());
  }

  private static String oneLine(Buffer body) {
    if (body == null || body.length() == 0) {
      return "(empty body)";
    }
    String s = body.getString(0, Math.min(body.length(), MAX_LOGGED_BODY)).replaceAll("[\\r\\n]+", " ").trim();
    return body.length() > MAX_LOGGED_BODY ? s + "..." : s;
  }

  /** Stops retrying, waits for queued requests up to {@code deadlineMillis}, drops the rest. */
  public Future<Void> drain(Vertx vertx, long deadlineMillis) {
    List<Future<Void>> all = new ArrayList<>();
    for (ShardSender s : senders) {
      all.add(s.whenDrained());
    }
    Future<Void> done = Future.all(all).mapEmpty();
    long timer = vertx.setTimer(Math.max(1, deadlineMillis), t -> {
      closing = true;
      for (ShardSender s : senders) {
        s.abandon("shutdown");
      }
    });
    return done.onComplete(ar -> vertx.cancelTimer(timer)).eventually(() -> client.close());
  }
}
