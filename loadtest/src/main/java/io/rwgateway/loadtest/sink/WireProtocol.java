package io.rwgateway.loadtest.sink;

import java.util.Locale;

/**
 * The message a request carries: RW 1.0 or 2.0 from its Content-Type (remote-write.md §2.2, parsed
 * per RFC 9110), or OTLP/HTTP metrics (decided by the path {@code /v1/metrics}, see {@link OtlpHandler}).
 */
public enum WireProtocol {
  RW1, RW2, OTLP;

  /** RW1 or RW2, or null for a Content-Type to answer 415 (§5 "Receiver"; empty means RW 1.0). */
  public static WireProtocol ofContentType(String header) {
    if (header == null || header.isBlank()) {
      return RW1;
    }
    String[] parts = header.split(";");
    if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/x-protobuf")) {
      return null;
    }
    String proto = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("proto")) {
        proto = p.substring(eq + 1).trim();
        if (proto.length() >= 2 && proto.startsWith("\"") && proto.endsWith("\"")) {
          proto = proto.substring(1, proto.length() - 1);
        }
      }
    }
    if (proto == null || proto.equals("prometheus.WriteRequest")) {
      return RW1;
    }
    return proto.equals("io.prometheus.write.v2.Request") ? RW2 : null;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
