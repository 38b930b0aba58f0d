package io.rwgateway.gateway.ingest;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a byte limit. A declared Content-Length over the limit is refused
 * before a byte is read; a chunked body is refused as soon as it passes the limit, so an oversized
 * body never sits in memory.
 */
final class BodyReader {
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
    int initial = declared == null ? 16 * 1024 : (int) Math.min(maxBytes, safeParse(declared));
    Buffer body = Buffer.buffer(Math.max(initial, 16));
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

  private static long safeParse(String s) {
    try {
      return Math.max(0, Long.parseLong(s.trim()));
    } catch (NumberFormatException e) {
      return 16 * 1024;
    }
  }
}
