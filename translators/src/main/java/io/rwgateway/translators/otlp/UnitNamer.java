package io.rwgateway.translators.otlp;

import java.util.Map;

/**
 * UCUM unit → Prometheus unit words (otlp.md §3.2; otlptranslator {@code unit_namer.go}): the unit
 * is split once at the first {@code /}, each part trimmed, a part that is empty or holds a brace
 * ({@code {packet}}) dropped, the rest looked up in its table or used as-is. Stateless.
 */
final class UnitNamer {
  private static final Map<String, String> MAIN = Map.ofEntries(
      Map.entry("d", "days"), Map.entry("h", "hours"), Map.entry("min", "minutes"),
      Map.entry("s", "seconds"), Map.entry("ms", "milliseconds"), Map.entry("us", "microseconds"),
      Map.entry("ns", "nanoseconds"), Map.entry("By", "bytes"), Map.entry("KiBy", "kibibytes"),
      Map.entry("MiBy", "mebibytes"), Map.entry("GiBy", "gibibytes"), Map.entry("TiBy", "tibibytes"),
      Map.entry("KBy", "kilobytes"), Map.entry("MBy", "megabytes"), Map.entry("GBy", "gigabytes"),
      Map.entry("TBy", "terabytes"), Map.entry("m", "meters"), Map.entry("V", "volts"),
      Map.entry("A", "amperes"), Map.entry("J", "joules"), Map.entry("W", "watts"),
      Map.entry("g", "grams"), Map.entry("Cel", "celsius"), Map.entry("Hz", "hertz"),
      Map.entry("1", ""), Map.entry("%", "percent"));
  private static final Map<String, String> PER = Map.of(
      "s", "second", "m", "minute", "h", "hour", "d", "day", "w", "week", "mo", "month", "y", "year");

  /** The main word ("" when none) and the per part ({@code per_second}, "" when none), raw. */
  record Suffixes(String main, String per) {}

  private UnitNamer() {}

  /** otlptranslator's {@code buildUnitSuffixes}: no character cleanup. */
  static Suffixes suffixes(String unit) {
    int slash = unit.indexOf('/');
    String mainPart = (slash < 0 ? unit : unit.substring(0, slash)).strip();
    String main = "";
    if (!mainPart.isEmpty() && !hasBrace(mainPart)) {
      main = MAIN.getOrDefault(mainPart, mainPart);
    }
    String per = "";
    if (slash >= 0 && slash + 1 < unit.length()) {
      String perPart = unit.substring(slash + 1).strip();
      if (!perPart.isEmpty() && !hasBrace(perPart)) {
        per = "per_" + PER.getOrDefault(perPart, perPart);
      }
    }
    return new Suffixes(main, per);
  }

  /**
   * The unit word for metadata (otlp.md §5: {@code By/s} → {@code bytes_per_second}, {@code 1} →
   * empty), escaped like a metric name when {@code escape}; otlptranslator's {@code UnitNamer.Build}.
   */
  static String unitWord(String unit, boolean escape) {
    if (unit.isEmpty()) {
      return "";
    }
    Suffixes s = suffixes(unit);
    String main = escape ? cleanUp(s.main) : s.main;
    String per = escape ? cleanUp(s.per) : s.per;
    String u;
    if (!main.isEmpty() && !per.isEmpty()) {
      u = main + "_" + per;
    } else if (!main.isEmpty()) {
      u = main;
    } else {
      u = per;
    }
    if (u.startsWith("_")) {
      u = u.substring(1);
    }
    if (u.endsWith("_")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  /**
   * otlptranslator's {@code cleanUpUnit}: every character outside {@code [a-zA-Z0-9:]} becomes
   * {@code _}, runs of {@code _} collapse, one leading {@code _} goes.
   */
  static String cleanUp(String unit) {
    if (unit.isEmpty()) {
      return unit;
    }
    StringBuilder sb = new StringBuilder(unit.length());
    boolean lastUnderscore = false;
    for (int i = 0; i < unit.length(); ) {
      int cp = unit.codePointAt(i);
      i += Character.charCount(cp);
      if (MetricNamer.isValidMetricChar(cp)) {
        sb.append((char) cp);
        lastUnderscore = false;
      } else if (!lastUnderscore) {
        sb.append('_');
        lastUnderscore = true;
      }
    }
    if (sb.length() > 0 && sb.charAt(0) == '_') {
      sb.deleteCharAt(0);
    }
    return sb.toString();
  }

  private static boolean hasBrace(String s) {
    return s.indexOf('{') >= 0 || s.indexOf('}') >= 0;
  }
}
