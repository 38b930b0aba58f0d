package io.rwgateway.config;

import java.net.URI;
import java.net.URISyntaxException;

/** A backend's {@code url}: required, absolute http or https with a host, no credentials in it. */
final class BackendUrls {
  private static final String MUST = "must be an absolute http or https URL";

  private BackendUrls() {
  }

  /** @return the URL, or null when missing or refused (an error is recorded) */
  static URI check(MapReader r) {
    String text = r.requiredString("url");
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      r.error("url", MUST + ", got '" + redact(text) + "' (" + e.getReason() + " at index " + e.getIndex() + ")");
      return null;
    }
    String scheme = uri.getScheme();
    if (!uri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      r.error("url", MUST + ", got '" + redact(text) + "'");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      r.error("url", "must not contain user info: use basic_auth");
      return null;
    }
    if (uri.getHost() == null) {
      // java.net.URI leaves the host null for names it cannot parse, e.g. with '_' in them.
      r.error("url", MUST + " with a valid host name (letters, digits, '-', '.'), got '" + text + "'");
      return null;
    }
    return uri;
  }

  /** Hides anything between "://" and '@' so a password never reaches a log. */
  static String redact(String text) {
    int start = text.indexOf("://");
    if (start < 0) {
      return text;
    }
    start += 3;
    int at = text.indexOf('@', start);
    int slash = text.indexOf('/', start);
    if (at < 0 || (slash >= 0 && slash < at)) {
      return text;
    }
    return text.substring(0, start) + "***" + text.substring(at);
  }
}
