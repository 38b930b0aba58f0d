package io.rwgateway.translators.relabel;

/**
 * The few Go string functions whose exact behaviour relabeling depends on. Java's own
 * {@code toLowerCase}/{@code toUpperCase} use full, context-sensitive case mappings ("ß" becomes
 * "SS", a final "Σ" becomes "ς"); Go's {@code strings.ToLower}/{@code ToUpper} map each rune on
 * its own with the simple UnicodeData mapping, which {@link Character#toLowerCase(int)} matches.
 */
final class GoStrings {
  private GoStrings() {}

  /** Go {@code strings.ToLower}. */
  static String toLower(String s) {
    return mapRunes(s, 'A', 'Z', Character::toLowerCase);
  }

  /** Go {@code strings.ToUpper}. */
  static String toUpper(String s) {
    return mapRunes(s, 'a', 'z', Character::toUpperCase);
  }

  /**
   * Maps each code point on its own. ASCII outside {@code [from, to]} maps to itself, so a string
   * made only of such characters is returned as is, without a copy.
   */
  private static String mapRunes(String s, char from, char to, java.util.function.IntUnaryOperator map) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80 || (c >= from && c <= to)) {
        break;
      }
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n).append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(map.applyAsInt(cp));
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Go {@code %q} ({@code strconv.Quote}), so validation messages read as Prometheus' do. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case 0x07 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 0x0b -> sb.append("\\v");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (isPrint(cp)) {
            sb.appendCodePoint(cp);
          } else if (cp < 0x80) {
            sb.append(String.format("\\x%02x", cp));
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Go {@code unicode.IsPrint}: graphic characters and the ASCII space, no other spaces. */
  private static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
