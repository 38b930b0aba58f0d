package io.rwgateway.loadtest.sink;

import com.google.protobuf.CodedOutputStream;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /v1/metrics} (or any path ending so, e.g. Prometheus' {@code /api/v1/otlp/v1/metrics})
 * as an OTLP/HTTP receiver answers it (OTLP specification, "OTLP/HTTP"):
 * protobuf bodies, identity or gzip, are decoded and counted by {@link OtlpCounter} and answered 200
 * with an empty {@code ExportMetricsServiceResponse}; JSON and other media types are 415; failures
 * carry a protobuf {@code google.rpc.Status} body. One per event loop.
 */
final class OtlpHandler {
  /** The OTLP/HTTP metrics path suffix. */
  static final String PATH = "/v1/metrics";
  private static final String PROTOBUF = "application/x-protobuf";

  private final Vertx vertx;
  private final SinkOptions options;
  private final SinkStats stats;
  private final OtlpCounter counter;

  OtlpHandler(Vertx vertx, SinkOptions options, SinkStats stats) {
    this.vertx = vertx;
    this.options = options;
    this.stats = stats;
    this.counter = new OtlpCounter(options.limits().maxDecodedBytes());
  }

  void handle(HttpServerRequest req) {
    String type = req.getHeader("Content-Type");
    String media = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    String encoding = req.getHeader("Content-Encoding");
    String coding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
    if (!media.equals(PROTOBUF)) {
      stats.response(415, "unsupported_media_type");
      String why = media.equals("application/json")
          ? "cannot accept OTLP/HTTP JSON: this sink decodes OTLP protobuf only (Content-Type " + PROTOBUF + ")"
          : "cannot accept Content-Type \"" + type + "\" on " + PATH + ": OTLP protobuf (" + PROTOBUF + ")";
      fail(req, 415, why);
      return;
    }
    if (!coding.equals("identity") && !coding.isEmpty() && !coding.equals("gzip")) {
      stats.response(415, "unsupported_encoding");
      fail(req, 415, "cannot accept Content-Encoding \"" + encoding + "\" on " + PATH + ": gzip or identity");
      return;
    }
    boolean gzip = coding.equals("gzip");
    req.body().onSuccess(body -> answer(req, body, gzip)).onFailure(e -> stats.response(0, "read_error"));
  }

  private void answer(HttpServerRequest req, Buffer body, boolean gzip) {
    if (options.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < options.errorRate()) {
      // Injected failure: nothing written, so nothing counted as received.
      stats.response(options.errorStatus(), "injected");
      delayed(() -> fail(req, options.errorStatus(), "injected error"));
      return;
    }
    byte[] bytes = body.getBytes();
    RequestCounts c;
    try {
      c = counter.count(bytes, bytes.length, gzip);
    } catch (PayloadTooLargeException e) {
      stats.response(413, e.reason());
      fail(req, 413, e.getMessage());
      return;
    } catch (InvalidPayloadException e) {
      stats.response(400, e.reason());
      fail(req, 400, e.getMessage());
      return;
    }
    stats.add(c);
    stats.response(200, "ok");
    // An empty ExportMetricsServiceResponse: every field default, zero bytes on the wire.
    delayed(() -> req.response().setStatusCode(200).putHeader("Content-Type", PROTOBUF).end());
  }

  private void delayed(Runnable r) {
    options.afterLatency(vertx, r);
  }

  private static void fail(HttpServerRequest req, int status, String message) {
    req.response().setStatusCode(status).putHeader("Content-Type", PROTOBUF)
        .end(Buffer.buffer(status(grpcCode(status), message)));
  }

  /** The gRPC code OTLP/HTTP pairs with an HTTP status (INVALID_ARGUMENT, RESOURCE_EXHAUSTED, UNAVAILABLE). */
  private static int grpcCode(int status) {
    return status == 413 ? 8 : status >= 500 ? 14 : 3;
  }

  /** {@code google.rpc.Status}: code (1, int32), message (2, string). */
  static byte[] status(int code, String message) {
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    int size = CodedOutputStream.computeInt32Size(1, code) + CodedOutputStream.computeByteArraySize(2, text);
    byte[] out = new byte[size];
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    try {
      o.writeInt32(1, code);
      o.writeByteArray(2, text);
      o.checkNoSpaceLeft();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot encode google.rpc.Status: " + e.getMessage(), e);
    }
    return out;
  }
}
