package io.rwgateway.loadtest;

import java.time.Duration;

/** Prometheus-style durations on the command line: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
public final class Durations {
  private Durations() {}

  public static Duration parse(String text) {
    String s = text.trim();
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("cannot parse duration \"" + text + "\": expected e.g. 500ms, 5s, 2m");
    }
    double n = Double.parseDouble(s.substring(0, i));
    String unit = s.substring(i);
    double millis = switch (unit) {
      case "ms" -> n;
      case "s", "" -> n * 1000;
      case "m" -> n * 60_000;
      case "h" -> n * 3_600_000;
      default -> throw new IllegalArgumentException(
          "cannot parse duration \"" + text + "\": unknown unit \"" + unit + "\" (ms, s, m, h)");
    };
    return Duration.ofNanos((long) (millis * 1_000_000));
  }
}
