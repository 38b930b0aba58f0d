package io.rwgateway.gateway.ingest;

import java.util.Locale;

/**
 * Picks the RW message from the request headers, before the body is read (remote-write.md §2.2,
 * §2.5: 415 must be decided from headers alone). Content-Type is parsed per RFC 9110 §8.3.1:
 * case-insensitive type and parameter names, optional whitespace around {@code ;} and quoted
 * parameter values, which client_golang's parser gets wrong (§4.7).
 */
public final class ContentNegotiation {
  static final String MEDIA_TYPE = "application/x-protobuf";
  static final String PROTO_V1 = "prometheus.WriteRequest";
  static final String PROTO_V2 = "io.prometheus.write.v2.Request";

  private ContentNegotiation() {}

  /** The outcome: a protocol, or the one-line reason for a 415. */
  public record Result(WireProtocol protocol, String rejectReason, String rejectMessage) {
    static Result ok(WireProtocol p) {
      return new Result(p, null, null);
    }

    static Result reject(String reason, String message) {
      return new Result(null, reason, message);
    }

    public boolean accepted() {
      return protocol != null;
    }
  }

  public static Result negotiate(String contentType, String contentEncoding) {
    Result type = parseContentType(contentType);
    if (!type.accepted()) {
      return type;
    }
    // A missing encoding is accepted as snappy, as Prometheus' handler does (§2.7).
    if (contentEncoding != null && !contentEncoding.isBlank()
        && !contentEncoding.trim().equalsIgnoreCase("snappy")) {
      return Result.reject("unsupported_encoding",
          "cannot accept Content-Encoding \"" + oneLine(contentEncoding) + "\": only snappy is supported");
    }
    return type;
  }

  /** An empty Content-Type is RW 1.0, as Prometheus treats it (§2.7). */
  static Result parseContentType(String header) {
    if (header == null || header.isBlank()) {
      return Result.ok(WireProtocol.RW1);
    }
    String[] parts = header.split(";", -1);
    String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(MEDIA_TYPE)) {
      return Result.reject("unsupported_content_type",
          "cannot accept Content-Type \"" + oneLine(header) + "\": expected " + MEDIA_TYPE);
    }
    String proto = null;
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      if (eq <= 0) {
        return Result.reject("unsupported_content_type",
            "cannot parse Content-Type \"" + oneLine(header) + "\": parameter without value");
      }
      String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = unquote(param.substring(eq + 1).trim());
      if (name.equals("proto")) {
        proto = value;
      }
    }
    if (proto == null || proto.equals(PROTO_V1)) {
      return Result.ok(WireProtocol.RW1);
    }
    if (proto.equals(PROTO_V2)) {
      return Result.ok(WireProtocol.RW2);
    }
    return Result.reject("unsupported_proto",
        "cannot accept proto=\"" + oneLine(proto) + "\": expected " + PROTO_V1 + " or " + PROTO_V2);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
      StringBuilder sb = new StringBuilder(v.length());
      for (int i = 1; i < v.length() - 1; i++) {
        char c = v.charAt(i);
        if (c == '\\' && i + 1 < v.length() - 1) {
          c = v.charAt(++i);
        }
        sb.append(c);
      }
      return sb.toString();
    }
    return v;
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("[\\r\\n]", " ");
    return t.length() > 100 ? t.substring(0, 100) + "..." : t;
  }
}
