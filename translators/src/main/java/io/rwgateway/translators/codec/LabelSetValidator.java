package io.rwgateway.translators.codec;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Checks and normalises one series' labels, the receiver rules of remote-write.md §5 and §4.10:
 * pairs with an empty value are dropped (an empty value means "absent"), the rest is sorted by name
 * in UTF-8 byte order, and the series is refused when a name repeats, a name is empty,
 * {@code __name__} is missing or empty, or a limit is exceeded. Works on symbol refs so both
 * decoders share it; strings are only looked at through {@code symbols}.
 */
public final class LabelSetValidator {
  public static final String METRIC_NAME = "__name__";

  private final DecodeLimits limits;

  public LabelSetValidator(DecodeLimits limits) {
    this.limits = limits;
  }

  /**
   * @param pairs   {@code pairs[0, 2*n)}: name ref, value ref, ... (not modified)
   * @param n       number of labels
   * @param symbols ref to string
   * @return a new array of sorted (name, value) ref pairs without empty values
   */
  public int[] validate(int[] pairs, int n, IntFunction<String> symbols) throws SeriesRejectedException {
    if (n > limits.maxLabelsPerSeries()) {
      throw new SeriesRejectedException("too_many_labels",
          "series has " + n + " labels, limit " + limits.maxLabelsPerSeries());
    }
    // One pass does the checks, the copy, the order check and (while the input is in order, as
    // senders send it) the duplicate and __name__ checks: this runs for every series decoded.
    int[] out = new int[2 * n];
    int k = 0;
    boolean sorted = true;
    String previous = null;
    String duplicate = null;
    boolean hasName = false;
    for (int i = 0; i < n; i++) {
      int nameRef = pairs[2 * i];
      int valueRef = pairs[2 * i + 1];
      String name = symbols.apply(nameRef);
      String value = symbols.apply(valueRef);
      if (name.isEmpty()) {
        throw new SeriesRejectedException("empty_label_name", "series has a label with an empty name");
      }
      if (name.length() > limits.maxLabelNameLength()) {
        throw new SeriesRejectedException("label_name_too_long",
            "label name of " + name.length() + " characters, limit " + limits.maxLabelNameLength());
      }
      if (value.length() > limits.maxLabelValueLength()) {
        throw new SeriesRejectedException("label_value_too_long",
            "value of label " + truncate(name) + " has " + value.length() + " characters, limit "
                + limits.maxLabelValueLength());
      }
      if (value.isEmpty()) {
        continue;
      }
      if (sorted && previous != null) {
        int c = compareUtf8(previous, name);
        if (c > 0) {
          sorted = false;
        } else if (c == 0 && duplicate == null) {
          duplicate = name; // in sorted input the first adjacent repeat is the first in order
        }
      }
      previous = name;
      hasName |= name.equals(METRIC_NAME);
      out[k++] = nameRef;
      out[k++] = valueRef;
    }
    if (k < out.length) {
      out = Arrays.copyOf(out, k);
    }
    if (!sorted) {
      insertionSort(out, symbols);
      duplicate = firstDuplicate(out, symbols);
    }
    if (duplicate != null) {
      throw new SeriesRejectedException("duplicate_label", "series has label " + truncate(duplicate) + " twice");
    }
    if (!hasName) {
      throw new SeriesRejectedException("missing_metric_name", "series has no __name__ label");
    }
    return out;
  }

  private static String firstDuplicate(int[] sortedPairs, IntFunction<String> symbols) {
    for (int i = 2; i < sortedPairs.length; i += 2) {
      String name = symbols.apply(sortedPairs[i]);
      if (name.equals(symbols.apply(sortedPairs[i - 2]))) {
        return name;
      }
    }
    return null;
  }

  private static void insertionSort(int[] pairs, IntFunction<String> symbols) {
    for (int i = 2; i < pairs.length; i += 2) {
      int nameRef = pairs[i];
      int valueRef = pairs[i + 1];
      String name = symbols.apply(nameRef);
      int j = i - 2;
      while (j >= 0 && compareUtf8(symbols.apply(pairs[j]), name) > 0) {
        pairs[j + 2] = pairs[j];
        pairs[j + 3] = pairs[j + 1];
        j -= 2;
      }
      pairs[j + 2] = nameRef;
      pairs[j + 3] = valueRef;
    }
  }

  /**
   * Compares as the UTF-8 bytes would compare (Prometheus sorts label names bytewise). Java's
   * {@code compareTo} differs from that only when a surrogate pair meets a char at or above U+E000.
   */
  public static int compareUtf8(String a, String b) {
    if (a == b) {
      return 0;
    }
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x >= 0xd800 && y >= 0xd800) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  private static String truncate(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "..." : s;
  }
}
