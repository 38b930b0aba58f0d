package io.rwgateway.translators.relabel;

import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.GenerationFullException;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.SymbolGeneration;
import io.rwgateway.translators.model.SymbolTable;
import io.rwgateway.translators.model.SymbolTableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Relabels whole batches through a {@link RelabelPlan}: each rule's result is cached per distinct
 * tuple of the label values it reads (architecture.md, "Performance principles"), so a steady
 * stream costs a few small lookups per series whatever the number of active series, and only a
 * value never seen before runs a regex. Builds a new batch with its own symbol table: output
 * labels copied from the input keep their input refs (remapped once per batch), samples,
 * histograms and metadata follow their series unchanged, exemplar labels are only re-interned
 * (Prometheus does not relabel exemplars). Thread-safe.
 */
public final class BatchRelabeler {
  /** A keep, drop, keepequal or dropequal rule dropped the series. */
  static final String DROPPED_BY_RULE = "relabel_drop";
  /**
   * The rules left no labels (Prometheus drops such a series too) or no {@code __name__} (the
   * gateway's own requirement, remote-write.md §5).
   */
  static final String NO_NAME = "relabel_no_name";

  private final RelabelPlan plan;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * @param cacheMaxEntries results kept at most per cached rule (distinct tuples of the values a
   *     rule reads, or distinct label names for labelmap, labeldrop and labelkeep)
   */
  public BatchRelabeler(Relabeler relabeler, long cacheMaxEntries) {
    this.plan = RelabelPlan.compile(relabeler.rules(), cacheMaxEntries);
  }

  /**
   * @param droppedSeriesByReason only reasons that occurred: {@code relabel_drop},
   *     {@code relabel_no_name}
   */
  public record Result(MetricBatch batch, long droppedSeries, long droppedSamples,
      long droppedHistograms, long droppedExemplars, Map<String, Long> droppedSeriesByReason) {}

  /**
   * The relabeled batch; the input itself when there are no rules. A batch of dictionary ids
   * gives a batch of ids of the same generation: labels the rules kept keep their ids, strings
   * the rules made are looked up in that generation (docs/dictionary.md step 3). If the
   * generation is full, the batch is built as strings instead (once per generation).
   */
  public Result relabel(MetricBatch batch) {
    if (plan.isEmpty()) {
      return new Result(batch, 0, 0, 0, 0, Map.of());
    }
    SymbolGeneration generation = batch.symbols().generation();
    if (generation != null) {
      try {
        return relabel(batch, new SymbolTableBuilder(generation, batch.symbols().size()));
      } catch (GenerationFullException e) {
        // fall through: the strings of this batch go into a table of its own
      }
    }
    return relabel(batch, new SymbolTableBuilder(batch.symbols().size()));
  }

  private Result relabel(MetricBatch batch, SymbolTableBuilder out) {
    SymbolTable in = batch.symbols();
    boolean sameGeneration = in.generation() != null && out.generation() == in.generation();
    // Input ref -> output ref, 0 while not mapped yet ("" is 0 in both tables).
    int[] remap = new int[in.size()];
    WorkingLabels labels = new WorkingLabels();
    PlanScratch scratch = plan.scratch(in.size());
    List<Series> kept = new ArrayList<>(batch.series().size());
    long byRule = 0;
    long nameless = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (Series s : batch.series()) {
      labels.load(s.labelRefs(), in);
      boolean keep = plan.run(labels, scratch);
      if (!keep || !labels.hasMetricName()) {
        if (keep) {
          nameless++;
        } else {
          byRule++;
        }
        samples += s.sampleCount();
        histograms += s.histograms().size();
        exemplars += s.exemplars().size();
        continue;
      }
      kept.add(relink(s, labels, in, out, remap, sameGeneration));
    }
    hits.add(scratch.hits);
    misses.add(scratch.misses);
    return new Result(new MetricBatch(out.build(), kept), byRule + nameless, samples, histograms, exemplars,
        reasons(byRule, nameless));
  }

  private static Series relink(Series s, WorkingLabels labels, SymbolTable in, SymbolTableBuilder out, int[] remap,
      boolean sameGeneration) {
    int n = labels.size();
    int[] refs = new int[2 * n];
    for (int i = 0; i < n; i++) {
      int nameRef = labels.nameRef(i);
      int valueRef = labels.valueRef(i);
      // A string is only looked at when a rule made it: a kept label moves by ref (or id).
      refs[2 * i] = nameRef == WorkingLabels.MADE ? out.intern(labels.name(i))
          : remapped(nameRef, in, out, remap, sameGeneration);
      refs[2 * i + 1] = valueRef == WorkingLabels.MADE ? out.intern(labels.value(i))
          : remapped(valueRef, in, out, remap, sameGeneration);
    }
    List<Exemplar> exemplars = s.exemplars();
    if (!exemplars.isEmpty()) {
      List<Exemplar> moved = new ArrayList<>(exemplars.size());
      for (Exemplar e : exemplars) {
        moved.add(new Exemplar(reintern(e.labelRefs(), in, out, remap, sameGeneration), e.valueBits(), e.timestamp()));
      }
      exemplars = moved;
    }
    return s.relinked(refs, remapped(s.helpRef(), in, out, remap, sameGeneration),
        remapped(s.unitRef(), in, out, remap, sameGeneration), exemplars);
  }

  /**
   * The output ref of input ref {@code ref}: interned on first use (by id when both tables are
   * of one generation, no string looked at), an array read after.
   */
  private static int remapped(int ref, SymbolTable in, SymbolTableBuilder out, int[] remap, boolean sameGeneration) {
    int r = remap[ref];
    if (r == 0 && ref != 0) {
      r = sameGeneration ? out.internId(in.id(ref)) : out.intern(in.get(ref));
      remap[ref] = r;
    }
    return r;
  }

  private static int[] reintern(int[] refs, SymbolTable in, SymbolTableBuilder out, int[] remap,
      boolean sameGeneration) {
    int[] moved = new int[refs.length];
    for (int i = 0; i < refs.length; i++) {
      moved[i] = remapped(refs[i], in, out, remap, sameGeneration);
    }
    return moved;
  }

  private static Map<String, Long> reasons(long byRule, long nameless) {
    if (byRule == 0 && nameless == 0) {
      return Map.of();
    }
    if (nameless == 0) {
      return Map.of(DROPPED_BY_RULE, byRule);
    }
    if (byRule == 0) {
      return Map.of(NO_NAME, nameless);
    }
    return Map.of(DROPPED_BY_RULE, byRule, NO_NAME, nameless);
  }

  public long cacheHits() {
    return hits.sum();
  }

  public long cacheMisses() {
    return misses.sum();
  }

  /** Entries in the rules' caches (all rules of this stage together). */
  public long cacheSize() {
    return plan.cacheSize();
  }

  /** What each rule reads, writes and caches by, one line per rule. */
  public List<String> describePlan() {
    return plan.describe();
  }

  /** Forgets every cached result (e.g. after the rules of a route changed). */
  public void invalidate() {
    plan.clearCaches();
  }
}
