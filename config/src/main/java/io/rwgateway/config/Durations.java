package io.rwgateway.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations as Go's {@code time.ParseDuration} and Prometheus write them: a sequence of numbers
 * with units, {@code 500ms}, {@code 5s}, {@code 1h30m}, {@code 1.5s}, or a bare {@code 0}. Units:
 * ns, us (or µs), ms, s, m, h, and Prometheus' d (24h) and w (7d). Negative values are refused:
 * no setting of the gateway means anything by them.
 */
public final class Durations {
  private static final String UNITS = "ns, us, ms, s, m, h, d, w";
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;

  private Durations() {
  }

  /**
   * @throws IllegalArgumentException "cannot parse duration '...': cause" when malformed, negative
   *                                  or beyond about 292 years
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw failure(text, "empty, expected a number with a unit (e.g. 30s, 500ms, 1h30m)");
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    if (text.charAt(0) == '-') {
      throw failure(text, "must not be negative");
    }
    long total = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int wholeStart = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      int wholeEnd = i;
      int fractionStart = i;
      if (i < n && text.charAt(i) == '.') {
        fractionStart = ++i;
        while (i < n && isDigit(text.charAt(i))) {
          i++;
        }
      }
      int fractionEnd = i;
      if (wholeEnd == wholeStart && fractionEnd == fractionStart) {
        throw failure(text, "expected a number at position " + (wholeStart + 1));
      }
      int unitStart = i;
      while (i < n && !isDigit(text.charAt(i)) && text.charAt(i) != '.') {
        i++;
      }
      String unit = text.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw failure(text, "missing unit (e.g. " + text + "s; units " + UNITS + ")");
      }
      long unitNanos = unitNanos(unit);
      if (unitNanos == 0) {
        throw failure(text, "unknown unit '" + unit + "' (use " + UNITS + ")");
      }
      try {
        long whole = wholeEnd == wholeStart ? 0 : Long.parseLong(text, wholeStart, wholeEnd, 10);
        long nanos = Math.multiplyExact(whole, unitNanos);
        if (fractionEnd > fractionStart) {
          // Truncated to whole nanoseconds, as Go does.
          nanos = Math.addExact(nanos, new BigDecimal("0." + text.substring(fractionStart, fractionEnd))
              .multiply(BigDecimal.valueOf(unitNanos)).longValue());
        }
        total = Math.addExact(total, nanos);
      } catch (NumberFormatException | ArithmeticException e) {
        throw failure(text, "too large");
      }
    }
    return Duration.ofNanos(total);
  }

  /**
   * Formats as Go's {@code Duration.String()}: "0s", "500ms", "1.5s", "1m30s", "1h30m0s", "2µs".
   * The result parses back to the same value.
   */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long seconds = d.getSeconds();
    int nanos = d.getNano();
    if (seconds == 0) {
      if (nanos == 0) {
        return "0s";
      }
      if (nanos < 1_000) {
        return nanos + "ns";
      }
      if (nanos < 1_000_000) {
        return decimal(nanos / 1_000, nanos % 1_000, 3) + "µs";
      }
      return decimal(nanos / 1_000_000, nanos % 1_000_000, 6) + "ms";
    }
    String secondsPart = decimal(seconds % 60, nanos, 9) + "s";
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    if (hours > 0) {
      return hours + "h" + minutes + "m" + secondsPart;
    }
    if (minutes > 0) {
      return minutes + "m" + secondsPart;
    }
    return secondsPart;
  }

  /** "whole.fraction" with the fraction zero-padded to {@code digits} and trailing zeros removed. */
  private static String decimal(long whole, long fraction, int digits) {
    if (fraction == 0) {
      return Long.toString(whole);
    }
    StringBuilder f = new StringBuilder(Long.toString(fraction));
    while (f.length() < digits) {
      f.insert(0, '0');
    }
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + f.substring(0, end);
  }

  /** @return nanoseconds per unit, 0 when unknown */
  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "\u00b5s": // micro sign, as Go writes it
      case "\u03bcs": // Greek mu, also accepted by Go
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return NANOS_PER_HOUR;
      case "d":
        return 24 * NANOS_PER_HOUR;
      case "w":
        return 7 * 24 * NANOS_PER_HOUR;
      default:
        return 0;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException failure(String text, String cause) {
    return new IllegalArgumentException("cannot parse duration '" + text + "': " + cause);
  }
}
