package io.rwgateway.translators.relabel;

import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.SymbolTable;
import io.rwgateway.translators.model.SymbolTableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Relabels whole batches through a bounded cache of outcomes per distinct label set
 * ({@link OutcomeCache})
 * (architecture.md, "Performance principles"): a steady stream of the same series costs one
 * lookup per series, no regex; dropped outcomes are cached too. Builds a new batch with its own
 * symbol table; samples, histograms and metadata follow their series unchanged, exemplar labels
 * are only re-interned (Prometheus does not relabel exemplars). Thread-safe.
 */
public final class BatchRelabeler {
  private final Relabeler relabeler;
  private final OutcomeCache cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public BatchRelabeler(Relabeler relabeler, long cacheMaxEntries) {
    this.cache = new OutcomeCache(cacheMaxEntries);
    this.relabeler = relabeler;
  }

  /**
   * @param droppedSeriesByReason only reasons that occurred: {@code relabel_drop},
   *     {@code relabel_no_name}
   */
  public record Result(MetricBatch batch, long droppedSeries, long droppedSamples,
      long droppedHistograms, long droppedExemplars, Map<String, Long> droppedSeriesByReason) {}

  /** The relabeled batch; the input itself when there are no rules. */
  public Result relabel(MetricBatch batch) {
    if (relabeler.isEmpty()) {
      return new Result(batch, 0, 0, 0, 0, Map.of());
    }
    SymbolTable in = batch.symbols();
    SymbolTableBuilder out = new SymbolTableBuilder(in.size());
    // Input ref -> output ref, 0 while not mapped yet ("" is 0 in both tables).
    int[] remap = new int[in.size()];
    List<Series> kept = new ArrayList<>(batch.series().size());
    long byRule = 0;
    long nameless = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (Series s : batch.series()) {
      String[] labels = labelStrings(s, in);
      RelabelOutcome outcome = outcome(labels);
      if (outcome.dropped()) {
        if (outcome.dropReason().equals(RelabelOutcome.DROPPED_BY_RULE)) {
          byRule++;
        } else {
          nameless++;
        }
        samples += s.sampleCount();
        histograms += s.histograms().size();
        exemplars += s.exemplars().size();
        continue;
      }
      kept.add(relink(s, outcome, in, out, remap));
    }
    return new Result(new MetricBatch(out.build(), kept), byRule + nameless, samples, histograms, exemplars,
        reasons(byRule, nameless));
  }

  private RelabelOutcome outcome(String[] labels) {
    LabelSetKey key = new LabelSetKey(labels);
    RelabelOutcome cached = cache.get(key);
    if (cached != null) {
      hits.increment();
      return cached;
    }
    misses.increment();
    RelabelOutcome computed = RelabelOutcome.of(labels, relabeler.apply(labels));
    cache.put(key, computed);
    return computed;
  }

  private static String[] labelStrings(Series s, SymbolTable in) {
    int[] refs = s.labelRefs();
    String[] labels = new String[refs.length];
    for (int i = 0; i < refs.length; i++) {
      labels[i] = in.get(refs[i]);
    }
    return labels;
  }

  private static Series relink(Series s, RelabelOutcome outcome, SymbolTable in, SymbolTableBuilder out, int[] remap) {
    String[] labels = outcome.labels();
    int[] sources = outcome.sources();
    int[] inRefs = s.labelRefs();
    int[] refs = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int k = sources[i];
      refs[i] = k >= 0 ? remapped(inRefs[k], in, out, remap) : out.intern(labels[i]);
    }
    List<Exemplar> exemplars = s.exemplars();
    if (!exemplars.isEmpty()) {
      List<Exemplar> moved = new ArrayList<>(exemplars.size());
      for (Exemplar e : exemplars) {
        moved.add(new Exemplar(reintern(e.labelRefs(), in, out, remap), e.valueBits(), e.timestamp()));
      }
      exemplars = moved;
    }
    return s.relinked(refs, remapped(s.helpRef(), in, out, remap), remapped(s.unitRef(), in, out, remap), exemplars);
  }

  /** The output ref of input ref {@code ref}: interned on first use, an array read after. */
  private static int remapped(int ref, SymbolTable in, SymbolTableBuilder out, int[] remap) {
    int r = remap[ref];
    if (r == 0 && ref != 0) {
      r = out.intern(in.get(ref));
      remap[ref] = r;
    }
    return r;
  }

  private static int[] reintern(int[] refs, SymbolTable in, SymbolTableBuilder out, int[] remap) {
    int[] moved = new int[refs.length];
    for (int i = 0; i < refs.length; i++) {
      moved[i] = remapped(refs[i], in, out, remap);
    }
    return moved;
  }

  private static Map<String, Long> reasons(long byRule, long nameless) {
    if (byRule == 0 && nameless == 0) {
      return Map.of();
    }
    if (nameless == 0) {
      return Map.of(RelabelOutcome.DROPPED_BY_RULE, byRule);
    }
    if (byRule == 0) {
      return Map.of(RelabelOutcome.NO_NAME, nameless);
    }
    return Map.of(RelabelOutcome.DROPPED_BY_RULE, byRule, RelabelOutcome.NO_NAME, nameless);
  }

  public long cacheHits() {
    return hits.sum();
  }

  public long cacheMisses() {
    return misses.sum();
  }

  public long cacheSize() {
    return cache.size();
  }

  /** Forgets every cached outcome (e.g. after the rules of a route changed). */
  public void invalidate() {
    cache.clear();
  }
}
