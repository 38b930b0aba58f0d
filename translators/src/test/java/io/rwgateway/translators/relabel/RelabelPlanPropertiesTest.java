package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.LabelSetValidator;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.SymbolTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * The plan ({@link BatchRelabeler} over a {@link RelabelPlan}) gives exactly what the plain
 * {@link Relabeler} gives, series by series: the same drop decision and the same labels, for
 * random rule lists of every action and random label sets. Names, values, regexes and templates
 * come from small pools, so label sets share values (the caches hit) and rules read what earlier
 * rules wrote; the cache bound is 1 to 4 entries per rule, so entries are evicted and computed
 * again. Each batch goes through the same relabeler twice: cold, then from the caches.
 */
class RelabelPlanPropertiesTest {
  private static final String[] NAMES =
      {"__name__", "job", "instance", "a", "b", "tmp_1", "env", "Z", "x_y", "first"};
  private static final String[] VALUES = {"", "a", "b", "ab", "node_cpu", "go_gc_x", "host:9100",
      "x;y", "AbC", "ß", "a\nb", "10", "_", "rwlt_1", "tmp_1", "Σς"};
  private static final String[] REGEXES = {"(.*)", ".*", "a", "a|b", "node_.*|go_.*", ".*_x", "(.+):(\\d+)",
      "(?P<first>[a-z]+)(.*)", "[A-Z].*", "(a)(b)?", "", "x;y", "(.*);(.*)", "tmp_.*", "[a-z_]+", "(b)|(a)",
      "a)|(b", "ß|.*C", "(.)(.*)", ".*a.*", "__name__|job"};
  private static final String[] TARGETS =
      {"a", "b", "job", "__name__", "new", "${1}", "$1_x", "x$2", "${first}", "tmp_1", "env"};
  private static final String[] REPLACEMENTS = {"$1", "", "$2", "${first}-$1", "lit", "$$", "${1}x", "new_$1",
      "$1_$2", "a"};
  private static final String[] SEPARATORS = {";", "", ",", "a"};

  @Property(tries = 1500)
  void planRelabelsLikeThePlainRelabeler(@ForAll("ruleLists") List<RelabelRule> rules,
      @ForAll("labelSets") List<String[]> series, @ForAll @IntRange(min = 1, max = 4) int cacheEntries) {
    Relabeler plain = new Relabeler(rules);
    BatchRelabeler planned = new BatchRelabeler(plain, cacheEntries);
    MetricBatch batch = batch(series);
    Expected expected = expected(plain, series);

    for (int pass = 0; pass < 2; pass++) {
      BatchRelabeler.Result r = planned.relabel(batch);
      assertThat(labelsOf(r.batch())).as("pass %d, rules %s", pass, rules)
          .containsExactlyElementsOf(expected.kept);
      assertThat(r.droppedSeriesByReason()).as("pass %d, rules %s", pass, rules).isEqualTo(expected.dropped);
    }
    Statistics.label("cache hits").collect(planned.cacheHits() > 0);
    Statistics.label("evictions").collect(planned.cacheMisses() > cacheEntries * (long) rules.size());
    Statistics.label("cache hits").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("evictions").coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  private record Expected(List<List<String>> kept, Map<String, Long> dropped) {}

  private static Expected expected(Relabeler plain, List<String[]> series) {
    List<List<String>> kept = new ArrayList<>();
    Map<String, Long> dropped = new HashMap<>();
    for (String[] labels : series) {
      String[] out = plain.apply(Labels.of(labels));
      String reason = out == null ? BatchRelabeler.DROPPED_BY_RULE : named(out) ? null : BatchRelabeler.NO_NAME;
      if (reason == null) {
        kept.add(Arrays.asList(out));
      } else {
        dropped.merge(reason, 1L, Long::sum);
      }
    }
    return new Expected(kept, dropped);
  }

  private static boolean named(String[] labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (labels[i].equals(LabelSetValidator.METRIC_NAME)) {
        return !labels[i + 1].isEmpty();
      }
    }
    return false;
  }

  private static MetricBatch batch(List<String[]> series) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < series.size(); i++) {
      b.series(series.get(i)).sample(1000, i).add();
    }
    return b.build();
  }

  private static List<List<String>> labelsOf(MetricBatch batch) {
    SymbolTable symbols = batch.symbols();
    List<List<String>> out = new ArrayList<>();
    for (Series s : batch.series()) {
      List<String> labels = new ArrayList<>();
      for (int ref : s.labelRefs()) {
        labels.add(symbols.get(ref));
      }
      out.add(labels);
    }
    return out;
  }

  @Provide
  Arbitrary<List<String[]>> labelSets() {
    Arbitrary<String[]> labelSet = Arbitraries.subsetOf(NAMES).flatMap(names -> {
      List<String> ordered = new ArrayList<>(names);
      ordered.sort(String::compareTo);
      return Arbitraries.of(VALUES).list().ofSize(ordered.size()).map(values -> {
        String[] pairs = new String[2 * ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
          pairs[2 * i] = ordered.get(i);
          pairs[2 * i + 1] = values.get(i);
        }
        return pairs;
      });
    });
    // A few distinct label sets, repeated: the stream a scrape makes.
    return labelSet.list().ofMinSize(1).ofMaxSize(8).flatMap(distinct ->
        Arbitraries.integers().between(0, distinct.size() - 1).list().ofMinSize(1).ofMaxSize(40)
            .map(picks -> picks.stream().map(distinct::get).toList()));
  }

  @Provide
  Arbitrary<List<RelabelRule>> ruleLists() {
    return rule().list().ofMinSize(1).ofMaxSize(7);
  }

  private static Arbitrary<RelabelRule> rule() {
    Arbitrary<List<String>> sources = Arbitraries.of(NAMES).list().ofMaxSize(3);
    Arbitrary<String> separator = Arbitraries.of(SEPARATORS).injectNull(0.5);
    Arbitrary<String> regex = Arbitraries.of(REGEXES).injectNull(0.2);
    Arbitrary<String> target = Arbitraries.of(TARGETS);
    Arbitrary<String> replacement = Arbitraries.of(REPLACEMENTS).injectNull(0.3);
    Arbitrary<Long> modulus = Arbitraries.longs().between(1, 7);
    return Combinators.combine(Arbitraries.of(RelabelAction.class), sources, separator, regex, target,
            replacement, modulus)
        .as(RelabelPlanPropertiesTest::rule)
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  /** A valid rule of {@code action} from the drawn fields, the ones it does not take left out. */
  private static Optional<RelabelRule> rule(RelabelAction action, List<String> sources, String separator,
      String regex, String target, String replacement, Long modulus) {
    try {
      return Optional.of(switch (action) {
        case KEEP, DROP -> RelabelRule.of(action, sources, separator, null, regex, null, null);
        case KEEPEQUAL, DROPEQUAL -> RelabelRule.of(action, sources, null, target, null, null, null);
        case REPLACE -> RelabelRule.of(action, sources, separator, target, regex, null, replacement);
        case LOWERCASE, UPPERCASE -> RelabelRule.of(action, sources, separator, target, regex, null, null);
        case HASHMOD -> RelabelRule.of(action, sources, separator, target, null, modulus, null);
        case LABELMAP -> RelabelRule.of(action, null, null, null, regex, null, replacement);
        case LABELDROP, LABELKEEP -> RelabelRule.of(action, null, null, null, regex, null, null);
      });
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }
}
