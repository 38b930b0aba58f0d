package io.rwgateway.config;

/** Paths as they appear in error messages: {@code backends[1].retry.min_backoff}; the root is "". */
final class ConfigPath {
  private ConfigPath() {
  }

  static String key(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
