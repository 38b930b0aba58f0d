package io.rwgateway.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static Map<String, Object> entry(double t, long sent, long accepted, long errors, double p99) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t_s", t);
    m.put("interval_s", 1.0);
    m.put("samples_sent", sent);
    m.put("samples_accepted", accepted);
    m.put("requests", 3L);
    m.put("errors", errors);
    m.put("bytes_sent", 100L);
    m.put("latency_p50_ms", 1.5);
    m.put("latency_p99_ms", p99);
    m.put("latency_max_ms", 9.0);
    return m;
  }

  private static RunReport report() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("target", "http://127.0.0.1:9300/api/v1/write");
    f.put("protocol", "otlp");
    f.put("mode", "closed_loop");
    f.put("duration_s", 2.0);
    f.put("samples_sent", 3500L);
    f.put("samples_accepted", 3000L);
    f.put("samples_per_s_accepted", 1500.0);
    f.put("status_codes", Map.of("200", 5L, "<oops>", 1L));
    f.put("latency_ms", Map.of("p50", 1.5, "p99", 7.25));
    f.put("workload", Map.of("mix", "counter=100.0", "labels", 2));
    f.put("timeline", List.of(entry(1.0, 2000, 2000, 0, 7.25), entry(2.0, 1500, 1000, 2, 123.5)));
    return new RunReport(f);
  }

  @Test
  void isSelfContained() {
    String html = HtmlReport.render(report());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<style>");
    assertThat(html).doesNotContain("<script", "<link", "@import", "url(", "src=", "href=");
  }

  @Test
  void showsTheChartsTheSummaryAndTheTimelineData() {
    String html = HtmlReport.render(report());
    assertThat(html).contains("Throughput", "Errors", "Latency", "samples/s");
    // Per-second series: the points' tooltips and the timeline table carry the values.
    assertThat(html).contains("accepted at 2 s: 1000 samples/s", "errors at 2 s: 2 failed requests/s",
        "p99 at 2 s: 123.5 ms", "<td>1500</td>");
    assertThat(html).contains("<td>samples_accepted</td><td>3000</td>", "<td>p99</td><td>7.25</td>",
        "<td>mix</td><td>counter=100.0</td>");
    assertThat(html.split("<polyline", -1)).hasSize(1 + 5);
  }

  @Test
  void leavesAGapWhereAnIntervalHadNoAnswers() {
    Map<String, Object> f = new LinkedHashMap<>(report().fields());
    Map<String, Object> silent = entry(2.0, 0, 0, 0, Double.NaN);
    silent.put("latency_p50_ms", Double.NaN);
    f.put("timeline", List.of(entry(1.0, 10, 10, 0, 5.0), silent, entry(3.0, 10, 10, 0, 6.0)));
    String html = HtmlReport.render(new RunReport(f));
    assertThat(html).contains("p99 at 1 s: 5 ms", "p99 at 3 s: 6 ms", "accepted at 2 s: 0 samples/s")
        .doesNotContain("p99 at 2 s", "NaN");
    // sent, accepted, errors unbroken; p50 and p99 in two pieces each.
    assertThat(html.split("<polyline", -1)).hasSize(1 + 3 + 4);
  }

  @Test
  void escapesText() {
    String html = HtmlReport.render(report());
    assertThat(html).contains("&lt;oops&gt;").doesNotContain("<oops>");
    assertThat(HtmlReport.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
  }
}
