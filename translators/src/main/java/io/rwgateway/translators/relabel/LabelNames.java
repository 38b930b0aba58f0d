package io.rwgateway.translators.relabel;

import com.google.re2j.Pattern;

/**
 * Label name rules as Prometheus 2.42 applies them to relabel configs. Names are the legacy
 * {@code [a-zA-Z_][a-zA-Z0-9_]*} of {@code model.LabelName.IsValid}; Prometheus 3.x accepts any
 * UTF-8 name, 2.42 does not, and users compare against 2.42.
 */
final class LabelNames {
  /**
   * {@code relabelTarget} of relabel.go: a target label (or labelmap replacement) made of name
   * characters and {@code $1}/{@code ${name}} references, starting with a letter, {@code _} or a
   * reference. RE2 here too: the pattern nests quantifiers.
   */
  private static final Pattern TARGET_TEMPLATE =
      Pattern.compile("^(?:(?:[a-zA-Z_]|\\$(?:\\{\\w+\\}|\\w+))+\\w*)+$");

  private LabelNames() {}

  /** Go {@code model.LabelName.IsValid} (legacy scheme). */
  static boolean isValid(String name) {
    int n = name.length();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
          || (c >= '0' && c <= '9' && i > 0);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Go {@code relabelTarget.MatchString}. */
  static boolean isTargetTemplate(String s) {
    return TARGET_TEMPLATE.matcher(s).find();
  }
}
