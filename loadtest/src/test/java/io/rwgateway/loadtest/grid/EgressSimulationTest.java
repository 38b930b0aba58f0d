package io.rwgateway.loadtest.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rwgateway.translators.metadata.MetadataDetail;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressSimulationTest {
  private static final int SERIES = 2000;

  private static EgressSimulation simulation(long windowBytes) {
    return new EgressSimulation(new PrometheusTraffic(SERIES, 1000), EgressSimulation.Timing.DEFAULT, windowBytes);
  }

  @Test
  void withOneSecondScrapesAndAFiveSecondDelayEachSeriesCarriesFiveSamplesPerRequest() {
    CellResult r = simulation(EgressSimulation.WINDOW_BYTES).run(new GridCell(SERIES, 1, 5, MetadataDetail.FULL));

    assertThat(r.samplesPerSeriesPerRequest()).isCloseTo(5.0, within(0.1));
    assertThat(r.earlyFlushes()).isZero();
    assertThat(r.windows()).isGreaterThanOrEqualTo(20);
    assertThat(r.samplesIn()).isEqualTo(r.samplesOut());
    assertThat(r.ratio()).isBetween(0.1, 1.0);
  }

  @Test
  void aLongerMaxDelayNeverSendsMoreBytes() {
    EgressSimulation sim = simulation(EgressSimulation.WINDOW_BYTES);
    List<Double> ratios = new ArrayList<>();
    for (int d : new int[] {5, 15, 30, 60}) {
      ratios.add(sim.run(new GridCell(SERIES, 15, d, MetadataDetail.FULL)).ratio());
    }

    for (int i = 1; i < ratios.size(); i++) {
      assertThat(ratios.get(i)).as("ratio at the %d-th max_delay of %s", i, ratios).isLessThanOrEqualTo(ratios.get(i - 1));
    }
    assertThat(ratios.get(3)).isLessThan(ratios.get(0));
  }

  @Test
  void whenWindowsAreNotSizeLimitedTheP99DelayIsMaxDelay() {
    CellResult r = simulation(EgressSimulation.WINDOW_BYTES).run(new GridCell(SERIES, 15, 30, MetadataDetail.FULL));

    assertThat(r.sizeLimited()).isFalse();
    assertThat(r.p99DelaySeconds()).isBetween(29.5, 30.2);
    assertThat(r.p50DelaySeconds()).isLessThan(r.p99DelaySeconds());
  }

  @Test
  void aWindowThatFillsBeforeMaxDelayFlushesEarlyAndHoldsWhatFits() {
    long scrape = simulation(EgressSimulation.WINDOW_BYTES).bytesPerScrape();
    EgressSimulation small = simulation(3 * scrape);

    CellResult r = small.run(new GridCell(SERIES, 1, 30, MetadataDetail.FULL));

    assertThat(r.sizeLimited()).isTrue();
    assertThat(r.earlyFlushes()).isEqualTo(r.windows()).isPositive();
    assertThat(r.samplesPerSeriesPerRequest()).isCloseTo(3.0, within(0.3));
    assertThat(r.p99DelaySeconds()).isBetween(2.0, 4.0);
  }

  @Test
  void typeAndUnitNeverSendsMoreThanFullMetadata() {
    EgressSimulation sim = simulation(EgressSimulation.WINDOW_BYTES);
    CellResult full = sim.run(new GridCell(SERIES, 30, 5, MetadataDetail.FULL));
    CellResult trimmed = sim.run(new GridCell(SERIES, 30, 5, MetadataDetail.TYPE_AND_UNIT));

    assertThat(trimmed.ratio()).isLessThanOrEqualTo(full.ratio());
  }
}
