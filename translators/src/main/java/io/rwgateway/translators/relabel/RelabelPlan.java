package io.rwgateway.translators.relabel;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule list compiled for the hot path: one {@link PlanStep} per rule, each knowing which labels
 * it reads and writes and caching its own result per distinct tuple of the values it reads
 * (issue 11, "Relabel on what the rules read"). A {@code keep} on {@code __name__} is decided
 * once per metric name, a {@code labeldrop} once per label name, a {@code replace} on
 * {@code instance} once per instance, so the cost per series no longer depends on how many
 * distinct label sets flow through, only on how many distinct values each rule reads.
 *
 * <p>Why it is exact: the rules run in order on the labels as the previous rules left them, as
 * Prometheus runs them ({@code relabel.Process}), and each step's key is the tuple of the values
 * it reads <em>at that point</em>, after the earlier steps wrote theirs. Every 2.42 action is a
 * pure function of what it reads (its regex, templates and modulus are fixed), so equal keys mean
 * equal results, whatever the rest of the label set holds. Name-based actions (labelmap,
 * labeldrop, labelkeep) read every label name, but each name's fate depends on that name alone:
 * they cache per name. What each action caches, and why some evaluate directly:
 * <ul>
 *   <li>keep, drop: the match, per tuple of source values; a literal regex shape is matched
 *       directly (a few string comparisons, cheaper than a lookup);</li>
 *   <li>replace: the effect (nothing, delete the target, or set a name to a value) per tuple;
 *       the default regex {@code (.*)} is evaluated directly;</li>
 *   <li>labeldrop, labelkeep: the match per label name (literal shapes directly); labelmap: the
 *       new name per label name;</li>
 *   <li>keepequal, dropequal, lowercase, uppercase, hashmod: no shared cache (remembered per
 *       distinct value within a batch only; keepequal/dropequal not even that). They cost a
 *       comparison, a scan or an MD5 of a short string, and hashmod typically reads a label that
 *       is unique per series, where a cache would only thrash once series outnumber it.</li>
 * </ul>
 *
 * <p>Two levels: within a batch, a step that reads one or two labels remembers its result per
 * input symbol ref of the value (or pair of refs, or the name's ref for name-based steps) in a
 * {@link PlanScratch}, so a batch of 2000 series with 20 instances looks the shared cache up 20
 * times; across batches, each cached step holds at most {@code maxEntriesPerRule} entries (CLOCK
 * eviction, {@link ClockCache}), which only fill up when a rule reads a value that is unique per
 * series. Thread-safe: the caches
 * are shared by every thread relabeling through this plan; a scratch belongs to one batch.
 */
public final class RelabelPlan {
  private final PlanStep[] steps;

  private RelabelPlan(PlanStep[] steps) {
    this.steps = steps;
  }

  /** Compiles {@code rules}; each cached rule keeps at most {@code maxEntriesPerRule} results. */
  public static RelabelPlan compile(List<RelabelRule> rules, long maxEntriesPerRule) {
    PlanStep[] steps = new PlanStep[rules.size()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = step(rules.get(i), i, maxEntriesPerRule);
    }
    return new RelabelPlan(steps);
  }

  private static PlanStep step(RelabelRule rule, int index, long maxEntries) {
    return switch (rule.action()) {
      case KEEP, DROP -> new ValueFilterStep(rule, index, maxEntries);
      case KEEPEQUAL, DROPEQUAL -> new EqualFilterStep(rule, index);
      case REPLACE -> new ReplaceStep(rule, index, maxEntries);
      case LOWERCASE, UPPERCASE, HASHMOD -> new ValueWriteStep(rule, index);
      case LABELDROP, LABELKEEP -> new NameFilterStep(rule, index, maxEntries);
      case LABELMAP -> new LabelMapStep(rule, index, maxEntries);
    };
  }

  public boolean isEmpty() {
    return steps.length == 0;
  }

  List<PlanStep> steps() {
    return List.of(steps);
  }

  /** A scratch for one batch whose symbol table holds {@code symbols} strings. */
  PlanScratch scratch(int symbols) {
    return new PlanScratch(steps.length, symbols);
  }

  /** Runs every rule in order on {@code labels}; false when one drops the series. */
  boolean run(WorkingLabels labels, PlanScratch scratch) {
    for (PlanStep step : steps) {
      if (!step.apply(labels, scratch)) {
        return false;
      }
    }
    return true;
  }

  /** Entries held by all the steps' caches. */
  public long cacheSize() {
    long n = 0;
    for (PlanStep step : steps) {
      n += step.cacheSize();
    }
    return n;
  }

  public void clearCaches() {
    for (PlanStep step : steps) {
      step.clearCache();
    }
  }

  /** One line per rule: what it reads, writes and caches by (for logs and docs). */
  public List<String> describe() {
    List<String> lines = new ArrayList<>(steps.length);
    for (int i = 0; i < steps.length; i++) {
      lines.add((i + 1) + ". " + steps[i]);
    }
    return lines;
  }
}
