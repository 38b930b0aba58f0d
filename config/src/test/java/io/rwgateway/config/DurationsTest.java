package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesSingleUnits() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("7ns")).isEqualTo(Duration.ofNanos(7));
    assertThat(Durations.parse("3us")).isEqualTo(Duration.ofNanos(3_000));
    assertThat(Durations.parse("3µs")).isEqualTo(Duration.ofNanos(3_000));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
  }

  @Test
  void parsesZeroWithAndWithoutUnit() {
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
  }

  @Test
  void parsesSequencesAndFractionsAsGoDoes() {
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1m30s500ms")).isEqualTo(Duration.ofMillis(90_500));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse(".5h")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("0.000000001s")).isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void rejectsNegativeAndMalformedDurations() {
    assertThatThrownBy(() -> Durations.parse("-1s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot parse duration '-1s': must not be negative");
    assertThatThrownBy(() -> Durations.parse(""))
        .hasMessage("cannot parse duration '': empty, expected a number with a unit (e.g. 30s, 500ms, 1h30m)");
    assertThatThrownBy(() -> Durations.parse("30"))
        .hasMessage("cannot parse duration '30': missing unit (e.g. 30s; units ns, us, ms, s, m, h, d, w)");
    assertThatThrownBy(() -> Durations.parse("1h30"))
        .hasMessageStartingWith("cannot parse duration '1h30': missing unit");
    assertThatThrownBy(() -> Durations.parse("5sec"))
        .hasMessage("cannot parse duration '5sec': unknown unit 'sec' (use ns, us, ms, s, m, h, d, w)");
    assertThatThrownBy(() -> Durations.parse("5S")).hasMessageContaining("unknown unit 'S'");
    assertThatThrownBy(() -> Durations.parse("s"))
        .hasMessage("cannot parse duration 's': expected a number at position 1");
    assertThatThrownBy(() -> Durations.parse("1s.")).hasMessage("cannot parse duration '1s.': expected a number at position 3");
  }

  @Test
  void rejectsDurationsBeyondTheNanosecondRange() {
    assertThatThrownBy(() -> Durations.parse("300y")).hasMessageContaining("unknown unit 'y'");
    assertThatThrownBy(() -> Durations.parse("20000w")).hasMessage("cannot parse duration '20000w': too large");
    assertThatThrownBy(() -> Durations.parse("9999999999999999999s"))
        .hasMessage("cannot parse duration '9999999999999999999s': too large");
  }

  @Test
  void formatsAsGoDurationString() {
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofNanos(7))).isEqualTo("7ns");
    assertThat(Durations.format(Duration.ofNanos(1_500))).isEqualTo("1.5µs");
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofNanos(30_250_000))).isEqualTo("30.25ms");
    assertThat(Durations.format(Duration.ofSeconds(10))).isEqualTo("10s");
    assertThat(Durations.format(Duration.ofMillis(1_500))).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m0s");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
    assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h0m0s");
    assertThat(Durations.format(Duration.ofHours(49).plusNanos(1))).isEqualTo("49h0m0.000000001s");
    assertThat(Durations.format(Duration.ofSeconds(-3))).isEqualTo("-3s");
  }

  @Test
  void formatParsesBack() {
    Duration[] samples = {Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(123_456), Duration.ofMillis(30),
        Duration.ofMillis(1_001), Duration.ofMinutes(61), Duration.ofHours(25).plusMillis(7), Duration.ofDays(365)};
    for (Duration d : samples) {
      assertThat(Durations.parse(Durations.format(d))).as(d.toString()).isEqualTo(d);
    }
  }
}
