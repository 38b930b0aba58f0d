package io.rwgateway.translators.otlp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting where the translation needs it, from the shortest decimal that reads back
 * as the same double (JDK 17's {@code Double.toString} is not always shortest, JDK-4511638):
 * {@link #plain} is {@code strconv.FormatFloat(v, 'f', -1, 64)}, used for {@code le} and
 * {@code quantile} (otlp.md §2.3, never exponent form); {@link #json} is the JSON / ES6 layout used
 * for double attributes (§4.6). Thread-safe; {@code le} texts are cached because the same bucket
 * bounds come with every histogram point.
 */
final class NumberText {
  private static final int CACHE_SIZE = 1024;
  private static final Cached[] PLAIN_CACHE = new Cached[CACHE_SIZE];

  private record Cached(long bits, String text) {}

  private NumberText() {}

  /** {@code FormatFloat(v, 'f', -1, 64)}: {@code 0.005}, {@code 1}, {@code 1000000}, {@code -0}, {@code +Inf}. */
  static String plain(double v) {
    long bits = Double.doubleToRawLongBits(v);
    int slot = (int) (bits ^ (bits >>> 29) ^ (bits >>> 47)) & (CACHE_SIZE - 1);
    Cached c = PLAIN_CACHE[slot];
    if (c != null && c.bits == bits) {
      return c.text;
    }
    String text = computePlain(v);
    PLAIN_CACHE[slot] = new Cached(bits, text);
    return text;
  }

  private static String computePlain(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return shortest(v).toPlainString();
  }

  /**
   * The JSON / ES6 {@code Number::toString} layout (Go's encoding/json likewise): plain for
   * 1e-6 ≤ |v| < 1e21, else {@code 1e+21}, {@code 1.5e-7}. NaN and infinities as the OTel spec
   * writes them: {@code NaN}, {@code Infinity}, {@code -Infinity} (§4.6 recommendation).
   */
  static String json(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return "0";
    }
    double abs = Math.abs(v);
    if (abs >= 1e-6 && abs < 1e21) {
      if (v == Math.rint(v) && abs < 1e15) {
        return Long.toString((long) v);
      }
      return shortest(v).toPlainString();
    }
    BigDecimal d = shortest(v);
    String digits = d.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - d.scale();
    StringBuilder sb = new StringBuilder();
    if (v < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    return sb.toString();
  }

  /** The shortest decimal (fewest significant digits, nearest first) that parses back to {@code v}. */
  static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == v) {
        return r.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
