package io.rwgateway.translators.relabel;

import java.util.List;

/**
 * A step whose result is a function of the joined values of its {@code source_labels}: keep,
 * drop, replace, lowercase, uppercase, hashmod. Finds the result in three places, cheapest first:
 * the batch's memo by input value ref (when the rule reads one or two labels whose values came
 * from the input), the shared cache by tuple of values read (when the step has one), and last by
 * computing it from the joined value.
 *
 * @param <R> the result: immutable, never null
 */
abstract class ValueStep<R> extends PlanStep {
  private final SourceValues sources;
  /** Null when the step evaluates directly ({@link Cache#NONE}). */
  private final ClockCache<Object, R> cache;

  ValueStep(RelabelRule rule, int index, long maxEntries, boolean cached) {
    super(rule, index);
    this.sources = new SourceValues(rule);
    this.cache = cached ? new ClockCache<>(maxEntries) : null;
  }

  /** The result for the joined source value {@code value}. */
  abstract R compute(String value);

  /**
   * The result computed straight from the labels, for a step without a cache: by default from
   * the joined value; a step that needs only the bytes ({@code hashmod}) overrides it.
   */
  R computeFrom(WorkingLabels labels, SourceValues sources) {
    return compute(sources.value(labels));
  }

  @Override
  List<String> readsValuesOf() {
    return sources.names();
  }

  @Override
  Cache cache() {
    return cache == null ? Cache.NONE : Cache.READ_VALUES;
  }

  @SuppressWarnings("unchecked")
  final R result(WorkingLabels labels, PlanScratch scratch) {
    if (sources.readsTwo()) {
      return pairResult(labels, scratch);
    }
    int ref = sources.ref(labels);
    Object[] memo = ref >= 0 ? scratch.memo(index()) : null;
    if (memo != null) {
      Object known = memo[ref];
      if (known != null) {
        if (cache != null) {
          scratch.hits++;
        }
        return (R) known;
      }
    }
    R r = lookUp(labels, scratch);
    if (memo != null) {
      memo[ref] = r;
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  private R pairResult(WorkingLabels labels, PlanScratch scratch) {
    long key = sources.pairKey(labels);
    PairMemo memo = key >= 0 ? scratch.pairMemo(index()) : null;
    if (memo != null) {
      Object known = memo.get(key);
      if (known != null) {
        if (cache != null) {
          scratch.hits++;
        }
        return (R) known;
      }
    }
    R r = lookUp(labels, scratch);
    if (memo != null) {
      memo.put(key, r);
    }
    return r;
  }

  /** The result from the shared cache, or computed (and cached when the step has a cache). */
  private R lookUp(WorkingLabels labels, PlanScratch scratch) {
    if (cache == null) {
      return computeFrom(labels, sources);
    }
    Object key = sources.key(labels);
    R r = cache.get(key);
    if (r == null) {
      scratch.misses++;
      r = compute(sources.joined(key));
      cache.put(key, r);
    } else {
      scratch.hits++;
    }
    return r;
  }

  @Override
  final long cacheSize() {
    return cache == null ? 0 : cache.size();
  }

  @Override
  final void clearCache() {
    if (cache != null) {
      cache.clear();
    }
  }
}
