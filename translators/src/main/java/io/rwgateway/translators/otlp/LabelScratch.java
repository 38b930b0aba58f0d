package io.rwgateway.translators.otlp;

import io.rwgateway.translators.codec.LabelSetValidator;
import java.util.Arrays;

/**
 * The labels of one output series while they are assembled, in the precedence order of otlp.md
 * §4.5. A few dozen entries at most, so parallel arrays and linear search. Not thread-safe.
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

  int indexOf(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  String get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  /**
   * Adds {@code name=value}, or joins the value onto an existing non-empty one with {@code ;}
   * (otlp.md §3.5); returns true on such a collision.
   */
  boolean putJoining(String name, String value) {
    int i = indexOf(name);
    if (i < 0) {
      append(name, value);
      return false;
    }
    values[i] = values[i].isEmpty() ? value : values[i] + ";" + value;
    return true;
  }

  /** Adds {@code name=value} unless the name is taken. */
  void putIfAbsent(String name, String value) {
    if (indexOf(name) < 0) {
      append(name, value);
    }
  }

  /** Sets {@code name=value}, overwriting; returns true when the name was taken. */
  boolean put(String name, String value) {
    int i = indexOf(name);
    if (i < 0) {
      append(name, value);
      return false;
    }
    values[i] = value;
    return true;
  }

  void remove(String name) {
    int i = indexOf(name);
    if (i >= 0) {
      size--;
      names[i] = names[size];
      values[i] = values[size];
    }
  }

  void copyFrom(LabelScratch other) {
    if (names.length < other.size) {
      names = new String[other.names.length];
      values = new String[other.values.length];
    }
    System.arraycopy(other.names, 0, names, 0, other.size);
    System.arraycopy(other.values, 0, values, 0, other.size);
    size = other.size;
  }

  private void append(String name, String value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  /** name, value, name, value, ... sorted by name in UTF-8 byte order; empty values left out. */
  String[] sortedPairs() {
    Integer[] order = new Integer[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (!values[i].isEmpty()) {
        order[n++] = i;
      }
    }
    Integer[] kept = Arrays.copyOf(order, n);
    Arrays.sort(kept, (a, b) -> LabelSetValidator.compareUtf8(names[a], names[b]));
    String[] out = new String[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = names[kept[i]];
      out[2 * i + 1] = values[kept[i]];
    }
    return out;
  }
}
