package io.rwgateway.translators.relabel;

import io.rwgateway.translators.codec.LabelSetValidator;
import java.util.Arrays;

/**
 * The labels a rule list works on, mutable for the length of one {@link Relabeler#apply} call:
 * Prometheus' {@code labels.Builder} with its rules ({@code Set} with an empty value deletes, a
 * missing label reads as ""). Kept sorted by name in UTF-8 byte order, the order Prometheus
 * iterates labels in (labelmap, labeldrop, labelkeep) and the order the result needs. Label sets
 * are small (tens), so linear scans beat hashing here. Not thread-safe.
 */
final class LabelSet {
  private String[] names;
  private String[] values;
  private int size;

  /** From flat (name, value, ...) pairs, normally sorted already; sorted here if not. */
  LabelSet(String[] pairs) {
    int n = pairs.length >> 1;
    names = new String[Math.max(4, n + 4)];
    values = new String[names.length];
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      names[i] = pairs[2 * i];
      values[i] = pairs[2 * i + 1];
      if (i > 0 && LabelSetValidator.compareUtf8(names[i - 1], names[i]) > 0) {
        sorted = false;
      }
    }
    size = n;
    if (!sorted) {
      sort();
    }
  }

  private void sort() {
    for (int i = 1; i < size; i++) {
      String name = names[i];
      String value = values[i];
      int j = i - 1;
      while (j >= 0 && LabelSetValidator.compareUtf8(names[j], name) > 0) {
        names[j + 1] = names[j];
        values[j + 1] = values[j];
        j--;
      }
      names[j + 1] = name;
      values[j + 1] = value;
    }
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  /** The value of {@code name}, "" when absent (Go {@code Labels.Get}). */
  String get(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return "";
  }

  /** Sets {@code name}; an empty value deletes it, as in Go {@code Builder.Set}. */
  void set(String name, String value) {
    if (value.isEmpty()) {
      delete(name);
      return;
    }
    int i = 0;
    while (i < size) {
      int c = LabelSetValidator.compareUtf8(names[i], name);
      if (c == 0) {
        values[i] = value;
        return;
      }
      if (c > 0) {
        break;
      }
      i++;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(names, i, names, i + 1, size - i);
    System.arraycopy(values, i, values, i + 1, size - i);
    names[i] = name;
    values[i] = value;
    size++;
  }

  void delete(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        removeAt(i);
        return;
      }
    }
  }

  /**
   * Keeps only the labels for which {@code regex.matches(name) == matching}: labelkeep passes
   * true, labeldrop false.
   */
  void retainNames(RelabelRegex regex, boolean matching) {
    int w = 0;
    for (int r = 0; r < size; r++) {
      if (regex.matches(names[r]) == matching) {
        names[w] = names[r];
        values[w] = values[r];
        w++;
      }
    }
    Arrays.fill(names, w, size, null);
    Arrays.fill(values, w, size, null);
    size = w;
  }

  private void removeAt(int i) {
    System.arraycopy(names, i + 1, names, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  /** A snapshot copy, for a rule that must iterate the labels as they were when it began. */
  LabelSet copy() {
    return new LabelSet(toPairs());
  }

  /** Flat sorted (name, value, ...) pairs. */
  String[] toPairs() {
    String[] out = new String[2 * size];
    for (int i = 0; i < size; i++) {
      out[2 * i] = names[i];
      out[2 * i + 1] = values[i];
    }
    return out;
  }
}
