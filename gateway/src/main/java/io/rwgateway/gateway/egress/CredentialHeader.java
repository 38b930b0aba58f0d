package io.rwgateway.gateway.egress;

import io.rwgateway.config.BackendAuth;
import io.rwgateway.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The {@code Authorization} header value of a backend's requests ({@code basic_auth} or
 * {@code authorization}). A credential from a file is read as Prometheus reads it (whole file,
 * surrounding whitespace trimmed) and read again when the file changes, so a rotated Kubernetes
 * Secret is used without a restart: the file's modification time is looked at no more than once a
 * second, so the event loop pays one {@code stat} a second at most. If the file cannot be read,
 * the last value read is kept (one warning); a backend whose file was never readable fails its
 * sends, which are retried and counted as send errors. Confined to the route's context.
 */
final class CredentialHeader {
  private static final Logger LOG = Logger.getLogger(CredentialHeader.class.getName());
  static final long RECHECK_NANOS = 1_000_000_000L;

  private final String backend;
  private final BackendAuth auth;
  private final LongSupplier nanoClock;
  private String value;
  private FileTime readAt;
  private long checkedAt;
  private boolean checkedOnce;
  private boolean warned;

  CredentialHeader(String backend, BackendAuth auth, LongSupplier nanoClock) {
    this.backend = backend;
    this.auth = auth;
    this.nanoClock = nanoClock;
  }

  /** The header value to send now. */
  String value() throws IOException {
    Secret secret = auth instanceof BackendAuth.Basic b ? b.password() : ((BackendAuth.Credentials) auth).credentials();
    if (secret.file() == null) {
      if (value == null) {
        value = format(secret.value());
      }
      return value;
    }
    long now = nanoClock.getAsLong();
    if (!checkedOnce || now - checkedAt >= RECHECK_NANOS) {
      checkedOnce = true;
      checkedAt = now;
      refresh(secret);
    }
    if (value == null) {
      throw new IOException("cannot read credentials file " + secret.file());
    }
    return value;
  }

  private void refresh(Secret secret) {
    try {
      FileTime modified = Files.getLastModifiedTime(secret.file());
      if (value != null && modified.equals(readAt)) {
        return;
      }
      String read = Files.readString(secret.file(), StandardCharsets.UTF_8).strip();
      value = format(read);
      readAt = modified;
      warned = false;
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.warning("backend " + backend + ": cannot read credentials file " + secret.file() + " ("
            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"
            + (value == null ? "; sends fail until it can be read" : "; the last value read is used"));
      }
    }
  }

  private String format(String secret) {
    if (auth instanceof BackendAuth.Basic b) {
      // RFC 7617 §2: base64 of user-id ":" password, in UTF-8 (the charset Prometheus' Go client uses).
      String pair = b.username() + ":" + secret;
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return ((BackendAuth.Credentials) auth).type() + " " + secret;
  }
}
