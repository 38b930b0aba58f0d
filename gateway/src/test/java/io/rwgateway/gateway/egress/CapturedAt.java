package io.rwgateway.gateway.egress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a fixture body was captured: {@code received_unix_ms} of its {@code NNNN.headers.json}. */
final class CapturedAt {
  private static final Pattern RECEIVED = Pattern.compile("\"received_unix_ms\"\\s*:\\s*(\\d+)");

  private CapturedAt() {}

  static long millis(Path body) throws IOException {
    Path headers = body.resolveSibling(body.getFileName().toString().replace(".body", ".headers.json"));
    Matcher m = RECEIVED.matcher(Files.readString(headers));
    if (!m.find()) {
      throw new IllegalStateException("no received_unix_ms in " + headers);
    }
    return Long.parseLong(m.group(1));
  }
}
