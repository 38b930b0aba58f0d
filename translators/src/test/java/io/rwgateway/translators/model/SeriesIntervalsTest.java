package io.rwgateway.translators.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesIntervalsTest {

  /** One request per scrape of {@code series} series (ids from {@code first}), one sample each, as Prometheus sends. */
  private static MetricBatch scrape(int first, int series, long timestamp) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = first; i < first + series; i++) {
      b.series("__name__", "node_cpu_seconds_total", "instance", "10.0." + (i % 200) + ".1:9100", "id", Integer.toString(i))
          .sample(timestamp + (i % 7), i).add();
    }
    return b.build();
  }

  @Test
  void theMedianGapOfSeriesScrapedEvery15sIs15s() {
    SeriesIntervals intervals = new SeriesIntervals();
    for (int t = 0; t < 5; t++) {
      intervals.observe(scrape(0, 2_000, 1_700_000_000_000L + t * 15_000L));
    }

    assertThat(intervals.medianSeconds()).isCloseTo(15.0, within(0.01));
  }

  @Test
  void theMedianFollowsTheSeriesThatAreTheMajority() {
    SeriesIntervals intervals = new SeriesIntervals(0);
    long start = 1_700_000_000_000L;
    for (long t = 0; t <= 240_000; t += 15_000) {
      intervals.observe(scrape(0, 700, start + t));
      if (t % 60_000 == 0) {
        intervals.observe(scrape(700, 300, start + t));
      }
    }

    assertThat(intervals.medianSeconds()).isCloseTo(15.0, within(0.01));
  }

  @Test
  void nothingIsKnownBeforeASeriesWasSeenTwice() {
    SeriesIntervals intervals = new SeriesIntervals();
    intervals.observe(scrape(0, 1_000, 1_700_000_000_000L));

    assertThat(intervals.medianSeconds()).isNaN();
  }

  @Test
  void moreSeriesThanTheTableFollowsHalveTheSampleAndTheMedianHolds() {
    SeriesIntervals intervals = new SeriesIntervals(0);
    int series = 400_000;
    for (int t = 0; t < 4; t++) {
      for (int first = 0; first < series; first += 500) {
        intervals.observe(scrape(first, 500, 1_700_000_000_000L + t * 30_000L));
      }
    }

    assertThat(intervals.sampleShift()).isGreaterThanOrEqualTo(3);
    assertThat(intervals.medianSeconds()).isCloseTo(30.0, within(0.01));
  }

  @Test
  void aRolledPeriodIsForgottenAfterTheNextOne() {
    SeriesIntervals intervals = new SeriesIntervals(0);
    intervals.observe(scrape(0, 100, 1_000_000));
    intervals.observe(scrape(0, 100, 1_010_000));
    intervals.roll();
    assertThat(intervals.medianSeconds()).isCloseTo(10.0, within(0.01));

    intervals.roll();

    assertThat(intervals.medianSeconds()).isNaN();
  }

  @Test
  void bucketsGrowWithTheGapAndTellApartGapsSevenPercentApart() {
    int previous = -1;
    for (long gap = 1; gap < 1L << 34; gap = gap * 21 / 20 + 1) {
      int b = SeriesIntervals.bucket(gap);
      assertThat(b).isGreaterThanOrEqualTo(previous);
      previous = b;
    }
    assertThat(SeriesIntervals.bucket(15_000)).isNotEqualTo(SeriesIntervals.bucket(16_100));
  }
}
