package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExportDiffTest {
  private static final Duration SETTLE = Duration.ofSeconds(1);

  @Test
  void matchesWhenBothSidesHoldTheSameSamples() {
    List<ExportedSeries> left = List.of(series("a", 0, 10, 1.0), series("b", 0, 10, 2.0));
    List<ExportedSeries> right = List.of(series("b", 0, 10, 2.0), series("a", 0, 10, 1.0));

    ExportDiff diff = ExportDiff.inCommonWindow(left, right, SETTLE);

    assertThat(diff.matches()).as(diff.toString()).isTrue();
    assertThat(diff.fromMillis()).isEqualTo(1000);
    assertThat(diff.toMillis()).isEqualTo(9000);
    assertThat(diff.seriesCompared()).isEqualTo(2);
    assertThat(diff.samplesCompared()).isEqualTo(18);
  }

  @Test
  void comparesOnlyTheWindowBothSidesHaveReceived() {
    // right started a scrape later and lags 3 scrapes behind (e.g. through the gateway)
    List<ExportedSeries> left = List.of(series("a", 0, 12, 1.0));
    List<ExportedSeries> right = List.of(series("a", 1, 9, 1.0));

    ExportDiff diff = ExportDiff.inCommonWindow(left, right, SETTLE);

    assertThat(diff.matches()).as(diff.toString()).isTrue();
    assertThat(diff.fromMillis()).isEqualTo(2000);
    assertThat(diff.toMillis()).isEqualTo(8000);
    assertThat(diff.samplesCompared()).isEqualTo(7);
  }

  @Test
  void reportsADifferentValue() {
    List<ExportedSeries> left = List.of(series("a", 0, 10, 1.0));
    List<Sample> changed = new ArrayList<>(series("a", 0, 10, 1.0).samples());
    changed.set(5, Sample.of(5000, 1.5));
    List<ExportedSeries> right = List.of(new ExportedSeries(labels("a"), changed));

    ExportDiff diff = ExportDiff.inCommonWindow(left, right, SETTLE);

    assertThat(diff.matches()).isFalse();
    assertThat(diff.differenceCount()).isEqualTo(1);
    assertThat(diff.differences()).singleElement().asString().contains("a{job=\"j\"}").contains("1.5@5000");
  }

  @Test
  void reportsASeriesPresentOnOneSideOnly() {
    List<ExportedSeries> left = List.of(series("a", 0, 10, 1.0));
    List<ExportedSeries> right = List.of(series("a", 0, 10, 1.0), series("extra", 0, 10, 3.0));

    ExportDiff diff = ExportDiff.inCommonWindow(left, right, SETTLE);

    assertThat(diff.matches()).isFalse();
    assertThat(diff.seriesCompared()).isEqualTo(2);
    assertThat(diff.differences()).singleElement().asString().contains("extra{job=\"j\"}: only right");
  }

  @Test
  void tellsAStalenessMarkerFromAPlainNan() {
    List<Sample> stale = new ArrayList<>(series("a", 0, 10, 1.0).samples());
    stale.set(4, new Sample(4000, Sample.STALE_NAN_BITS));
    List<Sample> nan = new ArrayList<>(stale);
    nan.set(4, Sample.of(4000, Double.NaN));

    ExportDiff diff = ExportDiff.inCommonWindow(List.of(new ExportedSeries(labels("a"), stale)),
        List.of(new ExportedSeries(labels("a"), nan)), SETTLE);

    assertThat(diff.matches()).isFalse();
    assertThat(diff.differences()).singleElement().asString().contains("stale@4000").contains("NaN@4000");
  }

  @Test
  void doesNotMatchBeforeACommonWindowExists() {
    assertThat(ExportDiff.inCommonWindow(List.of(), List.of(series("a", 0, 10, 1.0)), SETTLE).matches()).isFalse();
    // two scrapes in common are all inside the settle margins
    ExportDiff tooShort = ExportDiff.inCommonWindow(List.of(series("a", 0, 1, 1.0)), List.of(series("a", 0, 1, 1.0)),
        SETTLE);
    assertThat(tooShort.matches()).isFalse();
    assertThat(tooShort.seriesCompared()).isZero();
  }

  /** Series {@code name{job="j"}} with one sample per second from {@code fromSecond} to {@code toSecond}. */
  private static ExportedSeries series(String name, int fromSecond, int toSecond, double value) {
    List<Sample> samples = new ArrayList<>();
    for (int second = fromSecond; second <= toSecond; second++) {
      samples.add(Sample.of(second * 1000L, value));
    }
    return new ExportedSeries(labels(name), samples);
  }

  private static TreeMap<String, String> labels(String name) {
    return new TreeMap<>(Map.of("__name__", name, "job", "j"));
  }
}
