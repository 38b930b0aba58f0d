package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendUrlsTest {

  @Test
  void redactsUserInfo() {
    assertThat(BackendUrls.redact("https://user:pw@host/w")).isEqualTo("https://***@host/w");
    assertThat(BackendUrls.redact("ftp://pw@h")).isEqualTo("ftp://***@h");
  }

  @Test
  void leavesUrlsWithoutUserInfoAlone() {
    assertThat(BackendUrls.redact("http://host/w?mail=a@b")).isEqualTo("http://host/w?mail=a@b");
    assertThat(BackendUrls.redact("not a url")).isEqualTo("not a url");
  }
}
