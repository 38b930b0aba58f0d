package io.rwgateway.gateway.e2e.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * Compares two stores by their series alone (label sets, samples ignored), e.g. the reference
 * that Prometheus relabeled itself against the one the gateway relabeled. Readable when they
 * differ: the first {@value #SHOWN} series missing on each side, in Prometheus text form and
 * sorted, so two runs print the same lines.
 *
 * @param leftName   what the left side is, for messages (e.g. "vmProm")
 * @param rightName  what the right side is
 * @param leftCount  series on the left
 * @param rightCount series on the right
 * @param onlyLeft   the first few series only on the left, sorted
 * @param onlyLeftCount  how many series are only on the left
 * @param onlyRight  the first few series only on the right, sorted
 * @param onlyRightCount how many series are only on the right
 */
public record SeriesSetDiff(String leftName, String rightName, int leftCount, int rightCount,
    List<String> onlyLeft, int onlyLeftCount, List<String> onlyRight, int onlyRightCount) {
  static final int SHOWN = 20;

  public static SeriesSetDiff of(String leftName, Collection<SortedMap<String, String>> left, String rightName,
      Collection<SortedMap<String, String>> right) {
    Set<SortedMap<String, String>> l = new HashSet<>(left);
    Set<SortedMap<String, String>> r = new HashSet<>(right);
    List<String> onlyLeft = missing(l, r);
    List<String> onlyRight = missing(r, l);
    return new SeriesSetDiff(leftName, rightName, l.size(), r.size(), first(onlyLeft), onlyLeft.size(),
        first(onlyRight), onlyRight.size());
  }

  /** Label sets of exported series (duplicates, which export never gives, collapse). */
  public static List<SortedMap<String, String>> labelsOf(Collection<ExportedSeries> series) {
    List<SortedMap<String, String>> labels = new ArrayList<>(series.size());
    for (ExportedSeries s : series) {
      labels.add(s.labels());
    }
    return labels;
  }

  public boolean matches() {
    return onlyLeftCount == 0 && onlyRightCount == 0;
  }

  private static List<String> missing(Set<SortedMap<String, String>> from, Set<SortedMap<String, String>> in) {
    List<String> missing = new ArrayList<>();
    for (SortedMap<String, String> labels : from) {
      if (!in.contains(labels)) {
        missing.add(ExportedSeries.text(labels));
      }
    }
    missing.sort(Comparator.naturalOrder());
    return missing;
  }

  private static List<String> first(List<String> all) {
    return List.copyOf(all.subList(0, Math.min(SHOWN, all.size())));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    text.append(leftName).append(' ').append(leftCount).append(" series, ").append(rightName).append(' ')
        .append(rightCount).append(" series");
    if (matches()) {
      return text.append(", identical").toString();
    }
    section(text, leftName, rightName, onlyLeft, onlyLeftCount);
    section(text, rightName, leftName, onlyRight, onlyRightCount);
    return text.toString();
  }

  private static void section(StringBuilder text, String in, String notIn, List<String> shown, int count) {
    if (count == 0) {
      return;
    }
    text.append("\n  ").append(count).append(" only in ").append(in).append(" (not in ").append(notIn).append(')')
        .append(count > shown.size() ? ", first " + shown.size() : "").append(':');
    for (String series : shown) {
      text.append("\n    ").append(series);
    }
  }
}
