package io.rwgateway.translators.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the series of an outgoing request that carry the same labels into one series, so their
 * labels and metadata are written once (remote-write.md §3.2 step 6: "merge TimeSeries with
 * identical labels, but never reorder timestamps within a series"). Prometheus sends one sample
 * per {@code TimeSeries}; a request made of several upstream requests (or of one request holding
 * several scrapes) repeats the same label set once per sample, and that repetition is most of
 * what RW 2.0 still pays for after its symbol table (docs/benchmarks.md, "Egress bytes").
 *
 * <p>A later series joins the first one with the same labels only when nothing changes in meaning:
 * same type, help and unit, the same kind of points (floats, or histograms), no exemplars on
 * either side (their labels are refs into their own batch), and every timestamp after the last one
 * already there (§2.4 "Within a TimeSeries, elements are in timestamp order"). Anything else stays
 * a series of its own, where it was. The merged series sits at the place of the first occurrence.
 *
 * <p>Stateless; each call works on its own arrays.
 */
public final class SeriesCoalescer {
  private static final int EMPTY = -1;
  private static final int MIXED = 0;
  private static final int FLOATS = 1;
  private static final int HISTOGRAMS = 2;

  private SeriesCoalescer() {}

  /** The batches with repeated series merged; the same list when nothing repeats. */
  public static List<MetricBatch> coalesce(List<MetricBatch> batches) {
    int total = 0;
    for (MetricBatch b : batches) {
      total += b.series().size();
    }
    if (total < 2) {
      return batches;
    }
    Groups groups = new Groups(batches, total);
    return groups.merges == 0 ? batches : groups.rebuild();
  }

  /** The grouping pass: a chain of flat series indexes per merged series. */
  private static final class Groups {
    private final List<MetricBatch> batches;
    private final MetricBatch[] batchOf;
    private final Series[] series;
    /** Next member of the same merged series, or EMPTY. */
    private final int[] next;
    /** For a head: its last member; for a member: EMPTY. For a series merged away: -2. */
    private final int[] tail;
    private final int[] table;
    private final int[] tableHash;
    /**
     * The one generation all batches' ids belong to, or null: with one, two labels are the same
     * string exactly when their ids are equal, so label sets hash and compare as ints
     * (docs/dictionary.md step 5); without (tables of strings, a generation change inside the
     * window), as strings.
     */
    private final SymbolGeneration generation;
    private int merges;

    Groups(List<MetricBatch> batches, int total) {
      this.batches = batches;
      SymbolGeneration common = batches.get(0).symbols().generation();
      for (MetricBatch b : batches) {
        if (b.symbols().generation() != common) {
          common = null;
          break;
        }
      }
      this.generation = common;
      this.batchOf = new MetricBatch[total];
      this.series = new Series[total];
      this.next = new int[total];
      this.tail = new int[total];
      int capacity = Integer.highestOneBit(Math.max(4, total * 2 - 1)) << 1;
      this.table = new int[capacity];
      this.tableHash = new int[capacity];
      Arrays.fill(table, EMPTY);
      Arrays.fill(next, EMPTY);
      int f = 0;
      for (MetricBatch b : batches) {
        for (Series s : b.series()) {
          batchOf[f] = b;
          series[f] = s;
          tail[f] = f;
          place(f);
          f++;
        }
      }
    }

    private void place(int f) {
      Series s = series[f];
      if (s.sampleCount() == 0 && s.histograms().isEmpty()) {
        // Exemplars only (as Prometheus sends them): no sample whose order could be broken.
        return;
      }
      int hash = labelHash(batchOf[f], s);
      int mask = table.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        int head = table[slot];
        if (head == EMPTY) {
          table[slot] = f;
          tableHash[slot] = hash;
          return;
        }
        if (tableHash[slot] == hash && sameLabels(head, f)) {
          if (kind(s) != MIXED && joinable(head, f)) {
            next[tail[head]] = f;
            tail[head] = f;
            tail[f] = -2;
            merges++;
          } else {
            // Later series of these labels join the newest head, which keeps timestamp order. A
            // series that cannot merge (exemplars, mixed kinds) becomes that head too, so nothing
            // after it joins a series before it: X@1, X@2 (exemplar), X@3 stays in that order.
            table[slot] = f;
          }
          return;
        }
      }
    }

    private int labelHash(MetricBatch b, Series s) {
      int h = 1;
      if (generation != null) {
        SymbolTable symbols = b.symbols();
        for (int ref : s.labelRefs()) {
          h = 31 * h + symbols.id(ref);
        }
        h *= 0x9E3779B9; // ids are small dense ints: spread them over the table
      } else {
        for (int ref : s.labelRefs()) {
          h = 31 * h + b.symbol(ref).hashCode();
        }
      }
      return h ^ (h >>> 16);
    }

    private boolean sameLabels(int a, int b) {
      int[] x = series[a].labelRefs();
      int[] y = series[b].labelRefs();
      if (x.length != y.length) {
        return false;
      }
      MetricBatch bx = batchOf[a];
      MetricBatch by = batchOf[b];
      for (int i = 0; i < x.length; i++) {
        if (!sameSymbol(bx, x[i], by, y[i])) {
          return false;
        }
      }
      return true;
    }

    private boolean sameSymbol(MetricBatch bx, int x, MetricBatch by, int y) {
      if (bx == by) {
        return x == y;
      }
      if (generation != null) {
        return bx.symbols().id(x) == by.symbols().id(y);
      }
      String a = bx.symbol(x);
      String b = by.symbol(y);
      return a == b || a.equals(b);
    }

    private boolean joinable(int head, int f) {
      Series h = series[head];
      Series s = series[f];
      if (kind(h) == MIXED) {
        return false;
      }
      MetricBatch bh = batchOf[head];
      MetricBatch bs = batchOf[f];
      if (h.type() != s.type() || kind(h) != kind(s)
          || !sameSymbol(bh, h.helpRef(), bs, s.helpRef()) || !sameSymbol(bh, h.unitRef(), bs, s.unitRef())) {
        return false;
      }
      return lastTimestamp(series[tail[head]]) < firstTimestamp(s);
    }

    /** Floats only, histograms only, or anything else (exemplars, both, neither): never merged. */
    private static int kind(Series s) {
      if (!s.exemplars().isEmpty()) {
        return MIXED;
      }
      boolean floats = s.sampleCount() > 0;
      boolean histograms = !s.histograms().isEmpty();
      return floats == histograms ? MIXED : floats ? FLOATS : HISTOGRAMS;
    }

    private static long firstTimestamp(Series s) {
      return s.histograms().isEmpty() ? s.timestamp(0) : s.histograms().get(0).timestamp();
    }

    private static long lastTimestamp(Series s) {
      int n = s.histograms().size();
      return n == 0 ? s.timestamp(s.sampleCount() - 1) : s.histograms().get(n - 1).timestamp();
    }

    List<MetricBatch> rebuild() {
      List<MetricBatch> out = new ArrayList<>(batches.size());
      int f = 0;
      for (MetricBatch b : batches) {
        List<Series> kept = new ArrayList<>(b.series().size());
        for (int i = 0; i < b.series().size(); i++, f++) {
          if (tail[f] == -2) {
            continue;
          }
          kept.add(next[f] == EMPTY ? series[f] : merged(f));
        }
        out.add(kept.isEmpty() ? MetricBatch.EMPTY : new MetricBatch(b.symbols(), kept));
      }
      return out;
    }

    private Series merged(int head) {
      Series h = series[head];
      if (!h.histograms().isEmpty()) {
        List<Histogram> all = new ArrayList<>();
        for (int m = head; m != EMPTY; m = next[m]) {
          all.addAll(series[m].histograms());
        }
        return new Series(h.labelRefs(), h.type(), h.helpRef(), h.unitRef(), null, null, null, all, null);
      }
      int n = 0;
      boolean starts = false;
      for (int m = head; m != EMPTY; m = next[m]) {
        n += series[m].sampleCount();
        starts |= series[m].hasStartTimestamps();
      }
      long[] timestamps = new long[n];
      long[] values = new long[n];
      long[] startTimestamps = starts ? new long[n] : null;
      int p = 0;
      for (int m = head; m != EMPTY; m = next[m]) {
        Series s = series[m];
        for (int i = 0; i < s.sampleCount(); i++, p++) {
          timestamps[p] = s.timestamp(i);
          values[p] = s.valueBits(i);
          if (starts) {
            startTimestamps[p] = s.startTimestamp(i);
          }
        }
      }
      return new Series(h.labelRefs(), h.type(), h.helpRef(), h.unitRef(), timestamps, values,
          startTimestamps, null, null);
    }
  }
}
