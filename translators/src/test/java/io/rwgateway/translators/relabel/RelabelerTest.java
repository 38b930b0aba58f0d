package io.rwgateway.translators.relabel;

import static io.rwgateway.translators.relabel.Labels.of;
import static io.rwgateway.translators.relabel.Labels.rule;
import static io.rwgateway.translators.relabel.RelabelAction.DROP;
import static io.rwgateway.translators.relabel.RelabelAction.DROPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.HASHMOD;
import static io.rwgateway.translators.relabel.RelabelAction.KEEP;
import static io.rwgateway.translators.relabel.RelabelAction.KEEPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.LABELDROP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELKEEP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELMAP;
import static io.rwgateway.translators.relabel.RelabelAction.LOWERCASE;
import static io.rwgateway.translators.relabel.RelabelAction.REPLACE;
import static io.rwgateway.translators.relabel.RelabelAction.UPPERCASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviours beyond Prometheus' own table: defaults, empty values, 2.42 quirks, RE2 timing. The
 * cases that go through {@code apply} also run through the {@link RelabelPlan}, which must agree.
 */
class RelabelerTest {

  /** The plain relabeler's output; every case also checks that the plan gives the same. */
  private static String[] apply(String[] labels, RelabelRule... rules) {
    return PlanRuns.applyBoth(List.of(rules), labels);
  }

  @Test
  void withoutRulesReturnsACopy() {
    String[] in = of("__name__", "up", "job", "a");
    Relabeler r = new Relabeler(List.of());
    assertThat(r.isEmpty()).isTrue();
    assertThat(r.apply(in)).containsExactly(in).isNotSameAs(in);
  }

  @Test
  void replaceWithDefaultsCopiesTheSourceValue() {
    assertThat(apply(of("a", "foo"), rule(REPLACE, "a", null, "b", null)))
        .containsExactly("a", "foo", "b", "foo");
  }

  @Test
  void replaceWithoutSourceLabelsSetsAStaticValue() {
    assertThat(apply(of("a", "foo"), rule(REPLACE, null, null, "env", "prod")))
        .containsExactly("a", "foo", "env", "prod");
  }

  @Test
  void missingSourceLabelDeletesTheTargetThroughAnEmptyResult() {
    // val = "" matches (.*), $1 expands to "", and an empty result deletes the target.
    assertThat(apply(of("a", "foo", "b", "bar"), rule(REPLACE, "missing", null, "b", null)))
        .containsExactly("a", "foo");
  }

  @Test
  void joinsSourceValuesWithTheSeparatorMissingOnesAsEmpty() {
    RelabelRule r = RelabelRule.of(REPLACE, List.of("a", "missing", "b"), "/", "c", null, null, null);
    assertThat(apply(of("a", "x", "b", "y"), r)).containsExactly("a", "x", "b", "y", "c", "x//y");
    RelabelRule keepEmptyJoin = RelabelRule.of(KEEP, List.of("m1", "m2"), null, null, ";", null, null);
    assertThat(apply(of("a", "x"), keepEmptyJoin)).containsExactly("a", "x");
  }

  @Test
  void emptyRegexMatchesOnlyTheEmptyValue() {
    RelabelRule dropUnlabeled = rule(DROP, "team", "", null, null);
    assertThat(apply(of("a", "x"), dropUnlabeled)).isNull();
    assertThat(apply(of("a", "x", "team", "t"), dropUnlabeled)).containsExactly("a", "x", "team", "t");
  }

  @Test
  void regexIsAnchoredAtBothEnds() {
    assertThat(apply(of("a", "foobar"), rule(KEEP, "a", "foo", null, null))).isNull();
    assertThat(apply(of("a", "foobar"), rule(KEEP, "a", "bar", null, null))).isNull();
    assertThat(apply(of("a", "foobar"), rule(KEEP, "a", "foo.*", null, null))).isNotNull();
    assertThat(apply(of("a", "foobar"), rule(KEEP, "a", "foo|foobar", null, null))).isNotNull();
  }

  @Test
  void dotDoesNotMatchNewlineIn242() {
    // Prometheus 3.x compiles ^(?s:...)$ and would keep this series; 2.42 drops it.
    assertThat(apply(of("a", "foo\nbar"), rule(KEEP, "a", ".*", null, null))).isNull();
    assertThat(apply(of("a", "foo\nbar"), rule(KEEP, "a", "(?s:.*)", null, null))).isNotNull();
  }

