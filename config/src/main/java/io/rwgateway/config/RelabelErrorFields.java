package io.rwgateway.config;

import java.util.List;
import java.util.Locale;

/**
 * Finds which key of a relabel rule a refusal of {@code RelabelRule.of} is about, so that the error
 * reads {@code relabel_configs[2].regex: cannot compile ...} rather than pointing at the whole rule.
 * The message is one line of free text: it is attributed to a key when it starts with
 * {@code "key:"}, or else when it names exactly one key (the action, named as context in messages
 * such as "target_label is required for action replace", only counts when no other key is named).
 */
final class RelabelErrorFields {
  private static final String ACTION = "action";

  /** Each YAML key with the spellings a message may use for it, lower case. */
  private static final List<List<String>> SPELLINGS = List.of(
      List.of("source_labels", "sourcelabels", "source labels"),
      List.of("separator"),
      List.of("target_label", "targetlabel", "target label"),
      List.of("regex", "regexp", "regular expression"),
      List.of("modulus"),
      List.of("replacement"),
      List.of(ACTION));

  private RelabelErrorFields() {
  }

  /** @return the YAML key the message is about, or null when it names none or several */
  static String keyOf(String message) {
    // Prometheus quotes the key it requires: "... replace action requires 'target_label' value".
    for (List<String> spellings : SPELLINGS) {
      if (!spellings.get(0).equals(ACTION) && message.contains("'" + spellings.get(0) + "'")) {
        return spellings.get(0);
      }
    }
    // Other quoted text is the user's value (a regex may well contain "separator"): not a key mention.
    String text = withoutQuotedText(message).toLowerCase(Locale.ROOT);
    for (List<String> spellings : SPELLINGS) {
      for (String s : spellings) {
        if (text.startsWith(s + ":")) {
          return spellings.get(0);
        }
      }
    }
    String named = null;
    boolean actionNamed = false;
    for (List<String> spellings : SPELLINGS) {
      if (!mentionsAny(text, spellings)) {
        continue;
      }
      String key = spellings.get(0);
      if (key.equals(ACTION)) {
        actionNamed = true;
      } else if (named != null) {
        return null;
      } else {
        named = key;
      }
    }
    return named != null ? named : actionNamed ? ACTION : null;
  }

  /** "regex: cannot compile ..." under key regex becomes "cannot compile ...": the path names the key already. */
  static String withoutKeyPrefix(String key, String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    for (List<String> spellings : SPELLINGS) {
      if (!spellings.get(0).equals(key)) {
        continue;
      }
      for (String s : spellings) {
        String rest = message.substring(Math.min(s.length() + 1, message.length())).trim();
        if (lower.startsWith(s + ":") && !rest.isEmpty()) {
          return rest;
        }
      }
    }
    return message;
  }

  private static boolean mentionsAny(String text, List<String> spellings) {
    for (String s : spellings) {
      int from = 0;
      int at;
      while ((at = text.indexOf(s, from)) >= 0) {
        if (!isWordChar(text, at - 1) && !isWordChar(text, at + s.length())) {
          return true;
        }
        from = at + 1;
      }
    }
    return false;
  }

  private static boolean isWordChar(String text, int index) {
    if (index < 0 || index >= text.length()) {
      return false;
    }
    char c = text.charAt(index);
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Removes '...' and "..." spans; an unmatched quote ends the text. */
  static String withoutQuotedText(String message) {
    StringBuilder out = new StringBuilder(message.length());
    char open = 0;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (open != 0) {
        if (c == open) {
          open = 0;
        }
      } else if ((c == '\'' || c == '"') && !isWordChar(message, i - 1)) {
        open = c;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
