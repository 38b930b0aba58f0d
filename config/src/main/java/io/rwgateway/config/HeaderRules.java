package io.rwgateway.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a backend's extra headers. Users must not be able to override the headers the protocol
 * needs (remote-write.md §1.2, Prometheus' reserved list, compared case-insensitively);
 * {@code Authorization} is refused too: credentials have their own settings ({@link AuthConfigMapper}).
 */
final class HeaderRules {
  static final Set<String> RESERVED = Set.of("host", "content-encoding", "content-length", "content-type",
      "user-agent", "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "www-authenticate",
      "accept-encoding", "x-prometheus-remote-write-version", "x-prometheus-remote-read-version",
      "x-amz-date", "x-amz-security-token", "x-amz-content-sha256");
  private static final String TCHARS = "!#$%&'*+-.^_`|~";

  private HeaderRules() {
  }

  /** @return the valid headers, in file order; every refused one is an error at its own path */
  static Map<String, String> check(MapReader r) {
    Map<String, String> valid = new LinkedHashMap<>();
    Map<String, String> firstByLowerName = new HashMap<>();
    for (String name : r.keys()) {
      String lower = name.toLowerCase(Locale.ROOT);
      String first = firstByLowerName.putIfAbsent(lower, name);
      String problem = nameProblem(name);
      if (problem != null) {
        r.error(name, problem);
      } else if (first != null) {
        r.error(name, "duplicate header (same as " + first + ": header names are case-insensitive)");
      } else {
        String value = r.string(name, null); // null: not a string (error recorded) or null (absent)
        if (value != null && hasControlCharacter(value)) {
          r.error(name, "must not contain control characters such as line breaks");
        } else if (value != null) {
          valid.put(name, value);
        }
      }
    }
    return valid;
  }

  /**
   * @return why a header name cannot be configured (not a token, reserved, or Authorization), or
   *         null when it can
   */
  static String nameProblem(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!isToken(name)) {
      return "must be a valid header name (letters, digits and " + TCHARS + ")";
    }
    if (RESERVED.contains(lower)) {
      return "cannot set reserved header " + name + ": the gateway sets it (remote-write.md §1.2)";
    }
    if (lower.equals("authorization")) {
      return "cannot set " + name + " as a plain header: use basic_auth or authorization (credentials_file)";
    }
    return null;
  }

  /** RFC 9110 §5.6.2 token. */
  private static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || TCHARS.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 §5.5: field values are visible characters, spaces and tabs; CR or LF would split the header. */
  static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
