package io.rwgateway.config;

import java.util.Map;

/** A backend's {@code name}: required, {@code [a-zA-Z0-9_-]+} (it becomes a metric label value), unique. */
final class BackendNames {
  private BackendNames() {
  }

  /**
   * @param pathByName names seen so far in the list and the path of their first use; updated
   * @return the name, or null when missing or malformed (an error is recorded)
   */
  static String check(MapReader r, Map<String, String> pathByName) {
    String name = r.requiredString("name");
    if (name == null) {
      return null;
    }
    if (!isValid(name)) {
      r.error("name", "must match [a-zA-Z0-9_-]+ (it is used as a metric label), got '" + name + "'");
      return null;
    }
    String first = pathByName.putIfAbsent(name, r.path());
    if (first != null) {
      r.error("name", "duplicate backend name '" + name + "' (also " + first + ")");
    }
    return name;
  }

  private static boolean isValid(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
