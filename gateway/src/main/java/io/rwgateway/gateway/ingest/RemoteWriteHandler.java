package io.rwgateway.gateway.ingest;

import io.rwgateway.gateway.pipeline.Admission;
import io.rwgateway.gateway.pipeline.BatchSink;
import io.rwgateway.gateway.status.StatusCodes;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import io.rwgateway.translators.model.MetricBatch;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * {@code POST /api/v1/write} for RW 1.0 and RW 2.0 (remote-write.md §5 "Receiver"): negotiate from
 * the headers (415 before the body is read), read the body within its limit (413), snappy and
 * protobuf decode (400), hand the valid series to the pipeline (503 or 429 under backpressure), answer
 * 204, or 400 with counts when some series were invalid and the rest was forwarded.
 */
public final class RemoteWriteHandler implements Handler<HttpServerRequest> {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RemoteWriteHandler.class.getName());
  static final String WRITTEN_SAMPLES = "X-Prometheus-Remote-Write-Samples-Written";
  static final String WRITTEN_HISTOGRAMS = "X-Prometheus-Remote-Write-Histograms-Written";
  static final String WRITTEN_EXEMPLARS = "X-Prometheus-Remote-Write-Exemplars-Written";

  private final IngestDecoders decoders;
  private final BatchSink sink;
  private final IngestEvents metrics;
  private final long maxBodyBytes;
  private final int backpressureStatus;

  RemoteWriteHandler(IngestDecoders decoders, BatchSink sink, IngestEvents metrics, long maxBodyBytes,
      int backpressureStatus) {
    this.decoders = decoders;
    this.sink = sink;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.backpressureStatus = backpressureStatus;
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (req.method() != HttpMethod.POST) {
      metrics.rejectedUnknownProtocol("method_not_allowed");
      req.response().putHeader("Allow", "POST");
      plain(req.response(), StatusCodes.METHOD_NOT_ALLOWED, "cannot accept method " + req.method() + ": use POST");
      return;
    }
    ContentNegotiation.Result negotiated =
        ContentNegotiation.negotiate(req.getHeader("Content-Type"), req.getHeader("Content-Encoding"));
    if (!negotiated.accepted()) {
      metrics.rejectedUnknownProtocol(negotiated.rejectReason());
      plain(req.response(), StatusCodes.UNSUPPORTED_MEDIA_TYPE, negotiated.rejectMessage());
      return;
    }
    WireProtocol protocol = negotiated.protocol();
    IngestEvents.Protocol m = metrics.protocol(protocol);
    BodyReader.read(req, maxBodyBytes,
        body -> onBody(req, protocol, m, body),
        () -> {
          m.rejectedRequest("body_too_large");
          req.response().putHeader("Connection", "close");
          respond(req, protocol, m, StatusCodes.TOO_LARGE, null,
              "cannot accept body (limit " + maxBodyBytes + " bytes): request body is larger");
        },
        err -> {
          // The connection broke while the body was arriving: nothing was accepted, nobody to answer.
          m.rejectedRequest("connection_error");
        });
  }

  private void onBody(HttpServerRequest req, WireProtocol protocol, IngestEvents.Protocol m, Buffer body) {
    Admission early = sink.precheck();
    if (!early.accepted()) {
      m.body(body.length(), 0);
      refuse(req, protocol, m, early);
      return;
    }
    byte[] compressed = body.getBytes();
    DecodedRequest decoded;
    byte[] protobuf;
    try {
      protobuf = decoders.uncompress(compressed);
      decoded = decoders.decode(protocol, protobuf);
    } catch (PayloadTooLargeException e) {
      m.body(compressed.length, 0);
      m.rejectedRequest(e.reason());
      respond(req, protocol, m, StatusCodes.TOO_LARGE, null, e.getMessage());
      return;
    } catch (InvalidPayloadException e) {
      m.body(compressed.length, 0);
      m.rejectedRequest(e.reason());
      respond(req, protocol, m, StatusCodes.INVALID, null, e.getMessage());
      return;
    } catch (RuntimeException e) {
      // A decoder bug triggered by this input. Still the input's fault as far as the sender can
      // tell: a 5xx would make Prometheus resend it forever (remote-write.md §3.4).
      m.body(compressed.length, 0);
      m.rejectedRequest("decoder_error");
      LOG.warning("cannot decode " + protocol.label() + " request of " + compressed.length + " bytes: " + e);
      respond(req, protocol, m, StatusCodes.INVALID, null, "cannot decode request: " + e.getClass().getSimpleName());
      return;
    }
    m.body(compressed.length, protobuf.length);
    MetricBatch batch = decoded.batch();
    Admission admission = sink.offer(batch, protobuf.length);
    if (!admission.accepted()) {
      refuse(req, protocol, m, admission);
      return;
    }
    m.decoded(decoded);
    if (!decoded.rejections().isEmpty()) {
      // RW 2.0 §2.5 partial write: the valid part is forwarded, the answer is 400 with the counts.
      respond(req, protocol, m, StatusCodes.INVALID, batch, decoded.rejections().summary());
      return;
    }
    respond(req, protocol, m, StatusCodes.ACCEPTED, batch, null);
  }

  /**
   * The sender keeps the data and comes back (architecture.md "Delivery semantics"): 503 by
   * default, which every RW and OTLP sender retries (remote-write.md §1.7); 429 when configured.
   */
  private void refuse(HttpServerRequest req, WireProtocol protocol, IngestEvents.Protocol m, Admission admission) {
    m.rejectedRequest("backpressure");
    req.response().putHeader("Retry-After", Integer.toString(StatusCodes.OVERLOAD_RETRY_AFTER_SECONDS));
    respond(req, protocol, m, backpressureStatus, null, admission.detail());
  }

  /**
   * RW 2.0 responses always carry the three Written headers with what was accepted, on success and
   * failure alike (§2.5); RW 1.0 responses never do (client_golang#1927, §4.3).
   */
  private static void respond(HttpServerRequest req, WireProtocol protocol, IngestEvents.Protocol m, int status,
      MetricBatch written, String message) {
    HttpServerResponse resp = req.response();
    if (protocol == WireProtocol.RW2) {
      resp.putHeader(WRITTEN_SAMPLES, Long.toString(written == null ? 0 : written.sampleCount()));
      resp.putHeader(WRITTEN_HISTOGRAMS, Long.toString(written == null ? 0 : written.histogramCount()));
      resp.putHeader(WRITTEN_EXEMPLARS, Long.toString(written == null ? 0 : written.exemplarCount()));
    }
    m.response(status);
    if (message == null) {
      resp.setStatusCode(status).end();
    } else {
      plain(resp, status, message);
    }
  }

  private static void plain(HttpServerResponse resp, int status, String message) {
    resp.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(message + "\n");
  }
}
