package io.rwgateway.translators.otlp;

import java.util.concurrent.ConcurrentHashMap;

/**
 * OTLP attribute key → Prometheus label name (otlp.md §3.4; otlptranslator {@code LabelNamer}).
 * Under the UTF-8 strategies names are kept. Escaping: {@code __x__} keeps its ends; chars outside
 * {@code [a-zA-Z0-9]} become {@code _} one by one (preserve) or per run (collapse); a leading digit
 * gets {@code key_}; a single leading {@code _} gets {@code key} (underscore sanitization). An empty
 * result or one of underscores only is an error. Thread-safe; results are memoised (bounded)
 * because the same few attribute keys come in every request.
 */
final class LabelNamer {
  private static final int MAX_MEMO = 16_384;
  private static final String INVALID = new String("\0invalid");

  /** An attribute key that cannot be a label name: the data point is rejected. */
  static final class InvalidLabelException extends Exception {
    InvalidLabelException(String message) {
      super(message, null, false, false);
    }
  }

  private final boolean escape;
  private final boolean underscoreSanitization;
  private final boolean preserveMultipleUnderscores;
  private final ConcurrentHashMap<String, String> memo = new ConcurrentHashMap<>();

  LabelNamer(OtlpOptions options) {
    this(options.translationStrategy().escapes(), options.labelNameUnderscoreSanitization(),
        options.labelNamePreserveMultipleUnderscores());
  }

  LabelNamer(boolean escape, boolean underscoreSanitization, boolean preserveMultipleUnderscores) {
    this.escape = escape;
    this.underscoreSanitization = underscoreSanitization;
    this.preserveMultipleUnderscores = preserveMultipleUnderscores;
  }

  String build(String key) throws InvalidLabelException {
    String cached = memo.get(key);
    if (cached == null) {
      cached = compute(key);
      if (memo.size() >= MAX_MEMO) {
        memo.clear();
      }
      memo.put(key, cached);
    }
    if (cached == INVALID) {
      throw new InvalidLabelException("attribute \"" + key + "\" does not make a valid label name");
    }
    return cached;
  }

  private String compute(String key) {
    if (key.isEmpty()) {
      return INVALID;
    }
    if (!escape) {
      return MetricNamer.onlyUnderscores(key) ? INVALID : key;
    }
    String out;
    if (key.length() >= 4 && key.startsWith("__") && key.endsWith("__")) {
      // Reserved form: only the inside is escaped (§3.4).
      out = "__" + sanitize(key.substring(2, key.length() - 2)) + "__";
    } else {
      out = sanitize(key);
      if (!out.isEmpty() && out.charAt(0) >= '0' && out.charAt(0) <= '9') {
        out = "key_" + out;
      } else if (underscoreSanitization && out.startsWith("_") && !out.startsWith("__")) {
        out = "key" + out;
      }
    }
    if (out.isEmpty() || (!out.equals(key) && MetricNamer.onlyUnderscores(out))) {
      return INVALID;
    }
    return out;
  }

  private String sanitize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean lastUnderscore = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean valid = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
      if (valid) {
        sb.append((char) cp);
        lastUnderscore = false;
      } else if (preserveMultipleUnderscores || !lastUnderscore) {
        sb.append('_');
        lastUnderscore = true;
      }
    }
    return sb.toString();
  }
}
