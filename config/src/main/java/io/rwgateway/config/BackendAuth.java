package io.rwgateway.config;

/**
 * What a backend's requests carry in their {@code Authorization} header, configured as in
 * Prometheus' {@code remote_write}: {@code basic_auth} or {@code authorization} (at most one).
 */
public sealed interface BackendAuth {
  /** {@code basic_auth: {username, password | password_file}}: {@code Basic base64(user:password)}. */
  record Basic(String username, Secret password) implements BackendAuth {}

  /** {@code authorization: {type, credentials | credentials_file}}: {@code <type> <credentials>}. */
  record Credentials(String type, Secret credentials) implements BackendAuth {}
}
