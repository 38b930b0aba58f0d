package io.rwgateway.translators.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestCutterTest {
  /** One scrape of {@code families} x {@code perFamily} counters at {@code ts}, as one incoming batch. */
  private static MetricBatch scrape(int families, int perFamily, long ts) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int f = 0; f < families; f++) {
      for (int i = 0; i < perFamily; i++) {
        b.series("__name__", "m" + f + "_total", "instance", "10.0.0." + i + ":9100")
            .type(MetricType.COUNTER).help("Help of m" + f + ".").sample(ts, i).add();
      }
    }
    return b.build();
  }

  private static String labels(MetricBatch b, Series s) {
    return b.labelsText(s);
  }

  @Test
  void aWindowOf200kSeriesHoldsEverySeriesOnceWithAllItsSamplesInOrder() {
    List<MetricBatch> window = List.of(scrape(2000, 100, 1000), scrape(2000, 100, 2000), scrape(2000, 100, 3000));

    List<List<MetricBatch>> requests = RequestCutter.cut(window, 10_000);

    Map<String, Integer> requestOfSeries = new HashMap<>();
    Map<String, Integer> requestOfFamily = new HashMap<>();
    for (int r = 0; r < requests.size(); r++) {
      long items = 0;
      for (MetricBatch b : requests.get(r)) {
        items += b.sampleCount();
        for (Series s : b.series()) {
          String key = labels(b, s);
          assertThat(requestOfSeries.put(key, r)).as("%s appears in one request only", key).isNull();
          assertThat(s.sampleCount()).as(key).isEqualTo(3);
          assertThat(new long[] {s.timestamp(0), s.timestamp(1), s.timestamp(2)}).containsExactly(1000, 2000, 3000);
          String family = b.labelValue(s, "__name__");
          Integer before = requestOfFamily.put(family, r);
          assertThat(before == null || before == r).as("family %s in one request", family).isTrue();
        }
      }
      assertThat(items).isLessThanOrEqualTo(10_000);
    }
    assertThat(requestOfSeries).hasSize(200_000);
    // 600k samples in requests of at most 10k, whole families of 300 samples: 33 per request.
    assertThat(requests).hasSize(61);
  }

  @Test
  void aFamilyLargerThanARequestIsSplitBySeriesAndNoSeriesIsSplit() {
    List<MetricBatch> window = List.of(scrape(1, 50, 1), scrape(1, 50, 2));

    List<List<MetricBatch>> requests = RequestCutter.cut(window, 30);

    Set<String> seen = new HashSet<>();
    int total = 0;
    for (List<MetricBatch> request : requests) {
      long items = 0;
      for (MetricBatch b : request) {
        for (Series s : b.series()) {
          assertThat(s.sampleCount()).isEqualTo(2);
          assertThat(seen.add(labels(b, s))).isTrue();
          items += 2;
          total++;
        }
      }
      assertThat(items).isLessThanOrEqualTo(30);
    }
    assertThat(total).isEqualTo(50);
    assertThat(requests).hasSize(4);
  }

  @Test
  void familiesAreKeptTogetherAndRequestsOrderedSoRepeatsStayInOrder() {
    // x repeats with an exemplar in between (cannot merge): x@1, x@2+exemplar, x@3 over three requests at most.
    MetricBatch a = new MetricBatchBuilder().series("__name__", "x").sample(1, 1).add()
        .series("__name__", "y").sample(1, 1).add().build();
    MetricBatch b = new MetricBatchBuilder().series("__name__", "x").sample(2, 2).exemplar(2, 1, "trace_id", "t").add()
        .series("__name__", "z").sample(2, 1).add().build();
    MetricBatch c = new MetricBatchBuilder().series("__name__", "x").sample(3, 3).add()
        .series("__name__", "y").sample(3, 1).add().build();

    List<List<MetricBatch>> requests = RequestCutter.cut(List.of(a, b, c), 2);

    List<Long> xTimestamps = new ArrayList<>();
    for (List<MetricBatch> request : requests) {
      for (MetricBatch m : request) {
        for (Series s : m.series()) {
          if ("x".equals(m.labelValue(s, "__name__"))) {
            for (int i = 0; i < s.sampleCount(); i++) {
              xTimestamps.add(s.timestamp(i));
            }
          }
        }
      }
    }
    assertThat(xTimestamps).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aWindowThatFitsIsOneRequestAsTheCoalescerMakesIt() {
    List<MetricBatch> window = List.of(scrape(3, 2, 1), scrape(3, 2, 2));

    List<List<MetricBatch>> requests = RequestCutter.cut(window, 100);

    assertThat(requests).hasSize(1);
    assertThat(requests.get(0)).isEqualTo(SeriesCoalescer.coalesce(window));
  }

  @Test
  void aWindowWithoutRepeatsIsCutInArrivalOrderAtTheOldCost() {
    // 10 incoming batches of 100 distinct series each, nothing repeats: whole batches, in order.
    List<MetricBatch> window = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      MetricBatchBuilder builder = new MetricBatchBuilder();
      for (int i = 0; i < 100; i++) {
        builder.series("__name__", "m", "b", Integer.toString(b), "i", Integer.toString(i)).sample(1, 1).add();
      }
      window.add(builder.build());
    }
    window.add(scrape(1, 450, 1));

    List<List<MetricBatch>> requests = RequestCutter.cut(window, 300);

    List<MetricBatch> flat = new ArrayList<>();
    for (List<MetricBatch> r : requests) {
      long items = 0;
      for (MetricBatch b : r) {
        items += b.sampleCount();
      }
      assertThat(items).isLessThanOrEqualTo(300);
      flat.addAll(r);
    }
    assertThat(flat.subList(0, 10)).containsExactlyElementsOf(window.subList(0, 10));
    assertThat(requests).hasSize(5);
    assertThat(flat.subList(10, flat.size())).extracting(MetricBatch::sampleCount).containsExactly(200L, 250L);
  }
}
