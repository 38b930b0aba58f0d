package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.config.BackendAuth;
import io.rwgateway.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialHeaderTest {
  @TempDir
  Path dir;

  private final AtomicLong clock = new AtomicLong();

  private CredentialHeader header(BackendAuth auth) {
    return new CredentialHeader("vm", auth, clock::get);
  }

  @Test
  void basicAuthIsBase64OfUserColonPasswordInUtf8() throws Exception {
    // RFC 7617 §2's own example: Aladdin / open sesame.
    assertThat(header(new BackendAuth.Basic("Aladdin", Secret.inline("open sesame"))).value())
        .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    assertThat(header(new BackendAuth.Basic("test", Secret.inline("123£"))).value())
        .as("RFC 7617 §2.1 UTF-8 example").isEqualTo("Basic dGVzdDoxMjPCow==");
  }

  @Test
  void authorizationIsTypeSpaceCredentials() throws Exception {
    assertThat(header(new BackendAuth.Credentials("Bearer", Secret.inline("abc"))).value()).isEqualTo("Bearer abc");
  }

  @Test
  void aFileIsReadTrimmedAsPrometheusReadsIt() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "  tok-1\n");
    assertThat(header(new BackendAuth.Credentials("Bearer", Secret.fromFile(token))).value()).isEqualTo("Bearer tok-1");
  }

  @Test
  void aRotatedFileIsUsedOnceItChangesAndAtMostOneStatASecondIsPaid() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "tok-1");
    Files.setLastModifiedTime(token, FileTime.from(Instant.parse("2026-12-04T00:00:00Z")));
    CredentialHeader h = header(new BackendAuth.Credentials("Bearer", Secret.fromFile(token)));
    assertThat(h.value()).isEqualTo("Bearer tok-1");

    Files.writeString(token, "tok-2");
    Files.setLastModifiedTime(token, FileTime.from(Instant.parse("2026-12-04T00:01:00Z")));
    clock.addAndGet(CredentialHeader.RECHECK_NANOS - 1);
    assertThat(h.value()).as("not looked at again within a second").isEqualTo("Bearer tok-1");
    clock.addAndGet(1);
    assertThat(h.value()).isEqualTo("Bearer tok-2");
  }

  @Test
  void aFileThatDisappearsKeepsTheLastValueRead() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "tok-1");
    CredentialHeader h = header(new BackendAuth.Basic("u", Secret.fromFile(token)));
    String first = h.value();
    Files.delete(token);
    clock.addAndGet(CredentialHeader.RECHECK_NANOS);
    assertThat(h.value()).isEqualTo(first);
  }

  @Test
  void aFileNeverReadFailsTheSendUntilItAppears() throws Exception {
    Path token = dir.resolve("not-yet");
    CredentialHeader h = header(new BackendAuth.Credentials("Bearer", Secret.fromFile(token)));
    assertThatThrownBy(h::value).isInstanceOf(IOException.class).hasMessageContaining("not-yet");
    Files.writeString(token, "late");
    clock.addAndGet(CredentialHeader.RECHECK_NANOS);
    assertThat(h.value()).isEqualTo("Bearer late");
  }
}
