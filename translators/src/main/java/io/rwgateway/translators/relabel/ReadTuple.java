package io.rwgateway.translators.relabel;

import java.util.Arrays;

/**
 * The cache key of a rule that reads the values of two or more labels: those values, in the order
 * of {@code source_labels}. (A rule that reads one label is keyed by that value alone, and a rule
 * that reads none by "": no tuple is built for them.) Equal tuples join to equal strings, so a
 * result cached for one holds for the other; two tuples that join to the same string (
 * {@code "a;b","c"} and {@code "a","b;c"}) are merely cached twice. When labels become dictionary
 * ids, this holds ids instead of strings and nothing else changes.
 */
final class ReadTuple {
  private final String[] values;
  private final int hash;

  /** Takes ownership of {@code values}. */
  ReadTuple(String[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  /** The values joined by {@code separator}: the string Prometheus matches the regex against. */
  String join(String separator) {
    return String.join(separator, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadTuple t && hash == t.hash && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