  @Test
  void replaceUsesTheLeftmostFirstSubmatches() {
    assertThat(apply(of("a", "aaa"), rule(REPLACE, "a", "(a*?)(a*)", "b", "$1|$2")))
        .containsExactly("a", "aaa", "b", "|aaa");
    assertThat(apply(of("a", "ab"), rule(REPLACE, "a", "(a|ab)(b?)", "b", "$1|$2")))
        .containsExactly("a", "ab", "b", "a|b");
  }

  @Test
  void replaceExpandsNamedGroupsAndLiteralDollars() {
    RelabelRule r = rule(REPLACE, "a", "(?P<host>[^:]+):(?P<port>\\d+)", "${host}_port", "$$${port}");
    assertThat(apply(of("a", "db:5432"), r)).containsExactly("a", "db:5432", "db_port", "$5432");
    // $1x is the group named "1x": empty, so the target is deleted (here: absent anyway).
    assertThat(apply(of("a", "v"), rule(REPLACE, "a", "(.*)", "b", "$1x"))).containsExactly("a", "v");
    assertThat(apply(of("a", "v"), rule(REPLACE, "a", "(.*)", "b", "${1}x"))).containsExactly("a", "v", "b", "vx");
  }

  @Test
  void replaceOverwritesAnExistingTarget() {
    assertThat(apply(of("a", "new", "b", "old"), rule(REPLACE, "a", null, "b", null)))
        .containsExactly("a", "new", "b", "new");
  }

  @Test
  void emptyResultWithTemplateTargetDeletesTheTemplateNameNotTheExpansionIn242() {
    // 2.42 calls lb.Del(cfg.TargetLabel) with the unexpanded "${1}": label "name" survives.
    // (2.49+ deletes the expanded target "name".)
    RelabelRule r = rule(REPLACE, "a", "some-([^-]+)-([^,]*)", "${1}", "${2}");
    assertThat(apply(of("a", "some-name-", "name", "old"), r))
        .containsExactly("a", "some-name-", "name", "old");
  }

  @Test
  void invalidExpandedTargetDeletesTheLabelNamedLikeTheTemplateIn242() {
    // Lowercase in 2.42 accepts a template target and writes the label "${1}" literally; a
    // replace whose expanded target is invalid then deletes exactly that label.
    RelabelRule lower = rule(LOWERCASE, "a", null, "${1}", null);
    String[] afterLower = apply(of("a", "X-Y"), lower);
    assertThat(afterLower).containsExactly("${1}", "x-y", "a", "X-Y");
    RelabelRule replace = rule(REPLACE, "a", "(.*)", "${1}", "v");
    assertThat(apply(afterLower, replace)).containsExactly("a", "X-Y");
  }

  @Test
  void replaceToAnInvalidExpandedTargetChangesNothingElse() {
    RelabelRule r = rule(REPLACE, "a", "(.*)", "${1}", "v");
    assertThat(apply(of("a", "not-a-name", "b", "x"), r)).containsExactly("a", "not-a-name", "b", "x");
    assertThat(apply(of("a", "9lives"), r)).containsExactly("a", "9lives");
    assertThat(apply(of("a", "ok_name"), r)).containsExactly("a", "ok_name", "ok_name", "v");
  }

  @Test
  void lowercaseOfAnEmptyValueDeletesTheTarget() {
    assertThat(apply(of("a", "x", "t", "old"), rule(LOWERCASE, "missing", null, "t", null)))
        .containsExactly("a", "x");
    assertThat(apply(of("a", "ÄSS", "t", "old"), rule(UPPERCASE, "a", null, "t", null)))
        .containsExactly("a", "ÄSS", "t", "ÄSS");
  }

  @Test
  void hashmodOfMissingLabelsHashesTheEmptyString() {
    // md5("") = d41d8cd98f00b204e9800998ecf8427e; last 8 bytes 0xe9800998ecf8427e.
    long low = 0xe9800998ecf8427eL;
    String expected = Long.toUnsignedString(Long.remainderUnsigned(low, 7));
    RelabelRule r = RelabelRule.of(HASHMOD, List.of("missing"), null, "shard", null, 7L, null);
    assertThat(apply(of("a", "x"), r)).containsExactly("a", "x", "shard", expected);
  }

  @Test
  void hashmodTreatsTheModulusAsUnsigned() {
    // A modulus above the low 8 bytes leaves the number whole, printed unsigned.
    RelabelRule r = RelabelRule.of(HASHMOD, List.of("missing"), null, "h", null, Long.MAX_VALUE, null);
    String expected = Long.toUnsignedString(Long.remainderUnsigned(0xe9800998ecf8427eL, Long.MAX_VALUE));
    assertThat(apply(of("a", "x"), r)).containsExactly("a", "x", "h", expected);
  }

