package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AuthConfigMapperTest {
  private static String backend(String... extra) {
    StringBuilder yaml = new StringBuilder("backends:\n  - name: a\n    url: http://a:8428/api/v1/write\n");
    for (String line : extra) {
      yaml.append("    ").append(line).append('\n');
    }
    return yaml.toString();
  }

  private static BackendAuth auth(String... extra) throws ConfigException {
    return ConfigLoader.parse(backend(extra)).backends().get(0).auth();
  }

  @Test
  void noCredentialsByDefault() throws Exception {
    assertThat(auth()).isNull();
  }

  @Test
  void basicAuthWithAPasswordOrAPasswordFile() throws Exception {
    assertThat(auth("basic_auth: {username: alice, password: s3cret}"))
        .isEqualTo(new BackendAuth.Basic("alice", Secret.inline("s3cret")));
    assertThat(auth("basic_auth: {username: alice, password_file: /etc/rw-gateway/secrets/password}"))
        .isEqualTo(new BackendAuth.Basic("alice", Secret.fromFile(Path.of("/etc/rw-gateway/secrets/password"))));
    assertThat(auth("basic_auth: {username: alice}")).as("an empty password, as Prometheus allows")
        .isEqualTo(new BackendAuth.Basic("alice", Secret.inline("")));
  }

  @Test
  void authorizationIsABearerTokenUnlessATypeIsGiven() throws Exception {
    assertThat(auth("authorization: {credentials_file: /var/run/secrets/token}"))
        .isEqualTo(new BackendAuth.Credentials("Bearer", Secret.fromFile(Path.of("/var/run/secrets/token"))));
    assertThat(auth("authorization: {type: Token, credentials: abc}"))
        .isEqualTo(new BackendAuth.Credentials("Token", Secret.inline("abc")));
  }

  @Test
  void refusesWhatPrometheusRefuses() {
    assertThat(LoadErrors.of(backend("basic_auth: {username: a}", "authorization: {credentials: t}")))
        .containsExactly("backends[0].authorization: set at most one of basic_auth and authorization");
    assertThat(LoadErrors.of(backend("basic_auth: {username: a, password: p, password_file: /f}")))
        .containsExactly("backends[0].basic_auth.password_file: set at most one of password and password_file");
    assertThat(LoadErrors.of(backend("authorization: {type: basic, credentials: t}")))
        .containsExactly("backends[0].authorization.type: cannot be Basic: use basic_auth instead");
    assertThat(LoadErrors.of(backend("authorization: {type: Bearer}")))
        .containsExactly("backends[0].authorization.credentials: is required (or credentials_file)");
    assertThat(LoadErrors.of(backend("basic_auth: {password: p}")))
        .containsExactly("backends[0].basic_auth.username: is required");
    assertThat(LoadErrors.of(backend("basic_auth: {username: 'a:b'}")))
        .containsExactly("backends[0].basic_auth.username: must not contain ':' (RFC 7617)");
    assertThat(LoadErrors.of(backend("authorization: {credential_file: /f}")))
        .anySatisfy(e -> assertThat(e).startsWith("backends[0].authorization.credential_file: unknown key")
            .contains("credentials_file"));
  }

  @Test
  void aConfigPrintsNoSecretValue() throws Exception {
    BackendConfig b = ConfigLoader.parse(backend("authorization: {credentials: very-secret-token}")).backends().get(0);
    assertThat(b.toString()).doesNotContain("very-secret-token").contains("<secret>");
    BackendConfig f = ConfigLoader.parse(backend("basic_auth: {username: u, password_file: /s/p}")).backends().get(0);
    assertThat(f.toString()).contains("file /s/p");
  }
}
