package io.rwgateway.gateway.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Prometheus text exposition (e.g. {@code gateway.metrics().scrape()}), to read the
 * gateway's counters by name and labels in tests, whatever order the registry writes labels in.
 */
public final class MetricsText {
  /** One sample line: metric name, its labels, its value. */
  public record Line(String name, Map<String, String> labels, double value) {
    @Override
    public String toString() {
      return name + labels + " " + value;
    }
  }

  private final List<Line> lines;

  private MetricsText(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  public static MetricsText parse(String exposition) {
    List<Line> lines = new ArrayList<>();
    for (String raw : exposition.split("\n")) {
      String line = raw.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        lines.add(parseLine(line));
      }
    }
    return new MetricsText(lines);
  }

  /** Sum of the samples named {@code name} whose labels include every pair of {@code labels} (k1, v1, k2, v2...). */
  public double sum(String name, String... labels) {
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("cannot match labels " + List.of(labels) + ": pairs expected");
    }
    double sum = 0;
    for (Line line : lines) {
      if (line.name.equals(name) && hasAll(line.labels, labels)) {
        sum += line.value;
      }
    }
    return sum;
  }

  /** Every sample whose name starts with {@code prefix} and whose value is not 0. */
  public List<Line> nonZero(String prefix) {
    List<Line> found = new ArrayList<>();
    for (Line line : lines) {
      if (line.name.startsWith(prefix) && line.value != 0) {
        found.add(line);
      }
    }
    return found;
  }

  public List<Line> lines() {
    return lines;
  }

  private static boolean hasAll(Map<String, String> have, String[] want) {
    for (int i = 0; i < want.length; i += 2) {
      if (!want[i + 1].equals(have.get(want[i]))) {
        return false;
      }
    }
    return true;
  }

  /** {@code name{k="v",...} value [timestamp]}; label values may hold escaped quotes and commas. */
  private static Line parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new TreeMap<>();
    String name;
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = parseLabels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] valueAndTime = line.substring(rest).strip().split(" ");
    return new Line(name, Collections.unmodifiableMap(labels), parseValue(valueAndTime[0]));
  }

  /** Reads labels from just after '{'; returns the index after the closing '}'. */
  private static int parseLabels(String line, int i, Map<String, String> labels) {
    while (line.charAt(i) != '}') {
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // skip ="
      for (char c = line.charAt(j); c != '"'; c = line.charAt(++j)) {
        if (c == '\\') {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return i + 1;
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
