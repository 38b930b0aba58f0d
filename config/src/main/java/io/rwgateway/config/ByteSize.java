package io.rwgateway.config;

/**
 * Sizes as written in the configuration: a plain integer (bytes) or an integer with a unit, B, KB,
 * MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024), case-sensitive, no space:
 * {@code 1048576}, {@code 500KB}, {@code 64MiB}.
 */
public final class ByteSize {
  private static final String UNITS = "B, KB, MB, GB, KiB, MiB, GiB";
  private static final String[] BINARY_UNITS = {"GiB", "MiB", "KiB"};
  private static final long[] BINARY_FACTORS = {1L << 30, 1L << 20, 1L << 10};
  private static final String[] DECIMAL_UNITS = {"GB", "MB", "KB"};
  private static final long[] DECIMAL_FACTORS = {1_000_000_000L, 1_000_000L, 1_000L};

  private ByteSize() {
  }

  /**
   * @return the number of bytes
   * @throws IllegalArgumentException "cannot parse size '...': cause" when malformed, negative or
   *                                  larger than a long
   */
  public static long parse(String text) {
    if (text == null || text.isEmpty()) {
      throw failure(text, "empty, expected an integer with an optional unit " + UNITS);
    }
    if (text.charAt(0) == '-') {
      throw failure(text, "must not be negative");
    }
    int digits = 0;
    while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0) {
      throw failure(text, "expected an integer with an optional unit " + UNITS + " (e.g. 64MiB)");
    }
    String unit = text.substring(digits);
    if (unit.startsWith(".")) {
      throw failure(text, "fractions are not supported, use a smaller unit (e.g. 1536KiB)");
    }
    long factor = factor(unit);
    if (factor == 0) {
      throw failure(text, "unknown unit '" + unit + "' (use " + UNITS + ")");
    }
    try {
      return Math.multiplyExact(Long.parseLong(text, 0, digits, 10), factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw failure(text, "too large");
    }
  }

  /** Shortest exact form for messages and logs: 67108864 -> "64MiB", 500000 -> "500KB", 1000001 -> "1000001B". */
  public static String format(long bytes) {
    if (bytes != 0) {
      for (int i = 0; i < BINARY_UNITS.length; i++) {
        if (bytes % BINARY_FACTORS[i] == 0) {
          return bytes / BINARY_FACTORS[i] + BINARY_UNITS[i];
        }
      }
      for (int i = 0; i < DECIMAL_UNITS.length; i++) {
        if (bytes % DECIMAL_FACTORS[i] == 0) {
          return bytes / DECIMAL_FACTORS[i] + DECIMAL_UNITS[i];
        }
      }
    }
    return bytes + "B";
  }

  /** @return bytes per unit, 0 when the unit is unknown */
  private static long factor(String unit) {
    switch (unit) {
      case "":
      case "B":
        return 1;
      case "KB":
        return 1_000L;
      case "MB":
        return 1_000_000L;
      case "GB":
        return 1_000_000_000L;
      case "KiB":
        return 1L << 10;
      case "MiB":
        return 1L << 20;
      case "GiB":
        return 1L << 30;
      default:
        return 0;
    }
  }

  private static IllegalArgumentException failure(String text, String cause) {
    return new IllegalArgumentException("cannot parse size '" + text + "': " + cause);
  }
}
