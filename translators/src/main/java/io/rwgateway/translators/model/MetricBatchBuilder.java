package io.rwgateway.translators.model;

import io.rwgateway.translators.codec.LabelSetValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link MetricBatch} from strings: for translators whose input is not symbol-shaped
 * (OTLP), for tests and for generators. Labels are sorted by name; no validation beyond that.
 * Not thread-safe.
 */
public final class MetricBatchBuilder {
  private final SymbolTableBuilder symbols = new SymbolTableBuilder();
  private final List<Series> series = new ArrayList<>();

  public int symbol(String s) {
    return symbols.intern(s);
  }

  /** Starts a series with the given labels as name, value, name, value, ... */
  public SeriesBuilder series(String... labelPairs) {
    if ((labelPairs.length & 1) != 0) {
      throw new IllegalArgumentException("labels must come in name/value pairs");
    }
    String[][] pairs = new String[labelPairs.length / 2][];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = new String[] {labelPairs[2 * i], labelPairs[2 * i + 1]};
    }
    java.util.Arrays.sort(pairs, (a, b) -> LabelSetValidator.compareUtf8(a[0], b[0]));
    int[] refs = new int[labelPairs.length];
    for (int i = 0; i < pairs.length; i++) {
      refs[2 * i] = symbols.intern(pairs[i][0]);
      refs[2 * i + 1] = symbols.intern(pairs[i][1]);
    }
    return new SeriesBuilder(refs);
  }

  public MetricBatch build() {
    return new MetricBatch(symbols.build(), series);
  }

  /** One series under construction; {@link #add()} appends it to the batch. */
  public final class SeriesBuilder {
    private final int[] labelRefs;
    private MetricType type = MetricType.UNSPECIFIED;
    private int helpRef;
    private int unitRef;
    private final List<long[]> samples = new ArrayList<>();
    private final List<Histogram> histograms = new ArrayList<>();
    private final List<Exemplar> exemplars = new ArrayList<>();

    private SeriesBuilder(int[] labelRefs) {
      this.labelRefs = labelRefs;
    }

    public SeriesBuilder type(MetricType t) {
      this.type = t;
      return this;
    }

    public SeriesBuilder help(String help) {
      this.helpRef = symbols.intern(help);
      return this;
    }

    public SeriesBuilder unit(String unit) {
      this.unitRef = symbols.intern(unit);
      return this;
    }

    public SeriesBuilder sample(long timestamp, double value) {
      return sampleBits(timestamp, Double.doubleToRawLongBits(value), 0);
    }

    public SeriesBuilder sample(long timestamp, double value, long startTimestamp) {
      return sampleBits(timestamp, Double.doubleToRawLongBits(value), startTimestamp);
    }

    public SeriesBuilder sampleBits(long timestamp, long valueBits, long startTimestamp) {
      samples.add(new long[] {timestamp, valueBits, startTimestamp});
      return this;
    }

    public SeriesBuilder histogram(Histogram h) {
      histograms.add(h);
      return this;
    }

    /** An exemplar with labels as name, value, ... pairs. */
    public SeriesBuilder exemplar(long timestamp, double value, String... labelPairs) {
      int[] refs = new int[labelPairs.length];
      for (int i = 0; i < labelPairs.length; i++) {
        refs[i] = symbols.intern(labelPairs[i]);
      }
      exemplars.add(new Exemplar(refs, Double.doubleToRawLongBits(value), timestamp));
      return this;
    }

    public MetricBatchBuilder add() {
      int n = samples.size();
      long[] ts = new long[n];
      long[] vs = new long[n];
      long[] st = null;
      for (int i = 0; i < n; i++) {
        long[] s = samples.get(i);
        ts[i] = s[0];
        vs[i] = s[1];
        if (s[2] != 0) {
          if (st == null) {
            st = new long[n];
          }
          st[i] = s[2];
        }
      }
      series.add(new Series(labelRefs, type, helpRef, unitRef, ts, vs, st, List.copyOf(histograms),
          List.copyOf(exemplars)));
      return MetricBatchBuilder.this;
    }
  }
}
