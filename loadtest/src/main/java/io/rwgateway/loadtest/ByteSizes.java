package io.rwgateway.loadtest;

/** Byte sizes on the command line: {@code 512MiB}, {@code 2GiB}, {@code 64KiB}, {@code 1000000}. */
public final class ByteSizes {
  private ByteSizes() {}

  public static long parse(String text) {
    String s = text.trim();
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("cannot parse size \"" + text + "\": expected e.g. 512MiB, 2GiB");
    }
    long n = Long.parseLong(s.substring(0, i));
    long unit = switch (s.substring(i)) {
      case "", "B" -> 1L;
      case "KiB" -> 1L << 10;
      case "MiB" -> 1L << 20;
      case "GiB" -> 1L << 30;
      default -> throw new IllegalArgumentException(
          "cannot parse size \"" + text + "\": unknown unit \"" + s.substring(i) + "\" (B, KiB, MiB, GiB)");
    };
    return Math.multiplyExact(n, unit);
  }
}
