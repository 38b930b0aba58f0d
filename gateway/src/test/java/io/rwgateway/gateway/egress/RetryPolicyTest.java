package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.RetryConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryConfig CONFIG = new RetryConfig(Duration.ofMillis(30), Duration.ofSeconds(5), true);

  @Test
  void backoffDoublesFromMinToMaxWithEqualJitter() {
    RetryPolicy noJitter = new RetryPolicy(CONFIG, bound -> 0);
    RetryPolicy fullJitter = new RetryPolicy(CONFIG, bound -> bound);

    // Equal jitter: [d/2, d] with d = 30 ms doubling, capped at 5 s.
    assertThat(noJitter.backoffMillis(1)).isEqualTo(15);
    assertThat(fullJitter.backoffMillis(1)).isEqualTo(30);
    assertThat(noJitter.backoffMillis(2)).isEqualTo(30);
    assertThat(fullJitter.backoffMillis(2)).isEqualTo(60);
    assertThat(fullJitter.backoffMillis(4)).isEqualTo(240);
    assertThat(noJitter.backoffMillis(10)).isEqualTo(2500);
    assertThat(fullJitter.backoffMillis(10)).isEqualTo(5000);
    assertThat(fullJitter.backoffMillis(1000)).isEqualTo(5000);
  }

  @Test
  void theDefaultJitterSpreadsRetriesOverTheWholeRange() {
    RetryPolicy policy = new RetryPolicy(CONFIG);
    Set<Long> seen = new HashSet<>();
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2000; i++) {
      long d = policy.backoffMillis(10);
      assertThat(d).isBetween(2500L, 5000L);
      seen.add(d);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    // 2000 draws from 2501 values: without jitter there would be one value.
    assertThat(seen.size()).isGreaterThan(500);
    assertThat(min).isLessThan(2700);
    assertThat(max).isGreaterThan(4800);
  }

  @Test
  void retryAfterReplacesTheBackoffForThatAttempt() {
    RetryPolicy policy = new RetryPolicy(CONFIG, bound -> 0);
    assertThat(policy.delayMillis(1, 3000)).isEqualTo(3000);
    assertThat(policy.delayMillis(1, -1)).isEqualTo(15);
  }
}
