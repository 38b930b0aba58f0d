package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The literal shortcut must answer exactly as RE2 on the anchored pattern. */
class LiteralAlternationTest {

  @ParameterizedTest
  @ValueSource(strings = {"ab", "ab.*", ".*ab", ".*ab.*", "a|b", "go_.*|process_.*|ab",
      ".*_b|a.*|", "", ".*", ".*.*", "|", "a b-c/d:e=f,g;h", "é.*|.*ü"})
  void answersLikeRe2(String source) {
    LiteralAlternation fast = LiteralAlternation.of(source);
    assertThat(fast).as("handled shape").isNotNull();
    Pattern re2 = Pattern.compile("^(?:" + source + ")$");
    Random random = new Random(source.hashCode());
    String alphabet = "ab_\nxé ü";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(7);
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertThat(fast.matches(s)).as("%s on %s", source, s).isEqualTo(re2.matcher(s).find());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"(a)", "a.b", "a+", "a*", "a?", "[ab]", "a{2}", "\\d", "^a", "a$",
      "(?i)a", "a.*b", ".*?a", "a\nb"})
  void leavesOtherShapesToRe2(String source) {
    assertThat(LiteralAlternation.of(source)).isNull();
  }

  @Test
  void defaultRegexMatchesAnythingWithoutANewline() {
    RelabelRegex all = RelabelRegex.compile("(.*)");
    assertThat(all.matches("")).isTrue();
    assertThat(all.matches("x y")).isTrue();
    assertThat(all.matches("x\ny")).isFalse();
    assertThat(all.findSubmatchIndex("abc")).containsExactly(0, 3, 0, 3);
    assertThat(all.findSubmatchIndex("a\n")).isNull();
  }
}
