package io.rwgateway.loadtest.sink;

import io.rwgateway.loadtest.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the sink received, per protocol, shared by all event loops (LongAdders: no contention on
 * the hot path). Rendered as Prometheus text for {@code GET /metrics} and JSON for {@code GET /stats}.
 */
public final class SinkStats {
  private static final String[] FIELDS = {"requests", "bytes", "decoded_bytes", "series", "samples",
      "histograms", "exemplars", "metadata", "rejected_series"};
  private static final String[] HELP = {"Requests decoded", "Compressed body bytes received",
      "Protobuf bytes after snappy (OTLP: after gzip)", "Series decoded (OTLP: data points)",
      "Float samples decoded (OTLP: Prometheus equivalents)", "Native histogram samples decoded (OTLP: exponential histogram points)", "Exemplars decoded", "RW 1.0 metadata entries decoded",
      "Series the decoder refused"};
  private static final int REQUESTS = 0;

  private final Map<WireProtocol, LongAdder[]> counters = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> responses = new ConcurrentHashMap<>();
  private final long startNanos = System.nanoTime();

  public SinkStats() {
    for (WireProtocol p : WireProtocol.values()) {
      LongAdder[] a = new LongAdder[FIELDS.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = new LongAdder();
      }
      counters.put(p, a);
    }
  }

  /** Adds a decoded request (also one whose reply was an injected error: it was received). */
  public void add(RequestCounts c) {
    LongAdder[] a = counters.get(c.protocol());
    a[REQUESTS].increment();
    a[1].add(c.bytes());
    a[2].add(c.decodedBytes());
    a[3].add(c.series());
    a[4].add(c.samples());
    a[5].add(c.histograms());
    a[6].add(c.exemplars());
    a[7].add(c.metadata());
    a[8].add(c.rejectedSeries());
  }

  /** Counts one answer by status and reason ({@code ok}, {@code injected}, {@code bad_snappy} ...). */
  public void response(int status, String reason) {
    responses.computeIfAbsent(status + "/" + reason, k -> new LongAdder()).increment();
  }

  public long get(WireProtocol p, String field) {
    for (int i = 0; i < FIELDS.length; i++) {
      if (FIELDS[i].equals(field)) {
        return counters.get(p)[i].sum();
      }
    }
    throw new IllegalArgumentException("no sink counter " + field);
  }

  public long total(String field) {
    long n = 0;
    for (WireProtocol p : WireProtocol.values()) {
      n += get(p, field);
    }
    return n;
  }

  public String json() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("uptime_s", (System.nanoTime() - startNanos) / 1e9);
    Map<String, Object> total = new LinkedHashMap<>();
    for (String f : FIELDS) {
      total.put(f, total(f));
    }
    total.put("points", total("samples") + total("histograms"));
    out.put("total", total);
    for (WireProtocol p : WireProtocol.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String f : FIELDS) {
        m.put(f, get(p, f));
      }
      out.put(p.label(), m);
    }
    Map<String, Object> r = new TreeMap<>();
    responses.forEach((k, v) -> r.put(k, v.sum()));
    out.put("responses", r);
    return Json.write(out);
  }

  public String prometheusText() {
    StringBuilder sb = new StringBuilder(2048);
    for (int i = 0; i < FIELDS.length; i++) {
      String name = "rw_sink_received_" + FIELDS[i] + "_total";
      sb.append("# HELP ").append(name).append(' ').append(HELP[i]).append(".\n");
      sb.append("# TYPE ").append(name).append(" counter\n");
      for (WireProtocol p : WireProtocol.values()) {
        sb.append(name).append("{protocol=\"").append(p.label()).append("\"} ")
            .append(counters.get(p)[i].sum()).append('\n');
      }
    }
    sb.append("# HELP rw_sink_responses_total Answers by status code and reason.\n");
    sb.append("# TYPE rw_sink_responses_total counter\n");
    new TreeMap<>(responses).forEach((k, v) -> {
      int slash = k.indexOf('/');
      sb.append("rw_sink_responses_total{code=\"").append(k, 0, slash).append("\",reason=\"")
          .append(k.substring(slash + 1)).append("\"} ").append(v.sum()).append('\n');
    });
    return sb.toString();
  }
}
