package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeriesSetDiffTest {

  @Test
  void matchesWhenBothSidesHoldTheSameLabelSetsInAnyOrder() {
    SeriesSetDiff diff = SeriesSetDiff.of("a", List.of(series("up", "job", "x"), series("up", "job", "y")),
        "b", List.of(series("up", "job", "y"), series("up", "job", "x")));

    assertThat(diff.matches()).isTrue();
    assertThat(diff.toString()).isEqualTo("a 2 series, b 2 series, identical");
  }

  @Test
  void listsWhatIsMissingOnEachSideSorted() {
    SeriesSetDiff diff = SeriesSetDiff.of("vmProm",
        List.of(series("up", "job", "x"), series("b_total", "code", "200"), series("a_total", "le", "+inf")),
        "vmGw", List.of(series("up", "job", "x"), series("a_total", "le", "+Inf")));

    assertThat(diff.matches()).isFalse();
    assertThat(diff.onlyLeftCount()).isEqualTo(2);
    assertThat(diff.onlyRightCount()).isEqualTo(1);
    assertThat(diff.toString()).isEqualTo("vmProm 3 series, vmGw 2 series"
        + "\n  2 only in vmProm (not in vmGw):"
        + "\n    a_total{le=\"+inf\"}"
        + "\n    b_total{code=\"200\"}"
        + "\n  1 only in vmGw (not in vmProm):"
        + "\n    a_total{le=\"+Inf\"}");
  }

  @Test
  void showsOnlyTheFirstDifferencesButCountsThemAll() {
    List<SortedMap<String, String>> left = new ArrayList<>();
    for (int i = 0; i < SeriesSetDiff.SHOWN + 5; i++) {
      left.add(series("m", "i", String.format("%03d", i)));
    }

    SeriesSetDiff diff = SeriesSetDiff.of("l", left, "r", List.of());

    assertThat(diff.onlyLeftCount()).isEqualTo(SeriesSetDiff.SHOWN + 5);
    assertThat(diff.onlyLeft()).hasSize(SeriesSetDiff.SHOWN).first().isEqualTo("m{i=\"000\"}");
    assertThat(diff.toString()).contains("25 only in l (not in r), first 20:").doesNotContain("only in r");
  }

  private static SortedMap<String, String> series(String name, String label, String value) {
    return new TreeMap<>(Map.of("__name__", name, label, value));
  }
}
