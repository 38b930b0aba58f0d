package io.rwgateway.translators.otlp;

import io.rwgateway.translators.codec.LabelSetValidator;
import java.util.Arrays;

/**
 * The labels of one output series while they are assembled, in the precedence order of otlp.md
 * §4.5. Kept sorted by name (UTF-8 byte order) as entries are added, so the many series of one
 * point ({@code _bucket}s, quantiles), which differ only in the values of {@code __name__} and
 * {@code le}, never sort again. A few dozen entries at most: parallel arrays. Not thread-safe.
 */
final class LabelScratch {
  private String[] names = new String[16];
  private String[] values = new String[16];
  private int size;

  void clear() {
    size = 0;
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

  /** The index of {@code name}, or {@code -(insertion point) - 1}. */
  private int find(String name) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = LabelSetValidator.compareUtf8(names[mid], name);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  String get(String name) {
    int i = find(name);
    return i < 0 ? null : values[i];
  }

  /**
   * Adds {@code name=value}, or joins the value onto an existing non-empty one with {@code ;}
   * (otlp.md §3.5); returns true on such a collision.
   */
  boolean putJoining(String name, String value) {
    int i = find(name);
    if (i < 0) {
      insert(-i - 1, name, value);
      return false;
    }
    values[i] = values[i].isEmpty() ? value : values[i] + ";" + value;
    return true;
  }

  /** Adds {@code name=value} unless the name is taken. */
  void putIfAbsent(String name, String value) {
    int i = find(name);
    if (i < 0) {
      insert(-i - 1, name, value);
    }
  }

  /** Sets {@code name=value}, overwriting; returns true when the name was taken. */
  boolean put(String name, String value) {
    int i = find(name);
    if (i < 0) {
      insert(-i - 1, name, value);
      return false;
    }
    values[i] = value;
    return true;
  }

  void remove(String name) {
    int i = find(name);
    if (i >= 0) {
      System.arraycopy(names, i + 1, names, i, size - i - 1);
      System.arraycopy(values, i + 1, values, i, size - i - 1);
      size--;
    }
  }

  private void insert(int at, String name, String value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(names, at, names, at + 1, size - at);
    System.arraycopy(values, at, values, at + 1, size - at);
    names[at] = name;
    values[at] = value;
    size++;
  }

  /** name, value, name, value, ... sorted by name in UTF-8 byte order; empty values left out. */
  String[] sortedPairs() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!values[i].isEmpty()) {
        n++;
      }
    }
    String[] out = new String[2 * n];
    int j = 0;
    for (int i = 0; i < size; i++) {
      if (!values[i].isEmpty()) {
        out[j++] = names[i];
        out[j++] = values[i];
      }
    }
    return out;
  }
}
