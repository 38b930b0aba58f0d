package io.rwgateway.translators.otlp;

import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.SymbolTableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of one request while it is translated: one series per distinct label set, in first-seen
 * order, samples and histograms appended as points arrive. A second sample (or histogram) with the
 * same labels and timestamp is refused (otlp.md §6.4: RW receivers reject the whole request over
 * it), and metadata is the first one seen. Not thread-safe; one per request.
 */
final class SeriesSink {
  private final Map<Key, Out> byLabels;
  private final List<Out> order;

  /** @param expectedSeries a guess (the request's data point count) that spares the map rehashing */
  SeriesSink(int expectedSeries) {
    int n = Math.max(16, Math.min(expectedSeries, 1 << 20));
    byLabels = new HashMap<>(n * 2);
    order = new ArrayList<>(n);
  }

  /** The series with these sorted label pairs, created with this metadata when new. */
  Out series(String[] sortedPairs, MetricType type, String help, String unit) {
    Key key = new Key(sortedPairs);
    Out out = byLabels.get(key);
    if (out == null) {
      out = new Out(sortedPairs, type, help, unit);
      byLabels.put(key, out);
      order.add(out);
    }
    return out;
  }

  boolean isEmpty() {
    return order.isEmpty();
  }

  /**
   * The batch: labels are already sorted (they come from {@link LabelScratch}), so the series are
   * built straight from the symbol table, samples and histograms in time order.
   */
  MetricBatch build() {
    SymbolTableBuilder symbols = new SymbolTableBuilder(Math.max(64, order.size() * 2));
    List<Series> series = new ArrayList<>(order.size());
    for (Out o : order) {
      if (o.samples == 0 && o.histograms.isEmpty()) {
        continue;
      }
      int[] refs = new int[o.pairs.length];
      for (int i = 0; i < refs.length; i++) {
        refs[i] = symbols.intern(o.pairs[i]);
      }
      o.sortByTime();
      long[] ts = Arrays.copyOf(o.timestamps, o.samples);
      long[] vs = Arrays.copyOf(o.valueBits, o.samples);
      long[] st = null;
      for (int i = 0; i < o.samples; i++) {
        if (o.startTimestamps[i] != 0) {
          st = Arrays.copyOf(o.startTimestamps, o.samples);
          break;
        }
      }
      List<Histogram> hs = o.histograms;
      if (hs.size() > 1) {
        hs = new ArrayList<>(hs);
        hs.sort((x, y) -> Long.compare(x.timestamp(), y.timestamp()));
      }
      List<Exemplar> exemplars = List.of();
      if (!o.exemplars.isEmpty()) {
        exemplars = new ArrayList<>(o.exemplars.size());
        for (PendingExemplar e : o.exemplars) {
          int[] er = new int[e.pairs.length];
          for (int i = 0; i < er.length; i++) {
            er[i] = symbols.intern(e.pairs[i]);
          }
          exemplars.add(new Exemplar(er, e.valueBits, e.timestamp));
        }
      }
      series.add(new Series(refs, o.type, symbols.intern(o.help), symbols.intern(o.unit), ts, vs, st,
          List.copyOf(hs), exemplars));
    }
    return new MetricBatch(symbols.build(), series);
  }

  private record PendingExemplar(String[] pairs, long valueBits, long timestamp) {}

  /** One output series being filled. */
  static final class Out {
    final String[] pairs;
    final MetricType type;
    final String help;
    final String unit;
    private long[] timestamps = new long[1];
    private long[] valueBits = new long[1];
    private long[] startTimestamps = new long[1];
    private int samples;
    private final List<Histogram> histograms = new ArrayList<>(1);
    private final List<PendingExemplar> exemplars = new ArrayList<>(0);

    private Out(String[] pairs, MetricType type, String help, String unit) {
      this.pairs = pairs;
      this.type = type;
      this.help = help;
      this.unit = unit;
    }

    /** Adds a float sample; false (nothing added) when one with this timestamp exists. */
    boolean sample(long timestamp, long bits, long startTimestamp) {
      for (int i = 0; i < samples; i++) {
        if (timestamps[i] == timestamp) {
          return false;
        }
      }
      if (samples == timestamps.length) {
        timestamps = Arrays.copyOf(timestamps, samples * 2);
        valueBits = Arrays.copyOf(valueBits, samples * 2);
        startTimestamps = Arrays.copyOf(startTimestamps, samples * 2);
      }
      timestamps[samples] = timestamp;
      valueBits[samples] = bits;
      startTimestamps[samples] = startTimestamp;
      samples++;
      return true;
    }

    /** Adds a native histogram; false when one with its timestamp exists. */
    boolean histogram(Histogram h) {
      for (Histogram other : histograms) {
        if (other.timestamp() == h.timestamp()) {
          return false;
        }
      }
      histograms.add(h);
      return true;
    }

    /** Adds an exemplar with label pairs name, value, ... */
    void exemplar(String[] pairs, long valueBits, long timestamp) {
      exemplars.add(new PendingExemplar(pairs, valueBits, timestamp));
    }

    /** Insertion sort by timestamp: a series holds one or a few samples per request. */
    private void sortByTime() {
      for (int i = 1; i < samples; i++) {
        long t = timestamps[i];
        long v = valueBits[i];
        long s = startTimestamps[i];
        int j = i - 1;
        for (; j >= 0 && timestamps[j] > t; j--) {
          timestamps[j + 1] = timestamps[j];
          valueBits[j + 1] = valueBits[j];
          startTimestamps[j + 1] = startTimestamps[j];
        }
        timestamps[j + 1] = t;
        valueBits[j + 1] = v;
        startTimestamps[j + 1] = s;
      }
    }
  }

  private static final class Key {
    private final String[] pairs;
    private final int hash;

    Key(String[] pairs) {
      this.pairs = pairs;
      this.hash = Arrays.hashCode(pairs);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.pairs, pairs);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
