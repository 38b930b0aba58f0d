package io.rwgateway.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --html}: the report as one self-contained page (inline CSS and SVG, no script, nothing
 * fetched): charts over time from the {@code timeline} (samples/s sent and accepted, errors/s,
 * latency p50/p99), then every figure of the JSON report as tables, then the timeline itself.
 * All text is HTML-escaped.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1000px}
      h1{font-size:20px}h2{font-size:16px;margin-top:28px}
      table{border-collapse:collapse;font-size:13px;margin:6px 0}
      td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
      td:first-child,th:first-child{text-align:left}
      .chart{width:100%;height:auto;margin:8px 0;border:1px solid #ddd}
      .chart .grid{stroke:#eee}.chart .axis{stroke:#999}
      .chart text{font-size:12px;fill:#444}.chart .title{font-size:14px;font-weight:bold}
      .tables{display:flex;flex-wrap:wrap;gap:24px}
      """;

  private HtmlReport() {}

  @SuppressWarnings("unchecked")
  public static String render(RunReport report) {
    Map<String, Object> f = report.fields();
    StringBuilder sb = new StringBuilder(16384);
    String title = "rw-loadtest " + f.get("protocol") + " " + f.get("target");
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(escape(title)).append("</h1>\n");
    sb.append("<p>").append(escape(String.valueOf(f.get("mode")))).append(", ").append(value(f.get("duration_s")))
        .append(" s: ").append(value(f.get("samples_sent"))).append(" samples sent, ").append(value(f.get("samples_accepted")))
        .append(" accepted (").append(value(f.get("samples_per_s_accepted"))).append("/s)</p>\n");
    Object timeline = f.get("timeline");
    if (timeline instanceof List<?> t && !t.isEmpty()) {
      charts(sb, (List<Map<String, Object>>) t);
    }
    sb.append("<h2>Summary</h2>\n<div class=\"tables\">\n<table>\n");
    for (Map.Entry<String, Object> e : f.entrySet()) {
      if (!(e.getValue() instanceof Map) && !(e.getValue() instanceof List)) {
        row(sb, e.getKey(), e.getValue());
      }
    }
    sb.append("</table>\n");
    for (Map.Entry<String, Object> e : f.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m) {
        sb.append("<table>\n<tr><th colspan=\"2\">").append(escape(e.getKey())).append("</th></tr>\n");
        for (Map.Entry<?, ?> inner : m.entrySet()) {
          row(sb, String.valueOf(inner.getKey()), inner.getValue());
        }
        sb.append("</table>\n");
      }
    }
    sb.append("</div>\n");
    if (timeline instanceof List<?> t && !t.isEmpty()) {
      timelineTable(sb, (List<Map<String, Object>>) t);
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void charts(StringBuilder sb, List<Map<String, Object>> t) {
    int n = t.size();
    double[] x = new double[n];
    double[] sent = new double[n];
    double[] accepted = new double[n];
    double[] errors = new double[n];
    double[] p50 = new double[n];
    double[] p99 = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, Object> e = t.get(i);
      double dt = num(e, "interval_s");
      x[i] = num(e, "t_s");
      sent[i] = rate(num(e, "samples_sent"), dt);
      accepted[i] = rate(num(e, "samples_accepted"), dt);
      errors[i] = rate(num(e, "errors"), dt);
      p50[i] = num(e, "latency_p50_ms");
      p99[i] = num(e, "latency_p99_ms");
    }
    sb.append("<h2>Over time</h2>\n");
    sb.append(SvgChart.render("Throughput", "samples/s", x, List.of(
        new SvgChart.Line("sent", "#1f77b4", sent), new SvgChart.Line("accepted", "#2ca02c", accepted))));
    sb.append(SvgChart.render("Errors", "failed requests/s", x, List.of(new SvgChart.Line("errors", "#d62728", errors))));
    sb.append(SvgChart.render("Latency", "ms", x, List.of(
        new SvgChart.Line("p50", "#9467bd", p50), new SvgChart.Line("p99", "#ff7f0e", p99))));
  }

  private static void timelineTable(StringBuilder sb, List<Map<String, Object>> t) {
    sb.append("<h2>Timeline</h2>\n<details>\n<summary>").append(t.size())
        .append(" intervals (counts per interval)</summary>\n<table id=\"timeline\">\n<tr>");
    List<String> keys = new ArrayList<>(t.get(0).keySet());
    for (String k : keys) {
      sb.append("<th>").append(escape(k)).append("</th>");
    }
    sb.append("</tr>\n");
    for (Map<String, Object> e : t) {
      sb.append("<tr>");
      for (String k : keys) {
        sb.append("<td>").append(value(e.get(k))).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n</details>\n");
  }

  private static void row(StringBuilder sb, String key, Object v) {
    sb.append("<tr><td>").append(escape(key)).append("</td><td>").append(value(v)).append("</td></tr>\n");
  }

  private static String value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? SvgChart.trim(d) : "";
    }
    return escape(String.valueOf(v));
  }

  /** A number of a timeline entry; NaN when absent or null (an interval without answers has no latency). */
  private static double num(Map<String, Object> m, String key) {
    return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static double rate(double count, double seconds) {
    return seconds <= 0 || Double.isNaN(seconds) ? Double.NaN : count / seconds;
  }

  /** Text for HTML element content and quoted attributes. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
