package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendConfigTest {

  @Test
  void copiesHeadersSoLaterChangesDoNotLeakIn() {
    Map<String, String> headers = new HashMap<>(Map.of("X-A", "1"));
    BackendConfig b = new BackendConfig("a", URI.create("http://a/w"), Protocol.RW2, headers, Duration.ofSeconds(1), 1,
        QueueConfig.defaults(), BatchConfig.defaults(), RetryConfig.defaults(), List.of(), null);

    headers.put("X-B", "2");

    assertThat(b.headers()).containsOnlyKeys("X-A");
  }

  @Test
  void toStringLeavesHeaderValuesOut() {
    BackendConfig b = new BackendConfig("a", URI.create("http://a/w"), Protocol.RW1, Map.of("X-Api-Key", "s3cret"),
        Duration.ofSeconds(1), 1, QueueConfig.defaults(), BatchConfig.defaults(), RetryConfig.defaults(), List.of(), null);

    assertThat(b.toString()).contains("name=a", "protocol=RW1", "headers=[X-Api-Key]").doesNotContain("s3cret");
  }
}
