package io.rwgateway.gateway.telemetry;

import io.rwgateway.gateway.ingest.WireProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The periodic one-line summary: what was received per protocol since the last line, and what it
 * weighs going out (per backend, or as estimated RW 2.0 when no RW 2.0 backend is configured), so
 * a user sees the saving without reading {@code /metrics}.
 */
public final class StatsReporter {
  private static final Logger LOG = Logger.getLogger("rw-gateway.stats");

  private final GatewayMetrics metrics;
  private final Map<String, Output> outputs = new LinkedHashMap<>();
  private final List<Supplier<String>> notes = new ArrayList<>();

  /** An output's totals since start: compressed bytes, and the samples and series entries they held. */
  private record Output(DoubleSupplier bytes, DoubleSupplier items, DoubleSupplier series) {}
  private final Map<String, Double> last = new java.util.HashMap<>();

  public StatsReporter(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  /** An output to report, e.g. "sent to vm" or "as RW 2.0 (estimate)", with its compressed byte total. */
  public void output(String label, DoubleSupplier compressedBytes) {
    outputs.put(label, new Output(compressedBytes, null, null));
  }

  /**
   * An output that also says how many samples it wrote per series entry: what its window merged,
   * which is what the ratio depends on (docs/benchmarks.md "Egress grid").
   */
  public void output(String label, DoubleSupplier compressedBytes, DoubleSupplier items, DoubleSupplier series) {
    outputs.put(label, new Output(compressedBytes, items, series));
  }

  /** A part appended to every line when it has something to say (null: nothing). */
  public void note(Supplier<String> part) {
    notes.add(part);
  }

  /** Builds the line for the interval since the previous call, and remembers the totals. */
  public String line() {
    StringBuilder sb = new StringBuilder("received");
    double inBytes = 0;
    boolean any = false;
    for (WireProtocol p : WireProtocol.values()) {
      IngestMetrics m = metrics.ingest(p);
      double req = delta(p + ".req", m.requestsTotal());
      if (req == 0) {
        continue;
      }
      any = true;
      double bytes = delta(p + ".bytes", m.bytesTotal());
      inBytes += bytes;
      sb.append(' ').append(p.label()).append(": ")
          .append(fmt(req)).append(" requests, ")
          .append(fmt(delta(p + ".series", m.seriesTotal()))).append(" series, ")
          .append(fmt(delta(p + ".samples", m.samplesTotal()))).append(" samples, ")
          .append(fmt(delta(p + ".hist", m.histogramsTotal()))).append(" histograms, ")
          .append(fmt(delta(p + ".ex", m.exemplarsTotal()))).append(" exemplars, ")
          .append(bytes(bytes)).append(p == WireProtocol.OTLP ? " as sent;" : " snappy;");
    }
    if (!any) {
      sb.append(" nothing;");
    }
    for (Map.Entry<String, Output> o : outputs.entrySet()) {
      Output output = o.getValue();
      double out = delta("out." + o.getKey(), output.bytes().getAsDouble());
      sb.append(' ').append(o.getKey()).append(": ").append(bytes(out));
      List<String> about = new ArrayList<>(2);
      if (inBytes > 0) {
        about.add(String.format(Locale.ROOT, "%.2fx of received", out / inBytes));
      }
      if (output.items() != null) {
        double items = delta("items." + o.getKey(), output.items().getAsDouble());
        double series = delta("series." + o.getKey(), output.series().getAsDouble());
        if (series > 0) {
          about.add(String.format(Locale.ROOT, "%.1f samples per series", items / series));
        }
      }
      if (!about.isEmpty()) {
        sb.append(" (").append(String.join(", ", about)).append(')');
      }
      sb.append(';');
    }
    for (Supplier<String> note : notes) {
      String part = note.get();
      if (part != null) {
        sb.append(' ').append(part).append(';');
      }
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  public void log() {
    LOG.info(line());
  }

  private double delta(String key, double total) {
    Double prev = last.put(key, total);
    return total - (prev == null ? 0 : prev);
  }

  private static String fmt(double v) {
    return Long.toString(Math.round(v));
  }

  static String bytes(double b) {
    if (b < 1024) {
      return Math.round(b) + " B";
    }
    if (b < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
    }
    return String.format(Locale.ROOT, "%.1f MiB", b / (1024 * 1024));
  }
}
