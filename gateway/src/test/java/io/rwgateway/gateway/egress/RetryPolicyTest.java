package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(
      new RetryConfig(Duration.ofMillis(30), Duration.ofSeconds(5), true));

  @RepeatedTest(20)
  void backoffDoublesWithJitterAndIsCapped() {
    assertThat(policy.backoffMillis(1)).isBetween(15L, 30L);
    assertThat(policy.backoffMillis(2)).isBetween(30L, 60L);
    assertThat(policy.backoffMillis(4)).isBetween(120L, 240L);
    assertThat(policy.backoffMillis(10)).isBetween(2500L, 5000L);
    assertThat(policy.backoffMillis(1000)).isBetween(2500L, 5000L);
  }

  @Test
  void retryAfterInSecondsReplacesTheBackoff() {
    assertThat(policy.delayMillis(1, "3", 0)).isEqualTo(3000);
    assertThat(policy.delayMillis(1, " 120 ", 0)).isEqualTo(120_000);
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() {
    long now = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.parse("2026-11-25T10:00:07Z").atZone(ZoneOffset.UTC));
    assertThat(policy.delayMillis(1, date, now)).isEqualTo(7000);
  }

  @Test
  void invalidZeroOrPastRetryAfterFallsBackToBackoff() {
    long now = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
    for (String v : new String[] {null, "", "0", "-5", "soon", "Wed, 25 Nov 2026 09:00:00 GMT"}) {
      assertThat(policy.delayMillis(1, v, now)).as(String.valueOf(v)).isBetween(15L, 30L);
    }
  }

  @Test
  void absurdRetryAfterIsClamped() {
    assertThat(policy.delayMillis(1, "99999999", 0)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER_MS);
  }
}
