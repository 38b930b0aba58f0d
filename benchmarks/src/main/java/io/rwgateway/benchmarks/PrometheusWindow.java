package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One accumulation window of the window benchmarks: {@code scrapes} scrapes of {@code series}
 * node-exporter-like counters (50 series per family), in Prometheus-sized requests of 500 series.
 */
final class PrometheusWindow {
  static final int PER_REQUEST = 500;
  static final int SERIES_PER_FAMILY = 50;

  private PrometheusWindow() {}

  /** @param asReceived turns each built request into what the benchmark feeds (e.g. a decode round trip) */
  static List<MetricBatch> build(int series, int scrapes, Function<MetricBatch, MetricBatch> asReceived) {
    List<MetricBatch> window = new ArrayList<>();
    for (int scrape = 0; scrape < scrapes; scrape++) {
      MetricBatchBuilder b = null;
      for (int i = 0; i < series; i++) {
        if (i % PER_REQUEST == 0) {
          if (b != null) {
            window.add(asReceived.apply(b.build()));
          }
          b = new MetricBatchBuilder();
        }
        int family = i / SERIES_PER_FAMILY;
        b.series("__name__", "node_metric_" + family + "_total", "instance", "10.1." + (i % 250) + ".7:9100",
                "job", "node", "cpu", Integer.toString(i % SERIES_PER_FAMILY))
            .type(MetricType.COUNTER).help("Help text of family " + family + ".")
            .sample(1_700_000_000_000L + scrape * 15_000L, i).add();
      }
      window.add(asReceived.apply(b.build()));
    }
    return window;
  }
}
