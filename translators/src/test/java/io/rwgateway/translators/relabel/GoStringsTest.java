package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoStringsTest {

  @Test
  void lowersAndUppersRuneByRuneLikeGo() {
    assertThat(GoStrings.toLower("bAr123Foo")).isEqualTo("bar123foo");
    assertThat(GoStrings.toUpper("bAr123Foo")).isEqualTo("BAR123FOO");
    // Go maps each rune with the simple mapping: no "SS" for ß, no final sigma, İ -> i.
    assertThat(GoStrings.toUpper("straße")).isEqualTo("STRAßE");
    assertThat(GoStrings.toLower("ΟΔΟΣ")).isEqualTo("οδοσ");
    assertThat(GoStrings.toLower("İ")).isEqualTo("i");
    assertThat(GoStrings.toUpper("ǆ")).isEqualTo("Ǆ");
    assertThat(GoStrings.toLower("\uD801\uDC00")).isEqualTo("\uD801\uDC28"); // Deseret, outside the BMP
  }

  @Test
  void keepsAsciiStringsThatNeedNoChange() {
    String s = "already_lower-1";
    assertThat(GoStrings.toLower(s)).isSameAs(s);
  }

  @Test
  void quotesLikeGoPercentQ() {
    assertThat(GoStrings.quote("-${3}")).isEqualTo("\"-${3}\"");
    assertThat(GoStrings.quote("a\"b\\c\n\t\u0001\u007f")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01\\x7f\"");
    assertThat(GoStrings.quote("é\u00a0")).isEqualTo("\"é\\u00a0\"");
  }
}
