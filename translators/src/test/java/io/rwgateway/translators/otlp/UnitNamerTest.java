package io.rwgateway.translators.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit words for metadata and suffixes (otlp.md §3.2 table, §5). */
class UnitNamerTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "d|days", "h|hours", "min|minutes", "s|seconds", "ms|milliseconds", "us|microseconds",
      "ns|nanoseconds", "%|percent", "1|''", "By|bytes", "KiBy|kibibytes", "MiBy|mebibytes",
      "GiBy|gibibytes", "TiBy|tibibytes", "KBy|kilobytes", "MBy|megabytes", "GBy|gigabytes",
      "TBy|terabytes", "m|meters", "V|volts", "A|amperes", "J|joules", "W|watts", "g|grams",
      "Cel|celsius", "Hz|hertz",
      "By/s|bytes_per_second", "m/s|meters_per_second", "1/s|per_second", "{packet}/s|per_second",
      "{request}|''", "kBy|kBy", "requests|requests", "By/w|bytes_per_week", "By/mo|bytes_per_month",
      "By/y|bytes_per_year", "By/h|bytes_per_hour", "By/d|bytes_per_day", "By/m|bytes_per_minute",
      "' s / s '|seconds_per_second", "By/{x}|bytes", "foo.bar|foo_bar",
  })
  void unitWordsEscapedAsForAMetricName(String unit, String want) {
    assertThat(UnitNamer.unitWord(unit, true)).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {"foo.bar|foo.bar", "By/s|bytes_per_second", "1|''"})
  void unitWordsAreRawUnderTheUtf8Strategies(String unit, String want) {
    assertThat(UnitNamer.unitWord(unit, false)).isEqualTo(want);
  }
}
