package io.rwgateway.translators.relabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replacement or target-label template with Go {@code Regexp.Expand} semantics, parsed once per
 * rule: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}} insert a submatch (empty when the
 * group does not exist or did not take part), {@code $$} is a literal {@code $}, a name is the
 * longest run of letters, digits and {@code _} (so {@code $1x} means {@code ${1x}}, a group name,
 * usually empty), a malformed reference ({@code $-}, {@code ${1}) leaves the {@code $} as text.
 */
final class ExpandTemplate {
  private static final int NO_GROUP = -1;

  /** Literal text before each group reference, then the text after the last one. */
  private final String[] literals;
  /** Group index of each reference, or {@link #NO_GROUP} (expands to nothing). */
  private final int[] groups;

  private ExpandTemplate(String[] literals, int[] groups) {
    this.literals = literals;
    this.groups = groups;
  }

  /** Parses {@code template}; references are resolved against the groups of {@code regex}. */
  static ExpandTemplate parse(String template, int groupCount, Map<String, Integer> namedGroups) {
    List<String> lits = new ArrayList<>();
    List<Integer> refs = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int n = template.length();
    int i = 0;
    while (true) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      lit.append(template, i, dollar);
      i = dollar + 1;
      if (i < n && template.charAt(i) == '$') {
        lit.append('$');
        i++;
        continue;
      }
      int end = referenceEnd(template, i);
      if (end < 0) {
        lit.append('$');
        continue;
      }
      boolean brace = template.charAt(i) == '{';
      String name = template.substring(brace ? i + 1 : i, brace ? end - 1 : end);
      i = end;
      lits.add(lit.toString());
      lit.setLength(0);
      refs.add(resolve(name, groupCount, namedGroups));
    }
    lit.append(template, i, n);
    lits.add(lit.toString());
    int[] groupArray = new int[refs.size()];
    for (int k = 0; k < groupArray.length; k++) {
      groupArray[k] = refs.get(k);
    }
    return new ExpandTemplate(lits.toArray(new String[0]), groupArray);
  }

  /**
   * Go's {@code extract}: the end (exclusive) of a reference starting at {@code from} (just after
   * the {@code $}), or -1 when it is malformed.
   */
  private static int referenceEnd(String t, int from) {
    int n = t.length();
    if (from >= n) {
      return -1;
    }
    boolean brace = t.charAt(from) == '{';
    int start = brace ? from + 1 : from;
    int j = start;
    while (j < n) {
      int cp = t.codePointAt(j);
      if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
        break;
      }
      j += Character.charCount(cp);
    }
    if (j == start) {
      return -1;
    }
    if (brace) {
      if (j >= n || t.charAt(j) != '}') {
        return -1;
      }
      j++;
    }
    return j;
  }

  /** A number (no leading zero, below 1e8) is a group index, anything else a group name. */
  private static int resolve(String name, int groupCount, Map<String, Integer> namedGroups) {
    int num = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name.charAt(0) == '0' && name.length() > 1) {
      num = -1;
    }
    if (num >= 0) {
      return num <= groupCount ? num : NO_GROUP;
    }
    Integer named = namedGroups.get(name);
    return named == null ? NO_GROUP : named;
  }

  /** True when the template has no references, so it expands to itself for every match. */
  boolean isLiteral() {
    return groups.length == 0;
  }

  /**
   * Appends the expansion to {@code dst}. {@code match} holds (start, end) pairs per group as Go's
   * {@code FindStringSubmatchIndex} returns them, -1 for a group that did not take part.
   */
  void expand(StringBuilder dst, String src, int[] match) {
    for (int k = 0; k < groups.length; k++) {
      dst.append(literals[k]);
      int g = groups[k];
      if (g >= 0 && 2 * g + 1 < match.length && match[2 * g] >= 0) {
        dst.append(src, match[2 * g], match[2 * g + 1]);
      }
    }
    dst.append(literals[groups.length]);
  }

  String expand(String src, int[] match) {
    if (groups.length == 0) {
      return literals[0];
    }
    StringBuilder sb = new StringBuilder();
    expand(sb, src, match);
    return sb.toString();
  }
}
