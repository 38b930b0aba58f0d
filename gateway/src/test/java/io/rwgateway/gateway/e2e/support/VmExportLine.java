package io.rwgateway.gateway.e2e.support;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses one line of VictoriaMetrics 1.79 {@code /api/v1/export}:
 * {@code {"metric":{...},"values":[...],"timestamps":[...]}}.
 *
 * <p>The line is not always valid JSON: values are written as bare {@code +Inf}, {@code -Inf} and
 * {@code NaN}, and a Prometheus staleness marker as {@code null} (checked with 1.79.5). So only the
 * {@code metric} object goes to a JSON parser; the two arrays, which hold no strings, are split by
 * hand. A staleness marker comes back as StaleNaN bits, {@code NaN} as the canonical NaN.
 */
final class VmExportLine {
  private static final String METRIC_PREFIX = "{\"metric\":";
  private static final String VALUES = ",\"values\":[";
  private static final String TIMESTAMPS = "],\"timestamps\":[";
  private static final String END = "]}";

  private VmExportLine() {
  }

  static ExportedSeries parse(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith(METRIC_PREFIX) || !trimmed.endsWith(END)) {
      throw malformed(line, "not {\"metric\":{...},\"values\":[...],\"timestamps\":[...]}");
    }
    int metricEnd = endOfObject(trimmed, METRIC_PREFIX.length(), line);
    int valuesStart = metricEnd + VALUES.length();
    int timestampsAt = trimmed.indexOf(TIMESTAMPS, metricEnd);
    if (!trimmed.startsWith(VALUES, metricEnd) || timestampsAt < 0) {
      throw malformed(line, "no values and timestamps arrays after the metric object");
    }
    Map<String, String> labels = labels(trimmed.substring(METRIC_PREFIX.length(), metricEnd), line);
    String[] values = split(trimmed.substring(valuesStart, timestampsAt));
    String[] timestamps = split(trimmed.substring(timestampsAt + TIMESTAMPS.length(), trimmed.length() - END.length()));
    if (values.length != timestamps.length) {
      throw malformed(line, values.length + " values but " + timestamps.length + " timestamps");
    }
    List<Sample> samples = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      try {
        samples.add(new Sample(Long.parseLong(timestamps[i]), valueBits(values[i])));
      } catch (NumberFormatException e) {
        throw malformed(line, "bad sample " + values[i] + " @ " + timestamps[i]);
      }
    }
    return new ExportedSeries(new TreeMap<>(labels), samples);
  }

  /** Index just after the '}' closing the object that starts at {@code start}, skipping strings. */
  private static int endOfObject(String text, int start, String line) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    throw malformed(line, "unterminated metric object");
  }

  private static Map<String, String> labels(String metricJson, String line) {
    try {
      Map<String, String> labels = new TreeMap<>();
      for (Map.Entry<String, Object> label : new JsonObject(metricJson)) {
        if (!(label.getValue() instanceof String value)) {
          throw malformed(line, "label " + label.getKey() + " is not a string");
        }
        labels.put(label.getKey(), value);
      }
      return labels;
    } catch (DecodeException e) {
      throw malformed(line, e.getMessage());
    }
  }

  private static String[] split(String array) {
    return array.isEmpty() ? new String[0] : array.split(",", -1);
  }

  private static long valueBits(String token) {
    return switch (token) {
      case "null" -> Sample.STALE_NAN_BITS;
      case "NaN", "\"NaN\"" -> Double.doubleToRawLongBits(Double.NaN);
      case "+Inf", "Inf", "\"+Inf\"", "\"Inf\"" -> Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
      case "-Inf", "\"-Inf\"" -> Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
      default -> Double.doubleToRawLongBits(Double.parseDouble(token));
    };
  }

  private static IllegalStateException malformed(String line, String cause) {
    String shown = line.length() > 300 ? line.substring(0, 300) + "..." : line;
    return new IllegalStateException("cannot parse VictoriaMetrics export line (" + shown + "): " + cause);
  }
}
