package io.rwgateway.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A backend's {@code basic_auth} or {@code authorization} section, with Prometheus'
 * {@code remote_write} names and rules (its common HTTP client config): at most one of the two;
 * a password or credentials inline or from a file, not both; {@code authorization.type} defaults
 * to {@code Bearer} and cannot be {@code Basic} (that is {@code basic_auth}'s job).
 */
final class AuthConfigMapper {
  static final String DEFAULT_TYPE = "Bearer";

  private AuthConfigMapper() {
  }

  /** @return the backend's credentials, or null when it has none (or they were refused: errors recorded) */
  static BackendAuth map(MapReader backend) {
    boolean basic = backend.has("basic_auth");
    boolean authorization = backend.has("authorization");
    MapReader basicReader = backend.map("basic_auth");
    MapReader authReader = backend.map("authorization");
    if (basic && authorization) {
      backend.error("authorization", "set at most one of basic_auth and authorization");
      return null;
    }
    if (basic) {
      return basic(basicReader);
    }
    return authorization ? credentials(authReader) : null;
  }

  private static BackendAuth basic(MapReader r) {
    int errors = r.errorCount();
    String username = r.string("username", null);
    if (username == null && !r.failed("username")) {
      r.error("username", "is required");
    } else if (username != null && username.indexOf(':') >= 0) {
      // RFC 7617 §2: the user-id cannot contain a colon.
      r.error("username", "must not contain ':' (RFC 7617)");
    }
    Secret password = secret(r, "password", "password_file", false);
    r.rejectUnknownKeys();
    return r.errorCount() == errors ? new BackendAuth.Basic(username, password) : null;
  }

  private static BackendAuth credentials(MapReader r) {
    int errors = r.errorCount();
    String type = r.string("type", DEFAULT_TYPE);
    if (type != null && type.strip().toLowerCase(Locale.ROOT).equals("basic")) {
      r.error("type", "cannot be Basic: use basic_auth instead");
    } else if (type != null && (type.isBlank() || !type.chars().allMatch(c -> c > ' ' && c < 127))) {
      r.error("type", "must be one word, e.g. Bearer");
    }
    Secret credentials = secret(r, "credentials", "credentials_file", true);
    r.rejectUnknownKeys();
    return r.errorCount() == errors ? new BackendAuth.Credentials(type, credentials) : null;
  }

  /** The inline value under {@code key} or the file under {@code fileKey}: one, not both. */
  private static Secret secret(MapReader r, String key, String fileKey, boolean required) {
    String value = r.string(key, null);
    String file = r.string(fileKey, null);
    if (value != null && file != null) {
      r.error(fileKey, "set at most one of " + key + " and " + fileKey);
      return null;
    }
    if (file != null) {
      if (file.isBlank()) {
        r.error(fileKey, "must be a file path");
        return null;
      }
      return Secret.fromFile(Path.of(file));
    }
    if (value != null) {
      if (value.chars().anyMatch(c -> c < ' ' || c == 127)) {
        r.error(key, "must not contain control characters such as line breaks");
        return null;
      }
      return Secret.inline(value);
    }
    if (required && !r.failed(key) && !r.failed(fileKey)) {
      r.error(key, "is required (or " + fileKey + ")");
    }
    return required ? null : Secret.inline("");
  }
}
