package io.rwgateway.gateway.ingest;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.rwgateway.gateway.status.StatusCodes;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;

/**
 * OTLP/HTTP {@code POST /v1/metrics} on the main port, with Prometheus' path and the OTel
 * Collector-style prefix as aliases, so senders set up for either work unchanged (otlp.md §1.1).
 * Headers decide first (415 before the body is read), then the body is read within
 * {@code ingest.max_body_bytes} (413) and handed to {@link OtlpExport}. Every answer is in the
 * request's encoding (§1.1 MUST): {@code ExportMetricsServiceResponse} on 200, {@code
 * google.rpc.Status} otherwise; only a request whose Content-Type is not OTLP's gets plain text.
 */
public final class OtlpHttpHandler implements Handler<HttpServerRequest> {
  /** {@code /v1/metrics} (OTLP), {@code /otlp/v1/metrics}, {@code /api/v1/otlp/v1/metrics} (Prometheus). */
  public static final Set<String> PATHS = Set.of("/v1/metrics", "/otlp/v1/metrics", "/api/v1/otlp/v1/metrics");

  private final OtlpExport export;
  private final long maxBodyBytes;
  private final int backpressureStatus;

  public OtlpHttpHandler(OtlpExport export, long maxBodyBytes, int backpressureStatus) {
    this.export = export;
    this.maxBodyBytes = maxBodyBytes;
    this.backpressureStatus = backpressureStatus;
  }

  @Override
  public void handle(HttpServerRequest req) {
    OtlpEncoding known = OtlpContentNegotiation.encoding(req.getHeader("Content-Type"));
    if (req.method() != HttpMethod.POST) {
      export.counts().rejectedRequest("method_not_allowed");
      req.response().putHeader("Allow", "POST");
      fail(req, known, StatusCodes.METHOD_NOT_ALLOWED, new RpcStatus(12, "cannot accept method " + req.method()
          + " on " + req.path() + ": use POST", null, 0));
      return;
    }
    OtlpContentNegotiation.Result negotiated =
        OtlpContentNegotiation.negotiate(req.getHeader("Content-Type"), req.getHeader("Content-Encoding"));
    if (!negotiated.accepted()) {
      OtlpFailure f = export.refuse(OtlpFailure.unsupported(negotiated.rejectReason(), negotiated.rejectMessage()))
          .failure();
      fail(req, known, f.httpStatus(backpressureStatus), f.status());
      return;
    }
    OtlpEncoding encoding = negotiated.encoding();
    BodyReader.read(req, maxBodyBytes,
        body -> onBody(req, encoding, negotiated.compression(), body),
        () -> {
          OtlpFailure f = export.refuse(OtlpFailure.tooLarge("body_too_large",
              "cannot accept body (limit " + maxBodyBytes + " bytes, ingest.max_body_bytes): request body is larger"))
              .failure();
          req.response().putHeader("Connection", "close");
          fail(req, encoding, f.httpStatus(backpressureStatus), f.status());
        },
        err -> {
          // The connection broke while the body was arriving: nothing was accepted, nobody to answer.
          export.counts().rejectedRequest("connection_error");
        });
  }

  private void onBody(HttpServerRequest req, OtlpEncoding encoding, OtlpCompression compression, Buffer body) {
    OtlpExport.Result result = export.export(OtlpTransport.HTTP, encoding, compression, body.getBytes());
    if (result.failure() != null) {
      OtlpFailure f = result.failure();
      if (f.retryAfterSeconds() > 0) {
        req.response().putHeader("Retry-After", Integer.toString(f.retryAfterSeconds()));
      }
      fail(req, encoding, f.httpStatus(backpressureStatus), f.status());
      return;
    }
    ExportMetricsServiceResponse response = result.response();
    answer(req, encoding, 200, OtlpResponses.encode(response, encoding));
  }

  /** A Status in the request's encoding, or one plain line when the request named no OTLP encoding. */
  private void fail(HttpServerRequest req, OtlpEncoding encoding, int status, RpcStatus body) {
    if (encoding == null) {
      export.counts().response(status);
      export.events().answered(OtlpTransport.HTTP, null, Integer.toString(status));
      req.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(body.message() + "\n");
      return;
    }
    answer(req, encoding, status, body.encode(encoding));
  }

  private void answer(HttpServerRequest req, OtlpEncoding encoding, int status, byte[] body) {
    export.counts().response(status);
    export.events().answered(OtlpTransport.HTTP, encoding, Integer.toString(status));
    HttpServerResponse resp = req.response();
    resp.setStatusCode(status).putHeader("Content-Type", encoding.mediaType()).end(Buffer.buffer(body));
  }
}
