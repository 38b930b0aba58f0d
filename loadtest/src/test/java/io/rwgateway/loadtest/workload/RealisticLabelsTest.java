package io.rwgateway.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealisticLabelsTest {
  private static final String POD_CHARS = "[bcdfghjklmnpqrstvwxz2456789]";

  private static List<SeriesSet> shards(WorkloadSpec spec, int shards) {
    TypeLayout layout = new TypeLayout(spec.series(), spec.mix());
    List<SeriesSet> out = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      out.add(new SeriesSet(spec, layout, s, shards));
    }
    return out;
  }

  /** Every series as a label map, in shard order. */
  private static List<Map<String, String>> series(List<SeriesSet> sets) {
    List<Map<String, String>> out = new ArrayList<>();
    for (SeriesSet set : sets) {
      for (int i = 0; i < set.size(); i++) {
        for (int m = 0; m < set.kind(i).seriesPerUnit(); m++) {
          String[] pairs = set.labels(i, m);
          Map<String, String> labels = new LinkedHashMap<>();
          for (int k = 0; k < pairs.length; k += 2) {
            labels.put(pairs[k], pairs[k + 1]);
          }
          out.add(labels);
        }
      }
    }
    return out;
  }

  @Test
  void realisticIsTheDefaultShape() {
    assertThat(WorkloadSpec.of(10).labelShape()).isEqualTo(LabelShape.KUBERNETES);
  }

  @Test
  void seriesAreDistinctAndExactlyAsManyAsAsked() {
    for (int n : new int[] {467, 20_011}) {
      List<Map<String, String>> all = series(shards(WorkloadSpec.of(n), 3));
      assertThat(all).hasSize(n);
      assertThat(new HashSet<>(all)).hasSize(n);
    }
  }

  @Test
  void aTargetsSeriesShareItsTargetLabelsAndNumberAboutFiveHundred() {
    List<Map<String, String>> all = series(shards(WorkloadSpec.of(10_000), 4));
    Map<String, List<Map<String, String>>> byInstance = new HashMap<>();
    for (Map<String, String> s : all) {
      byInstance.computeIfAbsent(s.get("instance"), k -> new ArrayList<>()).add(s);
    }
    assertThat(byInstance).hasSize(20);
    for (List<Map<String, String>> target : byInstance.values()) {
      assertThat(target.size()).isBetween(450, 550);
      for (String name : List.of("job", "namespace", "pod", "container")) {
        assertThat(target).extracting(s -> s.get(name)).containsOnly(target.get(0).get(name));
      }
    }
    Set<String> pods = new HashSet<>();
    byInstance.values().forEach(t -> pods.add(t.get(0).get("pod")));
    assertThat(pods).hasSize(20);
  }

  @Test
  void labelValuesHaveTheShapesOfAKubernetesScrape() {
    List<Map<String, String>> all = series(shards(WorkloadSpec.of(5_000), 2));
    double nameLength = 0;
    for (Map<String, String> s : all) {
      assertThat(new ArrayList<>(s.keySet())).isSorted().startsWith("__name__")
          .contains("job", "instance", "namespace", "pod", "container");
      assertThat(s.get("__name__")).matches("[a-z_][a-z0-9_]*");
      assertThat(s.get("instance")).matches("10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}:\\d{4,5}");
      assertThat(s.get("pod")).startsWith(s.get("job") + "-").matches(".*-" + POD_CHARS + "{10}-" + POD_CHARS + "{5}");
      assertThat(s.get("container")).isEqualTo(s.get("job"));
      nameLength += s.get("__name__").length();
      if (s.get("__name__").endsWith("_bucket")) {
        assertThat(s.get("le")).isIn(allBounds());
      }
    }
    assertThat(nameLength / all.size()).isBetween(30.0, 50.0);
    assertThat(all).extracting(s -> s.get("le")).contains("0.005", "0.25", "1e+06", "+Inf");
    assertThat(all).extracting(s -> s.get("quantile")).contains("0.5", "0.99");
    assertThat(all).extracting(s -> s.get("method")).contains("GET", "POST");
  }

  @Test
  void mostFamiliesHaveOneSeriesPerTargetAndSomeAreSplitByLabels() {
    List<Map<String, String>> all = series(shards(WorkloadSpec.of(500).withMix(TypeMix.parse("counter=1,gauge=1")), 1));
    Map<String, Integer> perFamily = new HashMap<>();
    all.forEach(s -> perFamily.merge(s.get("__name__"), 1, Integer::sum));
    long single = perFamily.values().stream().filter(v -> v == 1).count();
    assertThat((double) single / perFamily.size()).isBetween(0.7, 0.95);
    assertThat(all.size() / (double) perFamily.size()).isBetween(1.1, 2.0);
  }

  @Test
  void staticShapeHasOnlyJobAndInstanceAsTargetLabels() {
    List<Map<String, String>> all = series(shards(WorkloadSpec.of(1_000).withLabelShape(LabelShape.STATIC), 2));
    assertThat(all).allSatisfy(s -> assertThat(s).containsKeys("job", "instance").doesNotContainKeys("namespace", "pod", "container"));
    assertThat(new HashSet<>(all)).hasSize(1_000);
  }

  @Test
  void labelsAreAFunctionOfTheSeed() {
    WorkloadSpec spec = WorkloadSpec.of(2_000);
    assertThat(series(shards(spec, 2))).isEqualTo(series(shards(spec, 2)));
    assertThat(series(shards(spec.withSeed(7), 2))).isNotEqualTo(series(shards(spec, 2)));
  }

  @Test
  void churnGivesAUnitANewPodAndAddress() {
    WorkloadSpec spec = WorkloadSpec.of(1_000).withMix(TypeMix.parse("counter=1")).withChurn(10);
    SeriesSet set = shards(spec, 1).get(0);
    Map<String, String> before = series(List.of(set)).get(0);
    set.advanceTo(6_000);
    Map<String, String> after = series(List.of(set)).get(0);
    assertThat(after.get("__name__")).isEqualTo(before.get("__name__"));
    assertThat(after.get("pod")).isNotEqualTo(before.get("pod"));
    assertThat(after.get("instance")).isNotEqualTo(before.get("instance"));
    assertThat(new HashSet<>(series(List.of(set)))).hasSize(1_000);
  }

  @Test
  void metadataNamesTheFamilyOfEverySeries() {
    WorkloadSpec spec = WorkloadSpec.of(3_000);
    List<Rw1MetadataEncoder.Family> families = RequestGenerator.families(spec, new TypeLayout(3_000, spec.mix()));
    Set<String> names = new HashSet<>();
    families.forEach(f -> names.add(f.name()));
    assertThat(names).hasSize(families.size());
    assertThat(families).allSatisfy(f -> assertThat(f.help()).matches("[A-Z].{15,130}[.]"));
    for (SeriesSet set : shards(spec, 2)) {
      for (int i = 0; i < set.size(); i++) {
        assertThat(names).contains(set.familyName(i));
      }
    }
  }

  private static Set<String> allBounds() {
    Set<String> out = new HashSet<>();
    for (String[] layout : RealisticLabels.BUCKET_LAYOUTS) {
      out.addAll(List.of(layout));
    }
    return out;
  }
}
