package io.rwgateway.translators.relabel;

import io.rwgateway.translators.codec.LabelSetValidator;
import io.rwgateway.translators.model.SymbolTable;
import java.util.Arrays;

/**
 * The labels of one series while a {@link RelabelPlan} runs over them: Prometheus'
 * {@code labels.Builder} rules ({@code Set} with an empty value deletes, a missing label reads as
 * ""), kept sorted by name in UTF-8 byte order (the order Prometheus iterates labels in for
 * labelmap, labeldrop and labelkeep, and the order the output needs). Beside each name and value
 * it keeps the symbol ref it came from in the input batch, or {@link #MADE} for a string a rule
 * made, so the batch can reuse refs instead of interning every output string again, and steps can
 * remember results per ref within a batch ({@link PlanScratch}). Reused from series to series of
 * one batch; not thread-safe.
 *
 * <p>{@link LabelSet} is the same structure without refs, for the plain {@link Relabeler}: the
 * two are kept apart on purpose, so the property test compares two implementations.
 */
final class WorkingLabels {
  /** Ref of a string a rule made (no input ref). */
  static final int MADE = -1;

  private String[] names = new String[16];
  private String[] values = new String[16];
  private int[] nameRefs = new int[16];
  private int[] valueRefs = new int[16];
  private int size;
  /** The table the loaded refs point into: values are read from it when a step asks for them. */
  private SymbolTable symbols;

  /**
   * Loads a series' labels (flat name/value refs into {@code symbols}). They are sorted by name in
   * UTF-8 byte order already: the model guarantees it ({@link io.rwgateway.translators.model.Series#labelRefs},
   * {@code LabelSetValidator} sorts at decode), so no order check is made here.
   */
  void load(int[] labelRefs, SymbolTable symbols) {
    this.symbols = symbols;
    int n = labelRefs.length >> 1;
    ensureCapacity(n);
    for (int i = 0; i < n; i++) {
      int nr = labelRefs[2 * i];
      int vr = labelRefs[2 * i + 1];
      names[i] = symbols.get(nr);
      // Read when a step asks ({@link #value}): most values (a unique series_id, say) are never
      // looked at, and in a table of dictionary ids reading one makes its String.
      values[i] = null;
      nameRefs[i] = nr;
      valueRefs[i] = vr;
    }
    if (size > n) {
      Arrays.fill(names, n, size, null);
      Arrays.fill(values, n, size, null);
    }
    size = n;
  }

  private void ensureCapacity(int n) {
    if (n > names.length) {
      int cap = Math.max(n, names.length * 2);
      names = Arrays.copyOf(names, cap);
      values = Arrays.copyOf(values, cap);
      nameRefs = Arrays.copyOf(nameRefs, cap);
      valueRefs = Arrays.copyOf(valueRefs, cap);
    }
  }

  private void move(int from, int to) {
    names[to] = names[from];
    values[to] = values[from];
    nameRefs[to] = nameRefs[from];
    valueRefs[to] = valueRefs[from];
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    String v = values[i];
    if (v == null) {
      v = symbols.get(valueRefs[i]);
      values[i] = v;
    }
    return v;
  }

  /**
   * The UTF-8 bytes of label {@code i}'s value: the symbol table's (for a table of dictionary ids,
   * the dictionary's own copy, no {@code String} made) when it came from the input, else encoded.
   * Shared: never modify.
   */
  byte[] utf8(int i) {
    return valueRefs[i] >= 0 ? symbols.utf8(valueRefs[i])
        : value(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  int nameRef(int i) {
    return nameRefs[i];
  }

  int valueRef(int i) {
    return valueRefs[i];
  }

  /** The value of {@code name}, "" when absent (Go {@code Labels.Get}). */
  String get(String name) {
    int i = indexOf(name);
    return i < 0 ? "" : value(i);
  }

  /** The position of label {@code name}, or -1. */
  int indexOf(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Sets {@code name} to a value a rule made; an empty value deletes, as Go {@code Builder.Set}. */
  void set(String name, String value) {
    set(name, MADE, value, MADE);
  }

  /**
   * Sets {@code name} (ref {@code nameRef}) to {@code value} (ref {@code valueRef}); an empty value
   * deletes. Refs are {@link #MADE} for strings a rule made.
   */
  void set(String name, int nameRef, String value, int valueRef) {
    if (value.isEmpty()) {
      delete(name);
      return;
    }
    int i = 0;
    while (i < size) {
      int c = LabelSetValidator.compareUtf8(names[i], name);
      if (c == 0) {
        if (value(i) != value) {
          values[i] = value;
          valueRefs[i] = valueRef;
        }
        return;
      }
      if (c > 0) {
        break;
      }
      i++;
    }
    ensureCapacity(size + 1);
    for (int j = size; j > i; j--) {
      move(j - 1, j);
    }
    names[i] = name;
    values[i] = value;
    nameRefs[i] = nameRef;
    valueRefs[i] = valueRef;
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

  /** Removes label {@code i}; the labels after it move down one place. */
  void removeAt(int i) {
    for (int j = i; j < size - 1; j++) {
      move(j + 1, j);
    }
    size--;
    names[size] = null;
    values[size] = null;
  }

  /** Flat sorted (name, value, ...) pairs: the labels as strings, as {@link Relabeler#apply} gives them. */
  String[] toPairs() {
    String[] out = new String[2 * size];
    for (int i = 0; i < size; i++) {
      out[2 * i] = names[i];
      out[2 * i + 1] = value(i);
    }
    return out;
  }

  /** True when the set has a non-empty {@code __name__} (the gateway drops the others). */
  boolean hasMetricName() {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(LabelSetValidator.METRIC_NAME)) {
        return !value(i).isEmpty();
      }
    }
    return false;
  }
}
