package io.rwgateway.gateway.e2e.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One series as exported by a backend: its labels (including {@code __name__}), sorted by name,
 * and its samples sorted by timestamp.
 */
public record ExportedSeries(SortedMap<String, String> labels, List<Sample> samples) {

  public ExportedSeries {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    samples = List.copyOf(samples);
  }

  public String name() {
    return labels.get("__name__");
  }

  /** The samples with {@code fromMillis <= timestamp <= toMillis}. */
  public List<Sample> samplesBetween(long fromMillis, long toMillis) {
    List<Sample> inside = new ArrayList<>();
    for (Sample sample : samples) {
      if (sample.timestampMillis() >= fromMillis && sample.timestampMillis() <= toMillis) {
        inside.add(sample);
      }
    }
    return inside;
  }

  /** Prometheus text form of the labels, e.g. {@code up{instance="a",job="b"}}, for messages. */
  public static String text(SortedMap<String, String> labels) {
    StringBuilder text = new StringBuilder(labels.getOrDefault("__name__", "")).append('{');
    String separator = "";
    for (var label : labels.entrySet()) {
      if (!label.getKey().equals("__name__")) {
        text.append(separator).append(label.getKey()).append("=\"")
            .append(label.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        separator = ",";
      }
    }
    return text.append('}').toString();
  }

  @Override
  public String toString() {
    return text(labels) + " " + samples;
  }
}
