package io.rwgateway.gateway.e2e.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Compares what two backends stored from the same sender (e.g. a VictoriaMetrics behind the
 * gateway and a reference VictoriaMetrics fed directly by the same Prometheus) fairly: only inside
 * the time window both have fully received.
 *
 * <p>Window: from the later of the two first timestamps plus {@code settle} to the earlier of the
 * two last timestamps minus {@code settle}. At the end, the margin covers a scrape whose samples
 * are still partly in flight: Prometheus splits one scrape into several batches and shards, sent
 * independently (batch_send_deadline 1 s), so seeing one sample at time T does not mean every
 * sample at T has landed; taking the minimum of the last timestamps makes the window follow the
 * slower path (the gateway), whatever its latency. At the start, it covers two remote_write
 * queues that started a moment apart: each sends only samples newer than its own start, so the
 * first scrape of some job may reach one path and not the other.
 *
 * <p>Inside the window every series (label set) must have the same samples on both sides:
 * timestamps and raw value bits, so a staleness marker never equals a plain NaN. A series with no
 * sample in the window on either side is not compared. Compare repeatedly (Awaitility) until
 * {@link #matches()}: the window only becomes comparable once both sides have data.
 *
 * @param fromMillis       window start, inclusive
 * @param toMillis         window end, inclusive
 * @param seriesCompared   series with at least one sample in the window on one side
 * @param samplesCompared  samples in the window on the left side
 * @param differenceCount  series that differ
 * @param differences      the first few differences, readable
 */
public record ExportDiff(long fromMillis, long toMillis, int seriesCompared, long samplesCompared,
    int differenceCount, List<String> differences) {
  private static final int SHOWN_DIFFERENCES = 10;

  /** True when the window is non-empty, has data, and both sides agree on all of it. */
  public boolean matches() {
    return fromMillis <= toMillis && seriesCompared > 0 && differenceCount == 0;
  }

  public Duration window() {
    return Duration.ofMillis(Math.max(0, toMillis - fromMillis));
  }

  public static ExportDiff inCommonWindow(List<ExportedSeries> left, List<ExportedSeries> right, Duration settle) {
    long first = Math.max(firstTimestamp(left), firstTimestamp(right));
    long last = Math.min(lastTimestamp(left), lastTimestamp(right));
    if (first == Long.MAX_VALUE || last == Long.MIN_VALUE || first + 2 * settle.toMillis() > last) {
      return new ExportDiff(first, last, 0, 0, 0, List.of()); // no common window yet
    }
    long from = first + settle.toMillis();
    long to = last - settle.toMillis();
    Map<SortedMap<String, String>, List<Sample>> leftSamples = inWindow(left, from, to);
    Map<SortedMap<String, String>, List<Sample>> rightSamples = inWindow(right, from, to);
    List<String> differences = new ArrayList<>();
    int differenceCount = 0;
    long samples = 0;
    for (Map.Entry<SortedMap<String, String>, List<Sample>> series : leftSamples.entrySet()) {
      samples += series.getValue().size();
      List<Sample> other = rightSamples.getOrDefault(series.getKey(), List.of());
      if (!series.getValue().equals(other)) {
        differenceCount++;
        note(differences, ExportedSeries.text(series.getKey()) + ": left " + series.getValue() + " right " + other);
      }
    }
    for (Map.Entry<SortedMap<String, String>, List<Sample>> series : rightSamples.entrySet()) {
      if (!leftSamples.containsKey(series.getKey())) {
        differenceCount++;
        note(differences, ExportedSeries.text(series.getKey()) + ": only right " + series.getValue());
      }
    }
    int compared = leftSamples.size() + (int) rightSamples.keySet().stream()
        .filter(labels -> !leftSamples.containsKey(labels)).count();
    return new ExportDiff(from, to, compared, samples, differenceCount, List.copyOf(differences));
  }

  private static void note(List<String> differences, String difference) {
    if (differences.size() < SHOWN_DIFFERENCES) {
      differences.add(difference);
    }
  }

  /** Series with at least one sample in [from, to], keyed by label set. */
  private static Map<SortedMap<String, String>, List<Sample>> inWindow(List<ExportedSeries> all, long from, long to) {
    Map<SortedMap<String, String>, List<Sample>> inside = new LinkedHashMap<>();
    for (ExportedSeries series : all) {
      List<Sample> samples = series.samplesBetween(from, to);
      if (!samples.isEmpty()) {
        inside.merge(series.labels(), samples, (a, b) -> {
          List<Sample> both = new ArrayList<>(a);
          both.addAll(b);
          both.sort((x, y) -> Long.compare(x.timestampMillis(), y.timestampMillis()));
          return both;
        });
      }
    }
    return inside;
  }

  private static long firstTimestamp(List<ExportedSeries> all) {
    long first = Long.MAX_VALUE;
    for (ExportedSeries series : all) {
      if (!series.samples().isEmpty()) {
        first = Math.min(first, series.samples().get(0).timestampMillis());
      }
    }
    return first;
  }

  private static long lastTimestamp(List<ExportedSeries> all) {
    long last = Long.MIN_VALUE;
    for (ExportedSeries series : all) {
      if (!series.samples().isEmpty()) {
        last = Math.max(last, series.samples().get(series.samples().size() - 1).timestampMillis());
      }
    }
    return last;
  }

  @Override
  public String toString() {
    return "window [" + fromMillis + ", " + toMillis + "] (" + window().toMillis() + " ms): " + seriesCompared
        + " series, " + samplesCompared + " samples, " + differenceCount + " differing"
        + (differences.isEmpty() ? "" : "\n  " + String.join("\n  ", differences));
  }
}