  @Test
  void keepEqualAndDropEqualCompareWithMissingAsEmpty() {
    assertThat(apply(of("a", "x"), rule(KEEPEQUAL, "m1", null, "m2", null))).isNotNull();
    assertThat(apply(of("a", "x"), rule(DROPEQUAL, "m1", null, "m2", null))).isNull();
    RelabelRule joined = RelabelRule.of(KEEPEQUAL, List.of("a", "b"), null, "c", null, null, null);
    assertThat(apply(of("a", "1", "b", "2", "c", "1;2"), joined)).isNotNull();
    assertThat(apply(of("a", "1", "b", "2", "c", "1"), joined)).isNull();
  }

  @Test
  void labelmapIteratesTheLabelsAsTheyWereLaterNamesWinning() {
    // Both map to "x"; sorted iteration sets x from a_x first, then b_x.
    RelabelRule r = rule(LABELMAP, null, "[ab]_(.*)", null, "$1");
    assertThat(apply(of("a_x", "1", "b_x", "2"), r)).containsExactly("a_x", "1", "b_x", "2", "x", "2");
    // A mapped name that itself matches is not mapped again within the same rule.
    RelabelRule again = rule(LABELMAP, null, "m_(.*)", null, "m_m_$1");
    assertThat(apply(of("m_a", "1"), again)).containsExactly("m_a", "1", "m_m_a", "1");
  }

  @Test
  void labelmapOverwritesAnExistingLabel() {
    RelabelRule r = rule(LABELMAP, null, "__meta_(.*)", null, "$1");
    assertThat(apply(of("__meta_job", "new", "job", "old"), r))
        .containsExactly("__meta_job", "new", "job", "new");
  }

  @Test
  void labelmapReplacesEveryMatchLikeGoReplaceAllString() {
    // "a)|(b" escapes the anchors: ^(?:a)|(b)$ matches "a" at 0 and "b" at 1 of "ab", and
    // ReplaceAllString("ab", "X${1}") gives "X" + "Xb".
    RelabelRule r = rule(LABELMAP, null, "a)|(b", null, "X${1}");
    assertThat(apply(of("ab", "v"), r)).containsExactly("XXb", "v", "ab", "v");
  }

  @Test
  void labeldropAndLabelkeepMatchWholeNames() {
    assertThat(apply(of("__name__", "up", "instance", "i", "in", "x"), rule(LABELDROP, null, "in", null, null)))
        .containsExactly("__name__", "up", "instance", "i");
    assertThat(apply(of("__name__", "up", "instance", "i", "in", "x"), rule(LABELKEEP, null, "__name__|in.*", null, null)))
        .containsExactly("__name__", "up", "in", "x", "instance", "i");
  }

  @Test
  void outputIsSortedInUtf8ByteOrder() {
    // Java's compareTo puts the surrogate pair of U+1F600 before U+FF5E; UTF-8 (and Go) after.
    String emoji = "\uD83D\uDE00";
    String fullwidth = "\uFF5E";
    String[] out = new Relabeler(List.of(rule(LABELMAP, null, "(a)", null, "b"))).apply(
        new String[] {"a", "1", fullwidth, "2", emoji, "3"});
    assertThat(out).containsExactly("a", "1", "b", "1", fullwidth, "2", emoji, "3");
    // An input in Java order is sorted on the way in.
    String[] javaOrder = new Relabeler(List.of(rule(KEEP, null, null, null, null))).apply(
        new String[] {emoji, "3", fullwidth, "2"});
    assertThat(javaOrder).containsExactly(fullwidth, "2", emoji, "3");
  }

  @Test
  void refusesOddLabelArrays() {
    assertThatThrownBy(() -> apply(new String[] {"a"}, rule(KEEP, "a", null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evaluatesCatastrophicBacktrackingPatternsInLinearTime() {
    String as = "a".repeat(100_000) + "b";
    String xs = "x".repeat(100_000);
    Relabeler nested = new Relabeler(List.of(rule(KEEP, "a", "(a+)+$", null, null)));
    Relabeler doubled = new Relabeler(List.of(rule(DROP, "a", "(x+x+)+y", null, null)));
    Relabeler replace = new Relabeler(List.of(rule(REPLACE, "a", "((a|aa)+)+c", "t", "$1")));
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      assertThat(nested.apply(of("a", as))).isNull();
      assertThat(doubled.apply(of("a", xs))).containsExactly("a", xs);
      assertThat(replace.apply(of("a", as))).containsExactly("a", as);
    });
  }
}
