package io.rwgateway.translators.relabel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;

/**
 * A relabel regex as Prometheus compiles it ({@code NewRegexp}): the source wrapped in
 * {@code ^(?:...)$} and compiled by RE2 (Go's engine; re2j is its Java port), so matching takes
 * linear time whatever the pattern, and submatches follow Go's leftmost-first rules. Prometheus
 * 2.42 does not add the {@code s} flag (3.x compiles {@code ^(?s:...)$}): {@code .} does not
 * match a newline. Syntax differences left between re2j 1.8 and Go 1.19's regexp (which 2.42
 * was built with): re2j refuses two groups with the same name, which Go accepts, and accepts
 * {@code (?<name>re)}, which Go only accepts from 1.22. Thread-safe.
 */
final class RelabelRegex {
  static final String DEFAULT_SOURCE = "(.*)";

  private final String source;
  private final Pattern pattern;
  private final int groupCount;
  /** Exact shortcut for literal shapes, null otherwise. */
  private final LiteralAlternation literal;
  /** True for {@code (.*)}, the default: one group spanning any value without a newline. */
  private final boolean matchesAll;

  private RelabelRegex(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
    this.groupCount = pattern.groupCount();
    this.literal = LiteralAlternation.of(source);
    this.matchesAll = source.equals(DEFAULT_SOURCE);
  }

  /** Compiles {@code source}; the message of a syntax error is Go's, e.g. "error parsing regexp: ...". */
  static RelabelRegex compile(String source) {
    try {
      return new RelabelRegex(source, Pattern.compile("^(?:" + source + ")$"));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The text the user wrote, without the anchors. */
  String source() {
    return source;
  }

  int groupCount() {
    return groupCount;
  }

  Map<String, Integer> namedGroups() {
    return pattern.namedGroups();
  }

  ExpandTemplate template(String text) {
    return ExpandTemplate.parse(text, groupCount, pattern.namedGroups());
  }

  /**
   * True when {@link #matches} never runs the RE2 machine: the default {@code (.*)} or a literal
   * shape ({@link LiteralAlternation}). Such a match costs a few string comparisons, no more than
   * a cache lookup, so a {@link RelabelPlan} evaluates it directly instead of caching it.
   */
  boolean cheapMatch() {
    return matchesAll || literal != null;
  }

  /** True for the default {@code (.*)}: every value without a newline matches, as one group. */
  boolean matchesAll() {
    return matchesAll;
  }

  /** Go {@code MatchString}. */
  boolean matches(String s) {
    if (matchesAll) {
      return s.indexOf('\n') < 0;
    }
    if (literal != null) {
      return literal.matches(s);
    }
    return pattern.matcher(s).find();
  }

  /** Go {@code FindStringSubmatchIndex}: the leftmost match's group bounds, or null. */
  int[] findSubmatchIndex(String s) {
    if (matchesAll) {
      int n = s.length();
      return s.indexOf('\n') < 0 ? new int[] {0, n, 0, n} : null;
    }
    Matcher m = pattern.matcher(s);
    if (!m.find()) {
      return null;
    }
    return bounds(m);
  }

  private int[] bounds(Matcher m) {
    int[] match = new int[2 * (groupCount + 1)];
    for (int g = 0; g <= groupCount; g++) {
      match[2 * g] = m.start(g);
      match[2 * g + 1] = m.end(g);
    }
    return match;
  }

  /**
   * Go {@code ReplaceAllString}, step for step: every match is replaced by the expanded template,
   * an empty match right after a match is skipped, and the search always moves forward. The anchors
   * usually allow one match only, but a source like {@code a)|(b} escapes them, as in Prometheus.
   */
  String replaceAll(String src, ExpandTemplate template) {
    StringBuilder out = new StringBuilder();
    Matcher m = pattern.matcher(src);
    int end = src.length();
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= end) {
      if (!m.find(searchPos)) {
        break;
      }
      int[] match = bounds(m);
      out.append(src, lastMatchEnd, match[0]);
      if (match[1] > lastMatchEnd || match[0] == 0) {
        template.expand(out, src, match);
      }
      lastMatchEnd = match[1];
      int width = searchPos < end ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > match[1]) {
        searchPos += width;
      } else if (searchPos + 1 > match[1]) {
        searchPos++;
      } else {
        searchPos = match[1];
      }
    }
    out.append(src, lastMatchEnd, end);
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
