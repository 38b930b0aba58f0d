package io.rwgateway.translators.otlp;

import java.util.ArrayList;
import java.util.List;

/**
 * OTLP metric name + unit + kind → Prometheus metric name, per translation strategy (otlp.md §3.3;
 * otlptranslator {@code metric_namer.go}, matched token for token because users' queries were
 * written against Prometheus). Stateless and thread-safe.
 */
final class MetricNamer {
  /** The metric kinds that change suffixes (otlptranslator {@code MetricType}). */
  enum Kind { GAUGE, MONOTONIC_COUNTER, NON_MONOTONIC_COUNTER, HISTOGRAM, EXPONENTIAL_HISTOGRAM, SUMMARY }

  /** A name that escapes to nothing: the metric is dropped (§3.3 step 7). */
  static final class InvalidNameException extends Exception {
    InvalidNameException(String message) {
      super(message, null, false, false);
    }
  }

  private final TranslationStrategy strategy;

  MetricNamer(TranslationStrategy strategy) {
    this.strategy = strategy;
  }

  String build(String name, String unit, Kind kind) throws InvalidNameException {
    String out;
    if (!strategy.escapes()) {
      out = strategy.addsSuffixes() ? utf8WithSuffixes(name, unit, kind) : name;
      if (out.isEmpty()) {
        throw new InvalidNameException("metric name is empty");
      }
      return out;
    }
    out = strategy.addsSuffixes() ? normalize(name, unit, kind) : escapeKeepingUnderscores(name);
    if (out.isEmpty()) {
      throw new InvalidNameException("metric name \"" + name + "\" resulted in an empty name");
    }
    if (!out.equals(name) && onlyUnderscores(out)) {
      throw new InvalidNameException("metric name \"" + name + "\" resulted in invalid name \"" + out + "\"");
    }
    return out;
  }

  /** {@code [a-zA-Z0-9:]}: otlptranslator's {@code isValidCompliantMetricChar}. */
  static boolean isValidMetricChar(int cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ':';
  }

  /** UnderscoreEscapingWithSuffixes: {@code normalizeName}. */
  private static String normalize(String name, String unit, Kind kind) {
    List<String> tokens = tokens(name, false);
    UnitNamer.Suffixes s = UnitNamer.suffixes(unit);
    addUnitTokens(tokens, UnitNamer.cleanUp(s.main()), UnitNamer.cleanUp(s.per()));
    if (kind == Kind.MONOTONIC_COUNTER) {
      tokens.removeIf("total"::equals);
      tokens.add("total");
    }
    // _ratio for gauges only: receivers misuse unit "1" for counts (otlp.md §3.3 step 4).
    if (unit.equals("1") && kind == Kind.GAUGE) {
      tokens.removeIf("ratio"::equals);
      tokens.add("ratio");
    }
    String joined = String.join("_", tokens);
    if (!joined.isEmpty() && Character.isDigit(joined.charAt(0))) {
      joined = "_" + joined;
    }
    return joined;
  }

  private static void addUnitTokens(List<String> tokens, String main, String per) {
    if (tokens.contains(main)) {
      main = "";
    }
    if (per.equals("per_")) {
      per = "";
    } else {
      if (per.endsWith("_")) {
        per = per.substring(0, per.length() - 1);
      }
      if (tokens.contains(per)) {
        per = "";
      }
    }
    if (!per.isEmpty() && main.endsWith("_")) {
      main = main.substring(0, main.length() - 1);
    }
    if (!main.isEmpty()) {
      tokens.add(main);
    }
    if (!per.isEmpty()) {
      tokens.add(per);
    }
  }

  /** UnderscoreEscapingWithoutSuffixes: split on chars neither valid nor {@code _}, join with {@code _}. */
  private static String escapeKeepingUnderscores(String name) {
    String joined = String.join("_", tokens(name, true));
    if (!joined.isEmpty() && Character.isDigit(joined.charAt(0))) {
      joined = "_" + joined;
    }
    return joined;
  }

  /** Go's {@code strings.FieldsFunc} over runes: runs of separators (and ends) yield no token. */
  private static List<String> tokens(String name, boolean underscoreIsValid) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      boolean valid = isValidMetricChar(cp) || (underscoreIsValid && cp == '_');
      if (valid && start < 0) {
        start = i;
      } else if (!valid && start >= 0) {
        out.add(name.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(name.substring(start));
    }
    return out;
  }

  /** NoUTF8EscapingWithSuffixes: {@code buildMetricName} (name kept, suffixes joined with {@code _}). */
  private static String utf8WithSuffixes(String name, String unit, Kind kind) {
    String out = name;
    boolean ratio = unit.equals("1") && kind == Kind.GAUGE;
    if (ratio) {
      out = trimSuffixAndDelimiter(out, "ratio");
    }
    boolean total = kind == Kind.MONOTONIC_COUNTER;
    if (total) {
      out = trimSuffixAndDelimiter(out, "total");
    }
    UnitNamer.Suffixes s = UnitNamer.suffixes(unit);
    if (!s.per().isEmpty()) {
      out = trimSuffixAndDelimiter(out, s.per());
    }
    if (!s.main().isEmpty() && !out.endsWith(s.main())) {
      out = out + "_" + s.main();
    }
    // Go's deferred appends run last-registered first: per, then total, then ratio.
    if (!s.per().isEmpty()) {
      out = out + "_" + s.per();
    }
    if (total) {
      out = out + "_total";
    }
    if (ratio) {
      out = out + "_ratio";
    }
    return out;
  }

  private static String trimSuffixAndDelimiter(String name, String suffix) {
    if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
      return name.substring(0, name.length() - suffix.length() - 1);
    }
    return name;
  }

  static boolean onlyUnderscores(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '_') {
        return false;
      }
    }
    return true;
  }
}
