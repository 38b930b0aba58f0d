package io.rwgateway.config;

/**
 * Parses {@code listen_address}, "host:port" as Go's net.Listen takes it: {@code 0.0.0.0:9201},
 * {@code localhost:0}, {@code [::1]:9201} (IPv6 in brackets), {@code :9201} (every interface).
 */
record ListenAddress(String host, int port) {
  private static final String EXAMPLE = " (e.g. 0.0.0.0:9201 or [::1]:9201)";

  /** @throws IllegalArgumentException with the reason, to be prefixed with the path */
  static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("must be host:port" + EXAMPLE + ", got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
      if (!isHost(host, true)) {
        throw new IllegalArgumentException("must have an IPv6 address in brackets, got '" + text + "'");
      }
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("must put an IPv6 host in brackets" + EXAMPLE + ", got '" + text + "'");
    } else if (host.isEmpty()) {
      host = Defaults.LISTEN_HOST;
    } else if (!isHost(host, false)) {
      throw new IllegalArgumentException("must be host:port with a host name or IP address, got '" + text + "'");
    }
    return new ListenAddress(host, port(text.substring(colon + 1), text));
  }

  private static int port(String digits, String text) {
    if (digits.isEmpty() || digits.length() > 5) {
      throw new IllegalArgumentException("must end with a port from 0 to 65535, got '" + text + "'");
    }
    int port = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("must end with a port from 0 to 65535, got '" + text + "'");
      }
      port = port * 10 + (c - '0');
    }
    if (port > 65535) {
      throw new IllegalArgumentException("must end with a port from 0 to 65535, got '" + text + "'");
    }
    return port;
  }

  /** Letters, digits, '.', '-', '_' for names and IPv4; hex digits, ':', '.', '%' zone for IPv6. */
  private static boolean isHost(String host, boolean ipv6) {
    if (host.isEmpty()) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.'
          || (ipv6 ? c == ':' || c == '%' : c == '-' || c == '_');
      if (!ok) {
        return false;
      }
    }
    return !ipv6 || host.indexOf(':') >= 0;
  }
}
