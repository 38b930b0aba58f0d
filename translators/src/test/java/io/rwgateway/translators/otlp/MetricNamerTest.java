package io.rwgateway.translators.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.otlp.MetricNamer.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metric names per strategy (otlp.md §3.3 and its worked examples; otlptranslator's rules). */
class MetricNamerTest {
  private static String name(TranslationStrategy s, String name, String unit, Kind kind) throws Exception {
    return new MetricNamer(s).build(name, unit, kind);
  }

  private static String dflt(String name, String unit, Kind kind) throws Exception {
    return name(TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES, name, unit, kind);
  }

  @ParameterizedTest(name = "{0} [{1}] {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "http.server.request.duration | s         | HISTOGRAM             | http_server_request_duration_seconds",
      "http.server.duration         | ms        | HISTOGRAM             | http_server_duration_milliseconds",
      "system.network.io            | By        | MONOTONIC_COUNTER     | system_network_io_bytes_total",
      "process.cpu.time             | s         | MONOTONIC_COUNTER     | process_cpu_time_seconds_total",
      "requests                     | 1         | MONOTONIC_COUNTER     | requests_total",
      "process.cpu.utilization      | 1         | GAUGE                 | process_cpu_utilization_ratio",
      "http.server.active_requests  | {request} | NON_MONOTONIC_COUNTER | http_server_active_requests",
      "network.rate                 | By/s      | GAUGE                 | network_rate_bytes_per_second",
      "queue.latency.seconds        | s         | GAUGE                 | queue_latency_seconds",
      "total.errors                 | ''        | MONOTONIC_COUNTER     | errors_total",
      "2xx.count                    | ''        | GAUGE                 | _2xx_count",
      "foo__bar                     | ''        | GAUGE                 | foo_bar",
      "http.server..duration_       | ''        | GAUGE                 | http_server_duration",
      "ratio.of.things              | 1         | GAUGE                 | of_things_ratio",
      "pool.usage                   | 1         | NON_MONOTONIC_COUNTER | pool_usage",
      "speed                        | m/s       | GAUGE                 | speed_meters_per_second",
      "rate                         | 1/s       | GAUGE                 | rate_per_second",
      "packets                      | {packet}/s| GAUGE                 | packets_per_second",
      "mem                          | kBy       | GAUGE                 | mem_kBy",
      "mem                          | KBy       | GAUGE                 | mem_kilobytes",
      "reqs                         | requests  | MONOTONIC_COUNTER     | reqs_requests_total",
      "temp                         | Cel       | GAUGE                 | temp_celsius",
      "a:b.c                        | ''        | GAUGE                 | a:b_c",
      "größe.wert                   | ''        | GAUGE                 | gr_e_wert",
      "per.second.rate              | 1/s       | GAUGE                 | per_second_rate_per_second",
  })
  void underscoreEscapingWithSuffixesFollowsOtlptranslator(String in, String unit, Kind kind, String want)
      throws Exception {
    assertThat(dflt(in, unit, kind)).isEqualTo(want);
  }

  @Test
  void aNameThatAlreadyHoldsTheUnitGetsNoSecondCopy() throws Exception {
    assertThat(dflt("request.seconds.latency", "s", Kind.HISTOGRAM)).isEqualTo("request_seconds_latency");
  }

  @Test
  void aNameOfSeparatorsOnlyIsAnError() {
    assertThatThrownBy(() -> dflt("...", "", Kind.GAUGE)).isInstanceOf(MetricNamer.InvalidNameException.class);
    assertThatThrownBy(() -> dflt("", "", Kind.GAUGE)).isInstanceOf(MetricNamer.InvalidNameException.class);
    assertThatThrownBy(() -> name(TranslationStrategy.UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES, "._.", "", Kind.GAUGE))
        .isInstanceOf(MetricNamer.InvalidNameException.class);
  }

  @Test
  void aNameAlreadyMadeOfUnderscoresOnlyIsKeptWithoutSuffixes() throws Exception {
    assertThat(name(TranslationStrategy.UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES, "__", "", Kind.GAUGE)).isEqualTo("__");
  }

  @ParameterizedTest(name = "{0}: {1} [{2}] {3} -> {4}")
  @CsvSource(delimiter = '|', value = {
      "UNDERSCORE_ESCAPING_WITH_SUFFIXES    | http.server.duration | ms | HISTOGRAM         | http_server_duration_milliseconds",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | http.server.duration | ms | HISTOGRAM         | http.server.duration_milliseconds",
      "UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES | http.server.duration | ms | HISTOGRAM         | http_server_duration",
      "NO_TRANSLATION                       | http.server.duration | ms | HISTOGRAM         | http.server.duration",
      "UNDERSCORE_ESCAPING_WITH_SUFFIXES    | requests             | 1  | MONOTONIC_COUNTER | requests_total",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | requests             | 1  | MONOTONIC_COUNTER | requests_total",
      "UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES | requests             | 1  | MONOTONIC_COUNTER | requests",
      "NO_TRANSLATION                       | requests             | 1  | MONOTONIC_COUNTER | requests",
      "UNDERSCORE_ESCAPING_WITH_SUFFIXES    | a__b._c              | '' | GAUGE             | a_b_c",
      "UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES | a__b._c              | '' | GAUGE             | a__b__c",
      "UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES | _lead.x              | '' | GAUGE             | _lead_x",
      "UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES | 9lives               | '' | GAUGE             | _9lives",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | cpu.util             | 1  | GAUGE             | cpu.util_ratio",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | cpu.util_ratio       | 1  | GAUGE             | cpu.util_ratio",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | bytes.sent_total     | By | MONOTONIC_COUNTER | bytes.sent_bytes_total",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | net.io               | By/s | GAUGE           | net.io_bytes_per_second",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | net.io_per_second    | By/s | GAUGE           | net.io_bytes_per_second",
      "NO_UTF8_ESCAPING_WITH_SUFFIXES       | größe                | s  | GAUGE             | größe_seconds",
      "NO_TRANSLATION                       | größe.wert           | s  | GAUGE             | größe.wert",
  })
  void everyStrategyOnTheSameInput(TranslationStrategy s, String in, String unit, Kind kind, String want)
      throws Exception {
    assertThat(name(s, in, unit, kind)).isEqualTo(want);
  }
}
