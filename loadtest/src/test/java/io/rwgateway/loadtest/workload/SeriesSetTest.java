package io.rwgateway.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesSetTest {

  private static List<SeriesSet> shards(WorkloadSpec spec, int shards) {
    TypeLayout layout = new TypeLayout(spec.series(), spec.mix());
    List<SeriesSet> out = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      out.add(new SeriesSet(spec, layout, s, shards));
    }
    return out;
  }

  private static Set<String> labelSets(List<SeriesSet> sets) {
    Set<String> out = new HashSet<>();
    for (SeriesSet set : sets) {
      for (int i = 0; i < set.size(); i++) {
        for (int m = 0; m < set.kind(i).seriesPerUnit(); m++) {
          out.add(String.join(",", set.labels(i, m)));
        }
      }
    }
    return out;
  }

  @Test
  void shardsTogetherHoldExactlyTheAskedDistinctSeries() {
    WorkloadSpec spec = WorkloadSpec.of(2345);
    List<SeriesSet> sets = shards(spec, 3);
    int total = 0;
    for (SeriesSet s : sets) {
      total += s.seriesCount();
    }
    assertThat(total).isEqualTo(2345);
    assertThat(labelSets(sets)).hasSize(2345);
  }

  @Test
  void everySeriesHasTheBaseLabelsAndTheExtraOnesWithTheAskedCardinality() {
    WorkloadSpec spec = WorkloadSpec.of(1000).withLabelShape(LabelShape.SYNTHETIC).withLabels(3, 7).withMix(TypeMix.parse("counter=1,gauge=1"));
    Map<String, Set<String>> values = new HashMap<>();
    for (SeriesSet set : shards(spec, 2)) {
      for (int i = 0; i < set.size(); i++) {
        String[] pairs = set.labels(i, 0);
        assertThat(pairs).hasSize(2 * (4 + 3));
        assertThat(pairs[0]).isEqualTo("__name__");
        assertThat(pairs[1]).startsWith("rwlt_").isEqualTo(set.familyName(i) + (set.kind(i) == SeriesKind.COUNTER ? "_total" : ""));
        assertThat(List.of(pairs[2], pairs[4], pairs[6])).containsExactly("job", "instance", "series_id");
        for (int k = 8; k < pairs.length; k += 2) {
          values.computeIfAbsent(pairs[k], x -> new HashSet<>()).add(pairs[k + 1]);
        }
      }
    }
    assertThat(values).containsOnlyKeys("label_0", "label_1", "label_2");
    values.values().forEach(v -> assertThat(v).hasSize(7));
  }

  @Test
  void classicHistogramsAndSummariesAreWholeFamilies() {
    WorkloadSpec spec = WorkloadSpec.of(100).withLabelShape(LabelShape.SYNTHETIC).withMix(TypeMix.parse("histogram=1"));
    SeriesSet set = shards(spec, 1).get(0);
    assertThat(set.size()).isEqualTo(10);
    List<String> names = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      String[] p = set.labels(0, m);
      names.add(p[1] + (m < 8 ? "{le=" + p[p.length - 1] + "}" : ""));
    }
    assertThat(names).startsWith("rwlt_histogram_0_bucket{le=0.005}")
        .contains("rwlt_histogram_0_bucket{le=+Inf}", "rwlt_histogram_0_sum")
        .endsWith("rwlt_histogram_0_count");
  }

  @Test
  void churnReplacesTheAskedShareOfSeriesPerMinute() {
    WorkloadSpec spec = WorkloadSpec.of(1000).withMix(TypeMix.parse("counter=1")).withChurn(10);
    List<SeriesSet> sets = shards(spec, 4);
    Set<String> before = labelSets(sets);
    for (SeriesSet s : sets) {
      s.advanceTo(30_000);
    }
    Set<String> half = labelSets(sets);
    half.removeAll(before);
    assertThat(half).hasSize(50);
    for (SeriesSet s : sets) {
      s.advanceTo(60_000);
    }
    Set<String> after = labelSets(sets);
    assertThat(after).hasSize(1000);
    after.removeAll(before);
    assertThat(after).hasSize(100);
  }

  @Test
  void churnOfGroupedKindsReplacesWholeUnitsCloseToTheShare() {
    WorkloadSpec spec = WorkloadSpec.of(10_000).withChurn(20);
    List<SeriesSet> sets = shards(spec, 4);
    Set<String> before = labelSets(sets);
    for (SeriesSet s : sets) {
      s.advanceTo(60_000);
    }
    Set<String> after = labelSets(sets);
    after.removeAll(before);
    assertThat(after.size()).isBetween(1800, 2200);
  }

  @Test
  void noChurnKeepsTheSeries() {
    List<SeriesSet> sets = shards(WorkloadSpec.of(500), 2);
    Set<String> before = labelSets(sets);
    for (SeriesSet s : sets) {
      assertThat(s.advanceTo(3_600_000)).isZero();
    }
    assertThat(labelSets(sets)).isEqualTo(before);
  }
}
