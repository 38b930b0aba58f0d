package io.rwgateway.translators.relabel;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a rule reads through {@code source_labels}: the current values of those labels (a missing
 * label reads as ""), either as a cache key ({@link #key}) or joined by the separator, the string
 * Prometheus gives the regex ({@code relabel.go}: {@code strings.Join(values, cfg.Separator)}).
 */
final class SourceValues {
  private static final byte[] NO_BYTES = new byte[0];
  private final String[] names;
  private final String separator;

  SourceValues(RelabelRule rule) {
    this.names = rule.sourceLabels().toArray(new String[0]);
    this.separator = rule.separator();
  }

  List<String> names() {
    return List.of(names);
  }

  /**
   * The input symbol ref of the one value read, when there is one: 0 ("") when the rule reads no
   * label or the label is missing, the label's value ref when it has one, {@link WorkingLabels#MADE}
   * when an earlier rule made the value or the rule reads several labels.
   */
  int ref(WorkingLabels labels) {
    if (names.length == 0) {
      return 0;
    }
    if (names.length > 1) {
      return WorkingLabels.MADE;
    }
    int i = labels.indexOf(names[0]);
    return i < 0 ? 0 : labels.valueRef(i);
  }

  /** True when the rule reads exactly two labels: its batch memo is keyed by {@link #pairKey}. */
  boolean readsTwo() {
    return names.length == 2;
  }

  /**
   * For a rule that reads two labels: the pair of their input value refs as one key
   * ({@link PairMemo#key}; a missing label is ref 0, ""), or -1 when an earlier rule made either
   * value (no input ref).
   */
  long pairKey(WorkingLabels labels) {
    int a = labels.indexOf(names[0]);
    int b = labels.indexOf(names[1]);
    int ra = a < 0 ? 0 : labels.valueRef(a);
    int rb = b < 0 ? 0 : labels.valueRef(b);
    return ra < 0 || rb < 0 ? -1 : PairMemo.key(ra, rb);
  }

  /**
   * The tuple of values read, as a cache key: "" when the rule reads no label, the value itself
   * when it reads one, a {@link ReadTuple} otherwise.
   */
  Object key(WorkingLabels labels) {
    if (names.length == 0) {
      return "";
    }
    if (names.length == 1) {
      return labels.get(names[0]);
    }
    String[] values = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = labels.get(names[i]);
    }
    return new ReadTuple(values);
  }

  /** The joined value of a key made by {@link #key}. */
  String joined(Object key) {
    return key instanceof ReadTuple t ? t.join(separator) : (String) key;
  }

  /**
   * The UTF-8 bytes of the joined value, straight from the labels: for one source label, the
   * dictionary's bytes of its input value (no {@code String} made); shared, never modify.
   */
  byte[] utf8(WorkingLabels labels) {
    if (names.length == 1) {
      int i = labels.indexOf(names[0]);
      return i < 0 ? NO_BYTES : labels.utf8(i);
    }
    return value(labels).getBytes(StandardCharsets.UTF_8);
  }

  /** The joined value, straight from the labels (for rules evaluated without a cache). */
  String value(WorkingLabels labels) {
    if (names.length == 0) {
      return "";
    }
    if (names.length == 1) {
      return labels.get(names[0]);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(separator);
      }
      sb.append(labels.get(names[i]));
    }
    return sb.toString();
  }
}
