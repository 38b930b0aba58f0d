package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {
  private static final List<String> BATCH_KEYS = List.of("max_samples", "max_bytes", "max_delay");

  @Test
  void suggestsTheClosestKey() {
    assertThat(KeySuggestions.closest("max_byte", BATCH_KEYS)).isEqualTo("max_bytes");
    assertThat(KeySuggestions.closest("max_sample", BATCH_KEYS)).isEqualTo("max_samples");
    assertThat(KeySuggestions.closest("max_dealy", BATCH_KEYS)).isEqualTo("max_delay");
  }

  @Test
  void ignoresCaseAndDashes() {
    assertThat(KeySuggestions.closest("Max-Bytes", BATCH_KEYS)).isEqualTo("max_bytes");
  }

  @Test
  void suggestsNothingForDistantKeys() {
    assertThat(KeySuggestions.closest("size", BATCH_KEYS)).isNull();
    assertThat(KeySuggestions.closest("ur", List.of("url", "name"))).isEqualTo("url");
    assertThat(KeySuggestions.closest("xy", List.of("url", "name"))).isNull();
  }

  @Test
  void computesEditDistance() {
    assertThat(KeySuggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(KeySuggestions.distance("", "abc")).isEqualTo(3);
    assertThat(KeySuggestions.distance("same", "same")).isZero();
  }
}
