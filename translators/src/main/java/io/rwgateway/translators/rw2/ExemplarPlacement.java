package io.rwgateway.translators.rw2;

import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where exemplar-only series go in an outgoing RW 2.0 request (remote-write.md §3.3.5,
 * §4.5): RW 2.0 wants every series to carry samples or histograms, while Prometheus' RW 1.0
 * sender puts each exemplar in a series of its own. An exemplar-only series is therefore moved
 * onto the first series of the same request (any batch) with the same labels and samples or
 * histograms. When there is none, the exemplars are still sent, in one exemplar-only series per
 * label set: holding them for a later request would need state and could lose them, and
 * receivers other than Prometheus accept them (a Prometheus receiver counts them as a partial
 * 400). A moved series' own metadata is not sent: the carrier's stands (Prometheus' exemplar-only
 * series carry none). Series are numbered flat, batch after batch. Series with nothing in them
 * are dropped.
 */
final class ExemplarPlacement {
  /** One exemplar with the batch whose symbols its refs point into. */
  record SourcedExemplar(int batch, Exemplar exemplar) {}

  private final boolean[] skipped;
  private final List<SourcedExemplar>[] moved;

  private ExemplarPlacement(boolean[] skipped, List<SourcedExemplar>[] moved) {
    this.skipped = skipped;
    this.moved = moved;
  }

  /** True when series {@code flat} is not written (its exemplars went elsewhere, or it is empty). */
  boolean skipped(int flat) {
    return skipped != null && skipped[flat];
  }

  /**
   * All exemplars to write on series {@code flat} when others were moved onto it (its own
   * included, in timestamp order), or null when it just keeps its own.
   */
  List<SourcedExemplar> moved(int flat) {
    return moved == null ? null : moved[flat];
  }

  /** Needs every label ref already mapped in {@code symbols}. */
  static ExemplarPlacement plan(List<MetricBatch> batches, RequestSymbols symbols, int totalSeries) {
    boolean[] skipped = null;
    Map<LabelKey, Integer> carriers = null;
    int flat = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        if (s.isExemplarOnly()) {
          if (skipped == null) {
            skipped = new boolean[totalSeries];
            carriers = new HashMap<>();
          }
          if (s.exemplars().isEmpty()) {
            skipped[flat] = true;
          } else {
            carriers.put(LabelKey.of(s, b, symbols), -1);
          }
        }
        flat++;
      }
    }
    if (carriers == null) {
      return new ExemplarPlacement(null, null);
    }
    return attach(batches, symbols, skipped, carriers);
  }

  @SuppressWarnings("unchecked")
  private static ExemplarPlacement attach(List<MetricBatch> batches, RequestSymbols symbols,
      boolean[] skipped, Map<LabelKey, Integer> carriers) {
    int[] wantedHashes = new int[carriers.size()];
    int w = 0;
    for (LabelKey k : carriers.keySet()) {
      wantedHashes[w++] = k.hash;
    }
    Arrays.sort(wantedHashes);
    // First series with samples or histograms per wanted label set; the hash is checked first
    // so that series without exemplar-only twins cost no key object.
    int flat = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        if (!s.isExemplarOnly() && Arrays.binarySearch(wantedHashes, LabelKey.hash(s, b, symbols)) >= 0) {
          carriers.replace(LabelKey.of(s, b, symbols), -1, flat);
        }
        flat++;
      }
    }
    List<SourcedExemplar>[] moved = new List[skipped.length];
    flat = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        if (s.isExemplarOnly() && !s.exemplars().isEmpty()) {
          LabelKey key = LabelKey.of(s, b, symbols);
          int carrier = carriers.get(key);
          if (carrier < 0) {
            carriers.put(key, flat); // the first exemplar-only series carries the others
          } else {
            if (moved[carrier] == null) {
              moved[carrier] = new ArrayList<>();
            }
            for (Exemplar e : s.exemplars()) {
              moved[carrier].add(new SourcedExemplar(b, e));
            }
            skipped[flat] = true;
          }
        }
        flat++;
      }
    }
    mergeOwnExemplars(batches, moved);
    return new ExemplarPlacement(skipped, moved);
  }

  /**
   * Puts each carrier's own exemplars in front of the moved ones and orders them by timestamp
   * (stable), so a receiver that refuses out-of-order exemplars sees them in order.
   */
  private static void mergeOwnExemplars(List<MetricBatch> batches, List<SourcedExemplar>[] moved) {
    int flat = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        List<SourcedExemplar> extra = moved[flat];
        if (extra != null) {
          List<SourcedExemplar> all = new ArrayList<>(s.exemplars().size() + extra.size());
          for (Exemplar e : s.exemplars()) {
            all.add(new SourcedExemplar(b, e));
          }
          all.addAll(extra);
          all.sort((x, y) -> Long.compare(x.exemplar().timestamp(), y.exemplar().timestamp()));
          moved[flat] = all;
        }
        flat++;
      }
    }
  }

  /** A label set as request refs, comparable across batches. */
  private static final class LabelKey {
    final int[] refs;
    final int hash;

    private LabelKey(int[] refs, int hash) {
      this.refs = refs;
      this.hash = hash;
    }

    static LabelKey of(Series s, int batch, RequestSymbols symbols) {
      int[] batchRefs = s.labelRefs();
      int[] refs = new int[batchRefs.length];
      for (int i = 0; i < refs.length; i++) {
        refs[i] = symbols.mapped(batch, batchRefs[i]);
      }
      return new LabelKey(refs, Arrays.hashCode(refs));
    }

    /** Equal to {@code of(s, batch, symbols).hash} without building the key. */
    static int hash(Series s, int batch, RequestSymbols symbols) {
      int h = 1;
      for (int ref : s.labelRefs()) {
        h = 31 * h + symbols.mapped(batch, ref);
      }
      return h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof LabelKey k && hash == k.hash && Arrays.equals(refs, k.refs);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
