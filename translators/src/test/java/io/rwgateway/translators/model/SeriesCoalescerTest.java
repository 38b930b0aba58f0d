package io.rwgateway.translators.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.TestHistogram;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCoalescerTest {

  private static List<String> lines(List<MetricBatch> batches) {
    List<String> out = new ArrayList<>();
    for (MetricBatch b : batches) {
      out.addAll(BatchText.lines(b));
    }
    return out;
  }

  private static MetricBatch scrape(long ts, double up, double other) {
    return new MetricBatchBuilder()
        .series("__name__", "up", "job", "node").type(MetricType.GAUGE).help("target up").sample(ts, up).add()
        .series("__name__", "other", "job", "node").sample(ts, other).add()
        .build();
  }

  @Test
  void mergesTheSameSeriesFromSeveralBatchesInArrivalOrder() {
    List<MetricBatch> out = SeriesCoalescer.coalesce(List.of(scrape(1000, 1, 5), scrape(2000, 0, 6), scrape(3000, 1, 7)));

    assertThat(lines(out)).containsExactly(
        "{__name__=\"up\", job=\"node\"} meta(GAUGE, help=\"target up\", unit=\"\") 1.0@1000 0.0@2000 1.0@3000",
        "{__name__=\"other\", job=\"node\"} 5.0@1000 6.0@2000 7.0@3000");
    assertThat(out.get(1).isEmpty()).isTrue();
    assertThat(out.get(2).isEmpty()).isTrue();
    long samples = 0;
    for (MetricBatch b : out) {
      samples += b.sampleCount();
    }
    assertThat(samples).isEqualTo(6);
  }

  @Test
  void mergesRepeatsInsideOneBatch() {
    MetricBatch one = new MetricBatchBuilder()
        .series("__name__", "a").sample(1, 1).add()
        .series("__name__", "b").sample(1, 2).add()
        .series("__name__", "a").sample(2, 3).add()
        .build();

    assertThat(lines(SeriesCoalescer.coalesce(List.of(one)))).containsExactly("{__name__=\"a\"} 1.0@1 3.0@2", "{__name__=\"b\"} 2.0@1");
  }

  @Test
  void returnsTheSameListWhenNothingRepeats() {
    List<MetricBatch> in = List.of(scrape(1000, 1, 5));

    assertThat(SeriesCoalescer.coalesce(in)).isSameAs(in);
  }

  @Test
  void neverPutsAnOlderTimestampAfterANewerOne() {
    // A retried older request arriving after a newer one: kept as its own series, not reordered.
    List<MetricBatch> out = SeriesCoalescer.coalesce(List.of(scrape(2000, 1, 6), scrape(1000, 0, 5), scrape(3000, 1, 7)));

    assertThat(lines(out)).containsExactly(
        "{__name__=\"up\", job=\"node\"} meta(GAUGE, help=\"target up\", unit=\"\") 1.0@2000",
        "{__name__=\"other\", job=\"node\"} 6.0@2000",
        "{__name__=\"up\", job=\"node\"} meta(GAUGE, help=\"target up\", unit=\"\") 0.0@1000 1.0@3000",
        "{__name__=\"other\", job=\"node\"} 5.0@1000 7.0@3000");
  }

  @Test
  void equalTimestampsAreNotMerged() {
    List<MetricBatch> out = SeriesCoalescer.coalesce(List.of(scrape(1000, 1, 5), scrape(1000, 1, 5)));

    assertThat(lines(out)).hasSize(4);
  }

  @Test
  void keepsSeriesApartWhenMetadataDiffers() {
    MetricBatch a = new MetricBatchBuilder().series("__name__", "x").type(MetricType.COUNTER).help("h1").sample(1, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "x").type(MetricType.COUNTER).help("h2").sample(2, 2).add().build();
    MetricBatch c = new MetricBatchBuilder().series("__name__", "x").type(MetricType.GAUGE).help("h2").sample(3, 3).add().build();
    MetricBatch d = new MetricBatchBuilder().series("__name__", "x").type(MetricType.COUNTER).help("h1").unit("s").sample(4, 4).add().build();

    assertThat(lines(SeriesCoalescer.coalesce(List.of(a, b, c, d)))).hasSize(4);
  }

  @Test
  void leavesSeriesWithExemplarsAlone() {
    MetricBatch a = new MetricBatchBuilder().series("__name__", "x").sample(1, 1).exemplar(1, 0.5, "trace_id", "t1").add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "x").sample(2, 2).add().build();
    MetricBatch c = new MetricBatchBuilder().series("__name__", "x").exemplar(3, 0.5, "trace_id", "t2").add().build();

    List<String> out = lines(SeriesCoalescer.coalesce(List.of(a, b, c)));

    assertThat(out).hasSize(3);
    assertThat(out.get(0)).contains("exemplar");
  }

  @Test
  void neverLetsASampleJumpOverASeriesWithExemplarsOfTheSameLabels() {
    // X@1, X@2 (with an exemplar: not mergeable), X@3: merging X@3 into X@1 would send 1, 3, 2.
    MetricBatch a = new MetricBatchBuilder().series("__name__", "x").sample(1, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "x").sample(2, 2).exemplar(2, 0.5, "trace_id", "t").add().build();
    MetricBatch c = new MetricBatchBuilder().series("__name__", "x").sample(3, 3).add().build();
    MetricBatch d = new MetricBatchBuilder().series("__name__", "x").sample(4, 4).add().build();

    List<MetricBatch> out = SeriesCoalescer.coalesce(List.of(a, b, c, d));

    List<Long> timestamps = new java.util.ArrayList<>();
    for (MetricBatch m : out) {
      for (Series s : m.series()) {
        for (int i = 0; i < s.sampleCount(); i++) {
          timestamps.add(s.timestamp(i));
        }
      }
    }
    assertThat(timestamps).containsExactly(1L, 2L, 3L, 4L);
    assertThat(lines(out)).hasSize(3);
  }

  @Test
  void exemplarOnlySeriesDoNotStopSamplesFromMerging() {
    MetricBatch a = new MetricBatchBuilder().series("__name__", "x").sample(1, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "x").exemplar(1, 0.5, "trace_id", "t").add().build();
    MetricBatch c = new MetricBatchBuilder().series("__name__", "x").sample(2, 2).add().build();

    assertThat(lines(SeriesCoalescer.coalesce(List.of(a, b, c)))).hasSize(2);
  }

  @Test
  void mergesHistogramsButNeverHistogramsWithFloats() {
    Histogram h1 = TestHistogram.integer().timestamp(1).build();
    Histogram h2 = TestHistogram.integer().timestamp(2).build();
    MetricBatch a = new MetricBatchBuilder().series("__name__", "h").histogram(h1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "h").histogram(h2).add().build();
    MetricBatch c = new MetricBatchBuilder().series("__name__", "h").sample(3, 1).add().build();

    List<MetricBatch> out = SeriesCoalescer.coalesce(List.of(a, b, c));

    assertThat(out.get(0).series()).hasSize(1);
    assertThat(out.get(0).series().get(0).histograms()).containsExactly(h1, h2);
    assertThat(out.get(1).isEmpty()).isTrue();
    assertThat(out.get(2).series().get(0).sampleCount()).isEqualTo(1);
  }

  @Test
  void keepsStartTimestampsOfMergedSamples() {
    MetricBatch a = new MetricBatchBuilder().series("__name__", "c").sample(10, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "c").sample(20, 2, 5).add().build();

    assertThat(lines(SeriesCoalescer.coalesce(List.of(a, b)))).containsExactly("{__name__=\"c\"} 1.0@10 2.0@20(st=5)");
  }

  @Test
  void distinguishesLabelSetsWithEqualHashes() {
    // "Aa" and "BB" have the same String.hashCode.
    MetricBatch a = new MetricBatchBuilder().series("__name__", "m", "k", "Aa").sample(1, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "m", "k", "BB").sample(2, 2).add().build();

    assertThat(lines(SeriesCoalescer.coalesce(List.of(a, b)))).containsExactly(
        "{__name__=\"m\", k=\"Aa\"} 1.0@1", "{__name__=\"m\", k=\"BB\"} 2.0@2");
  }

  /**
   * A window of 60k series over 12k label sets merges as the rules say when applied one series
   * at a time (the reference below), whatever the order in which label sets arrive, with
   * timestamps that sometimes go back and with exemplars.
   */
  @Test
  void aLargeWindowMergesExactlyAsTheRulesSay() {
    java.util.Random random = new java.util.Random(42);
    List<MetricBatch> window = new ArrayList<>();
    int labelSets = 12_000;
    for (int batch = 0; batch < 120; batch++) {
      MetricBatchBuilder b = new MetricBatchBuilder();
      for (int i = 0; i < 500; i++) {
        int id = random.nextInt(labelSets);
        long ts = 1000L * batch + random.nextInt(1500);
        MetricBatchBuilder.SeriesBuilder sb = b.series("__name__", "m" + (id % 97), "id", Integer.toString(id));
        if (random.nextInt(50) == 0) {
          sb.sample(ts, id).exemplar(ts, 1, "trace_id", "t" + i).add();
        } else {
          sb.sample(ts, id).add();
        }
      }
      window.add(b.build());
    }

    assertThat(lines(SeriesCoalescer.coalesce(window))).containsExactlyElementsOf(reference(window));
  }

  /** The merge rules for float series, one series at a time, with a map of the newest head per label set. */
  private static List<String> reference(List<MetricBatch> window) {
    java.util.Map<String, List<Long>> headTimestamps = new java.util.HashMap<>();
    java.util.Map<String, StringBuilder> headLine = new java.util.HashMap<>();
    List<Object> slots = new ArrayList<>();
    for (MetricBatch b : window) {
      for (String line : BatchText.lines(b)) {
        int cut = line.indexOf("} ") + 1;
        String labels = line.substring(0, cut);
        String samples = line.substring(cut + 1);
        long first = Long.parseLong(samples.substring(samples.indexOf('@') + 1).split("[ (]")[0]);
        List<Long> ts = headTimestamps.get(labels);
        boolean exemplar = line.contains(" exemplar{");
        if (ts != null && !exemplar && ts.get(ts.size() - 1) < first) {
          ts.add(first);
          headLine.get(labels).append(' ').append(samples);
          continue;
        }
        StringBuilder own = new StringBuilder(line);
        slots.add(own);
        if (exemplar) {
          // A series with exemplars never merges and later ones do not join a head before it.
          headTimestamps.put(labels, new ArrayList<>(List.of(Long.MAX_VALUE)));
        } else {
          headTimestamps.put(labels, new ArrayList<>(List.of(first)));
        }
        headLine.put(labels, own);
      }
    }
    List<String> out = new ArrayList<>();
    for (Object o : slots) {
      out.add(o.toString());
    }
    return out;
  }
}
