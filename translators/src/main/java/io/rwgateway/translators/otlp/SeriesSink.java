package io.rwgateway.translators.otlp;

import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
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
  private final Map<Key, Out> byLabels = new HashMap<>();
  private final List<Out> order = new ArrayList<>();

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

  MetricBatch build() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (Out o : order) {
      if (o.samples == 0 && o.histograms.isEmpty()) {
        continue;
      }
      MetricBatchBuilder.SeriesBuilder s = b.series(o.pairs).type(o.type).help(o.help).unit(o.unit);
      Integer[] idx = o.sampleOrder();
      for (int i : idx) {
        s.sampleBits(o.timestamps[i], o.valueBits[i], o.startTimestamps[i]);
      }
      List<Histogram> hs = new ArrayList<>(o.histograms);
      hs.sort((x, y) -> Long.compare(x.timestamp(), y.timestamp()));
      for (Histogram h : hs) {
        s.histogram(h);
      }
      for (PendingExemplar e : o.exemplars) {
        s.exemplar(e.timestamp, Double.longBitsToDouble(e.valueBits), e.pairs);
      }
      s.add();
    }
    return b.build();
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

    private Integer[] sampleOrder() {
      Integer[] idx = new Integer[samples];
      for (int i = 0; i < samples; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> Long.compare(timestamps[a], timestamps[b]));
      return idx;
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
