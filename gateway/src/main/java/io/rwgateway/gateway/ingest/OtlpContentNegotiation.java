package io.rwgateway.gateway.ingest;

import java.util.Locale;

/**
 * Picks the OTLP/HTTP decoder from the request headers, before the body is read (otlp.md §1.1):
 * the media type alone decides, parameters such as {@code charset} are ignored (Prometheus compares
 * the whole header, so a parameter breaks it there); gzip or identity, anything else 415.
 */
public final class OtlpContentNegotiation {
  private OtlpContentNegotiation() {}

  /** The outcome: an encoding and a compression, or the one-line reason for a 415. */
  public record Result(OtlpEncoding encoding, OtlpCompression compression, String rejectReason,
      String rejectMessage) {
    public boolean accepted() {
      return rejectReason == null;
    }
  }

  public static Result negotiate(String contentType, String contentEncoding) {
    OtlpEncoding encoding = encoding(contentType);
    if (encoding == null) {
      return new Result(null, null, "unsupported_content_type", "cannot accept Content-Type \""
          + oneLine(contentType) + "\" for OTLP: expected application/x-protobuf or application/json");
    }
    OtlpCompression compression = compression(contentEncoding);
    if (compression == null) {
      return new Result(encoding, null, "unsupported_encoding", "cannot accept Content-Encoding \""
          + oneLine(contentEncoding) + "\" for OTLP: expected gzip or identity");
    }
    return new Result(encoding, compression, null, null);
  }

  /** The encoding of a Content-Type, null when it is none of OTLP's (or absent). */
  static OtlpEncoding encoding(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
        .toLowerCase(Locale.ROOT);
    for (OtlpEncoding e : OtlpEncoding.values()) {
      if (e.mediaType().equals(media)) {
        return e;
      }
    }
    return null;
  }

  /** A missing or empty Content-Encoding is identity (RFC 9110 §8.4). */
  static OtlpCompression compression(String contentEncoding) {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return OtlpCompression.IDENTITY;
    }
    String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (coding.equals("gzip") || coding.equals("x-gzip")) {
      return OtlpCompression.GZIP;
    }
    return coding.equals("identity") ? OtlpCompression.IDENTITY : null;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\r\\n]", " ");
    return t.length() > 100 ? t.substring(0, 100) + "..." : t;
  }
}
