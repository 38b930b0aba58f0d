package io.rwgateway.translators.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetadataCadenceTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final MetadataCadence cadence = new MetadataCadence(60, 3, now::get);

  @Test
  void sendsAFamilyOncePerInterval() {
    assertThat(cadence.due("up", 2, "help", "")).isTrue();
    now.addAndGet(59);
    assertThat(cadence.due("up", 2, "help", "")).isFalse();
    now.addAndGet(1);
    assertThat(cadence.due("up", 2, "help", "")).isTrue();
    assertThat(cadence.due("up", 2, "help", "")).isFalse();
  }

  @Test
  void sendsAgainAtOnceWhenMetadataChanges() {
    assertThat(cadence.due("x", 1, "help", "")).isTrue();
    assertThat(cadence.due("x", 1, "new help", "")).isTrue();
    assertThat(cadence.due("x", 2, "new help", "")).isTrue();
    assertThat(cadence.due("x", 2, "new help", "seconds")).isTrue();
    assertThat(cadence.due("x", 2, "new help", "seconds")).isFalse();
  }

  @Test
  void familiesAreIndependent() {
    assertThat(cadence.due("a", 1, "", "")).isTrue();
    assertThat(cadence.due("b", 1, "", "")).isTrue();
    assertThat(cadence.due("a", 1, "", "")).isFalse();
  }

  @Test
  void staysBoundedByForgettingEverything() {
    cadence.due("a", 1, "", "");
    cadence.due("b", 1, "", "");
    cadence.due("c", 1, "", "");
    assertThat(cadence.due("d", 1, "", "")).isTrue();
    // the memory was cleared to make room: "a" goes out early, which is harmless
    assertThat(cadence.due("a", 1, "", "")).isTrue();
    assertThat(cadence.due("d", 1, "", "")).isFalse();
  }

  @Test
  void refusesNonPositiveSettings() {
    assertThatThrownBy(() -> new MetadataCadence(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
