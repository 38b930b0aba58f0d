package io.rwgateway.translators.relabel;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast, exact matcher for the regex shapes relabel configs mostly use: an alternation of
 * branches that are a literal, optionally preceded and/or followed by {@code .*}
 * ({@code go_.*|process_.*}, {@code tmp_scrape_id}, {@code .*_bucket}). Anchored as Prometheus
 * anchors: a literal must equal the value, {@code L.*} means "starts with L", {@code .*L} "ends
 * with L", {@code .*L.*} "contains L"; and since {@code .} does not match a newline (2.42 sets no
 * {@code s} flag), any {@code .*} branch fails on a value holding one. RE2 still compiles and
 * validates every regex and answers every other shape; this only spares the NFA run on misses.
 */
final class LiteralAlternation {
  /** RE2 metacharacters outside a class: a branch holding one is not a plain literal. */
  private static final String META = "\\.+*?()|[]{}^$";

  private final String[] literals;
  private final boolean[] anyBefore;
  private final boolean[] anyAfter;

  private LiteralAlternation(String[] literals, boolean[] anyBefore, boolean[] anyAfter) {
    this.literals = literals;
    this.anyBefore = anyBefore;
    this.anyAfter = anyAfter;
  }

  /** The matcher for {@code source}, or null when its shape is not handled here. */
  static LiteralAlternation of(String source) {
    List<String> branches = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= source.length(); i++) {
      if (i == source.length() || source.charAt(i) == '|') {
        branches.add(source.substring(start, i));
        start = i + 1;
      }
    }
    int n = branches.size();
    String[] literals = new String[n];
    boolean[] before = new boolean[n];
    boolean[] after = new boolean[n];
    for (int b = 0; b < n; b++) {
      String branch = branches.get(b);
      before[b] = branch.startsWith(".*");
      String rest = before[b] ? branch.substring(2) : branch;
      after[b] = rest.endsWith(".*");
      rest = after[b] ? rest.substring(0, rest.length() - 2) : rest;
      if (!isPlain(rest)) {
        return null;
      }
      literals[b] = rest;
    }
    return new LiteralAlternation(literals, before, after);
  }

  private static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (META.indexOf(c) >= 0 || c == '\n') {
        return false;
      }
    }
    return true;
  }

  boolean matches(String s) {
    int newline = -2;
    for (int b = 0; b < literals.length; b++) {
      String lit = literals[b];
      boolean hit;
      if (!anyBefore[b] && !anyAfter[b]) {
        hit = s.equals(lit);
      } else {
        if (newline == -2) {
          newline = s.indexOf('\n');
        }
        if (newline >= 0) {
          continue;
        }
        if (anyBefore[b] && anyAfter[b]) {
          hit = s.contains(lit);
        } else if (anyAfter[b]) {
          hit = s.startsWith(lit);
        } else {
          hit = s.endsWith(lit);
        }
      }
      if (hit) {
        return true;
      }
    }
    return false;
  }
}
