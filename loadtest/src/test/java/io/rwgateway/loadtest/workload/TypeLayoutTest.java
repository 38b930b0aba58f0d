package io.rwgateway.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TypeLayoutTest {

  @Test
  void seriesAddUpToExactlyTheAskedCount() {
    for (int n : new int[] {1, 7, 99, 1000, 12345}) {
      TypeLayout layout = new TypeLayout(n, TypeMix.DEFAULT);
      int total = 0;
      int units = 0;
      for (SeriesKind k : SeriesKind.values()) {
        total += layout.seriesOf(k);
        units += layout.unitsOf(k);
      }
      assertThat(total).as("series for %d", n).isEqualTo(n);
      assertThat(layout.units()).isEqualTo(units);
    }
  }

  @Test
  void sharesFollowTheMixWithinOneUnit() {
    TypeMix mix = TypeMix.parse("counter=40,gauge=40,histogram=10,native=5,summary=5");
    int n = 10_000;
    TypeLayout layout = new TypeLayout(n, mix);
    for (SeriesKind k : SeriesKind.values()) {
      assertThat((double) layout.seriesOf(k) / n).as(k.name())
          .isCloseTo(mix.share(k), within((double) k.seriesPerUnit() / n + 1e-9));
    }
    assertThat(layout.seriesOf(SeriesKind.HISTOGRAM)).isEqualTo(1000);
    assertThat(layout.unitsOf(SeriesKind.HISTOGRAM)).isEqualTo(100);
    assertThat(layout.unitsOf(SeriesKind.SUMMARY)).isEqualTo(100);
  }

  @Test
  void onlyCountersWhenTheMixSaysSo() {
    TypeLayout layout = new TypeLayout(500, TypeMix.parse("counter=1"));
    assertThat(layout.seriesOf(SeriesKind.COUNTER)).isEqualTo(500);
    assertThat(layout.seriesOf(SeriesKind.GAUGE)).isZero();
  }

  @Test
  void interleavesKindsSoEveryShardGetsTheMix() {
    TypeLayout layout = new TypeLayout(10_000, TypeMix.DEFAULT);
    int shards = 4;
    for (int s = 0; s < shards; s++) {
      int histogramUnits = 0;
      for (int u = s; u < layout.units(); u += shards) {
        if (layout.kind(u) == SeriesKind.HISTOGRAM) {
          histogramUnits++;
        }
      }
      assertThat(histogramUnits).as("shard %d", s).isBetween(20, 30);
    }
  }
}
