package io.rwgateway.gateway.telemetry;

import io.rwgateway.gateway.ingest.WireProtocol;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * The periodic one-line summary: what was received per protocol since the last line, and what it
 * weighs going out (per backend, or as estimated RW 2.0 when no RW 2.0 backend is configured), so
 * a user sees the saving without reading {@code /metrics}.
 */
public final class StatsReporter {
  private static final Logger LOG = Logger.getLogger("rw-gateway.stats");

  private final GatewayMetrics metrics;
  private final Map<String, DoubleSupplier> outputs = new LinkedHashMap<>();
  private final Map<String, Double> last = new java.util.HashMap<>();

  public StatsReporter(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  /** An output to report, e.g. "sent to vm" or "as RW 2.0 (estimate)", with its compressed byte total. */
  public void output(String label, DoubleSupplier compressedBytes) {
    outputs.put(label, compressedBytes);
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
          .append(bytes(bytes)).append(" snappy;");
    }
    if (!any) {
      sb.append(" nothing;");
    }
    for (Map.Entry<String, DoubleSupplier> o : outputs.entrySet()) {
      double out = delta("out." + o.getKey(), o.getValue().getAsDouble());
      sb.append(' ').append(o.getKey()).append(": ").append(bytes(out));
      if (inBytes > 0) {
        sb.append(String.format(Locale.ROOT, " (%.2fx of received)", out / inBytes));
      }
      sb.append(';');
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
