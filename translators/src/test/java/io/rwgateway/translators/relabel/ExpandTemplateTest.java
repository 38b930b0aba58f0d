package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go {@code Regexp.Expand} semantics, on {@code (?P<first>a+)(b+)(?P<third>c*)} against "aabbb". */
class ExpandTemplateTest {
  private static final RelabelRegex REGEX = RelabelRegex.compile("(?P<first>a+)(b+)(?P<third>c*)(x)?");
  private static final String SRC = "aabbb";

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "$1|aa",
      "${1}|aa",
      "$2|bbb",
      "$0|aabbb",
      "${first}|aa",
      "$first|aa",
      "${third}|",
      "$third|",
      "$4|", // group exists but did not take part
      "$9|", // no such group
      "$1x|", // $1x means ${1x}: a name, no such group
      "${1}x|aax",
      "$1-$2|aa-bbb",
      "$$|$",
      "$$1|$1",
      "a$|a$", // $ at the end stays
      "${1|${1", // missing brace: the $ stays literal, the rest is text
      "${}|${}",
      "$-1|$-1",
      "$01|", // leading zero: a name, "01", no such group
      "x${2}y${first}z|xbbbyaaz",
      "no refs|no refs",
      "$first_|", // name is first_, not first
  })
  void expandsLikeGo(String template, String expected) {
    int[] match = REGEX.findSubmatchIndex(SRC);
    // An empty CSV column arrives as null: it stands for the empty expansion.
    assertThat(REGEX.template(template).expand(SRC, match)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "$100000000|", // num >= 1e8 is a name in Go, still empty
      "$ü|", // Unicode letters belong to a name
      "$1ü|",
  })
  void namesUseUnicodeLettersAndHugeNumbersAreNames(String template, String expected) {
    int[] match = REGEX.findSubmatchIndex(SRC);
    // An empty CSV column arrives as null: it stands for the empty expansion.
    assertThat(REGEX.template(template).expand(SRC, match)).isEqualTo(expected == null ? "" : expected);
  }
}
