package io.rwgateway.translators.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical in-memory model: a symbol table and the series that refer to it (architecture.md,
 * "The canonical model"). Every input protocol decodes into this, every output protocol encodes
 * from it. Immutable once built: a stage that changes a batch makes a new one, so fan-out to
 * several routes never copies defensively.
 */
public final class MetricBatch {
  public static final MetricBatch EMPTY = new MetricBatch(SymbolTable.EMPTY, List.of());

  private final SymbolTable symbols;
  private final List<Series> series;
  private final long samples;
  private final long histograms;
  private final long exemplars;

  public MetricBatch(SymbolTable symbols, List<Series> series) {
    this.symbols = symbols;
    this.series = List.copyOf(series);
    long s = 0;
    long h = 0;
    long e = 0;
    for (Series one : this.series) {
      s += one.sampleCount();
      h += one.histograms().size();
      e += one.exemplars().size();
    }
    this.samples = s;
    this.histograms = h;
    this.exemplars = e;
  }

  public SymbolTable symbols() {
    return symbols;
  }

  public List<Series> series() {
    return series;
  }

  public boolean isEmpty() {
    return series.isEmpty();
  }

  public long sampleCount() {
    return samples;
  }

  public long histogramCount() {
    return histograms;
  }

  public long exemplarCount() {
    return exemplars;
  }

  /** The string at {@code ref} in this batch's symbol table. */
  public String symbol(int ref) {
    return symbols.get(ref);
  }

  /** Value of label {@code name} in {@code s}, or null when absent. Linear in the label count. */
  public String labelValue(Series s, String name) {
    int[] refs = s.labelRefs();
    for (int i = 0; i < refs.length; i += 2) {
      if (symbols.get(refs[i]).equals(name)) {
        return symbols.get(refs[i + 1]);
      }
    }
    return null;
  }

  /** The series' labels as text, {@code {a="b", c="d"}}, for logs and tests. */
  public String labelsText(Series s) {
    StringBuilder sb = new StringBuilder("{");
    int[] refs = s.labelRefs();
    for (int i = 0; i < refs.length; i += 2) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(symbols.get(refs[i])).append("=\"").append(symbols.get(refs[i + 1])).append('"');
    }
    return sb.append('}').toString();
  }

  /** A batch holding only the series {@code keep} accepts, sharing this batch's symbols. */
  public MetricBatch filter(java.util.function.Predicate<Series> keep) {
    List<Series> kept = new ArrayList<>(series.size());
    for (Series s : series) {
      if (keep.test(s)) {
        kept.add(s);
      }
    }
    return kept.size() == series.size() ? this : new MetricBatch(symbols, kept);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricBatch b && symbols.equals(b.symbols) && series.equals(b.series);
  }

  @Override
  public int hashCode() {
    return 31 * symbols.hashCode() + series.hashCode();
  }

  @Override
  public String toString() {
    return "MetricBatch{series=" + series.size() + ", samples=" + samples + ", histograms="
        + histograms + ", exemplars=" + exemplars + ", symbols=" + symbols.size() + "}";
  }
}
