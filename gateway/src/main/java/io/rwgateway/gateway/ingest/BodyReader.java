package io.rwgateway.gateway.ingest;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a byte limit. A declared Content-Length over the limit is refused
 * before a byte is read; otherwise the buffer grows as bytes arrive (a Content-Length is a claim,
 * not bytes: it never sizes an allocation), and a body that passes the limit is refused at once,
 * so an oversized body never sits in memory.
 */
final class BodyReader {
  /** First buffer size; it grows by doubling as the body arrives. */
  static final int INITIAL_BYTES = 16 * 1024;

  private BodyReader() {}

  static void read(HttpServerRequest req, long maxBytes, Handler<Buffer> onBody, Runnable onTooLarge,
      Handler<Throwable> onError) {
    String declared = req.getHeader("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBytes) {
          onTooLarge.run();
          return;
        }
      } catch (NumberFormatException e) {
        // A malformed length is left to the HTTP codec, which rejects it.
      }
    }
    Buffer body = Buffer.buffer(INITIAL_BYTES);
    boolean[] refused = {false};
    req.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > maxBytes) {
        refused[0] = true;
        onTooLarge.run();
        return;
      }
      body.appendBuffer(chunk);
    });
    req.exceptionHandler(onError);
    req.endHandler(v -> {
      if (!refused[0]) {
        onBody.handle(body);
      }
    });
  }
}
