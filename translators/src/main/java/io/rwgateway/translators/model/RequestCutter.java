package io.rwgateway.translators.model;

import io.rwgateway.translators.metadata.MetricFamilies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts one accumulation window into outgoing requests. First the window's repeated series are
 * merged ({@link SeriesCoalescer}): the samples of one label set become one series, so its labels
 * and metadata are written once for all of them, however many series the window holds (this is
 * where RW 2.0 saves bytes: docs/benchmarks.md "Egress bytes"). Then the series are packed into
 * requests of at most {@code maxItems} samples (floats and histograms), keeping the series of one
 * metric family together so a family's HELP, TYPE and UNIT symbols are written once per request,
 * not once per request it is spread over. A family larger than a request is split by series; a
 * series is never split. Requests come out in an order that keeps every series' samples in
 * timestamp order (remote-write.md §1.6): within a family, series keep their window order. A
 * window in which nothing repeats is cut in arrival order instead: grouping would cost CPU there
 * and merge nothing (docs/benchmarks.md "Cutting a window").
 *
 * <p>Stateless; each call works on its own collections.
 */
public final class RequestCutter {
  private RequestCutter() {}

  /**
   * @param window   the batches of one window, in arrival order
   * @param maxItems most samples and histograms per request (a single larger series is one request)
   * @return the requests, each a list of batches (sharing the window's symbol tables), in order
   */
  public static List<List<MetricBatch>> cut(List<MetricBatch> window, int maxItems) {
    List<MetricBatch> merged = SeriesCoalescer.coalesce(window);
    long total = 0;
    for (MetricBatch b : merged) {
      total += b.sampleCount() + b.histogramCount();
    }
    if (total <= maxItems) {
      return List.of(merged);
    }
    if (merged == window) {
      // Nothing repeats in this window (a scrape interval longer than the window): merging saves
      // nothing, so the window is cut in arrival order, at the cost of the old per-batch cut.
      return inArrivalOrder(window, maxItems);
    }
    Map<String, Family> families = groupByFamily(merged);
    Packer packer = new Packer(maxItems);
    for (Family f : families.values()) {
      if (f.items > maxItems - packer.items && packer.items > 0 && f.items <= maxItems) {
        packer.close();
      }
      for (int i = 0; i < f.size; i++) {
        packer.add(f.batches[i], f.series[i], items(merged.get(f.batches[i]).series().get(f.series[i])));
      }
    }
    return packer.finish(merged);
  }

  /** Whole batches in arrival order while they fit; a batch larger than a request is split by series. */
  private static List<List<MetricBatch>> inArrivalOrder(List<MetricBatch> window, int maxItems) {
    List<List<MetricBatch>> out = new ArrayList<>();
    List<MetricBatch> current = new ArrayList<>();
    long items = 0;
    for (MetricBatch b : window) {
      long n = b.sampleCount() + b.histogramCount();
      if (n <= maxItems) {
        if (items > 0 && items + n > maxItems) {
          out.add(current);
          current = new ArrayList<>();
          items = 0;
        }
        current.add(b);
        items += n;
        continue;
      }
      List<Series> part = new ArrayList<>();
      for (Series s : b.series()) {
        int k = items(s);
        if (items + k > maxItems && (items > 0 || !part.isEmpty())) {
          if (!part.isEmpty()) {
            current.add(new MetricBatch(b.symbols(), part));
            part = new ArrayList<>();
          }
          out.add(current);
          current = new ArrayList<>();
          items = 0;
        }
        part.add(s);
        items += k;
      }
      if (!part.isEmpty()) {
        current.add(new MetricBatch(b.symbols(), part));
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** Items a series counts for: its samples and histograms, and at least 1 (exemplars only). */
  private static int items(Series s) {
    return Math.max(1, s.sampleCount() + s.histograms().size());
  }

  private static Map<String, Family> groupByFamily(List<MetricBatch> merged) {
    Map<String, Family> families = new LinkedHashMap<>();
    // Family names by metric name and type: names repeat across series, so each is worked out once.
    Map<String, String[]> familyOfName = new HashMap<>();
    int types = MetricType.values().length;
    for (int b = 0; b < merged.size(); b++) {
      MetricBatch batch = merged.get(b);
      List<Series> series = batch.series();
      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        String name = metricName(batch, s);
        String[] byType = familyOfName.computeIfAbsent(name, k -> new String[types]);
        int t = s.type().ordinal();
        String family = byType[t];
        if (family == null) {
          family = byType[t] = MetricFamilies.familyName(name, s.type());
        }
        families.computeIfAbsent(family, k -> new Family()).add(b, i, items(s));
      }
    }
    return families;
  }

  private static String metricName(MetricBatch batch, Series s) {
    for (int i = 0; i < s.labelCount(); i++) {
      if ("__name__".equals(batch.symbol(s.labelNameRef(i)))) {
        return batch.symbol(s.labelValueRef(i));
      }
    }
    return "";
  }

  /** The series of one family, as (batch index, series index) pairs in window order. */
  private static final class Family {
    int[] batches = new int[4];
    int[] series = new int[4];
    int size;
    long items;

    void add(int batch, int index, int n) {
      if (size == batches.length) {
        batches = java.util.Arrays.copyOf(batches, size * 2);
        series = java.util.Arrays.copyOf(series, size * 2);
      }
      batches[size] = batch;
      series[size++] = index;
      items += n;
    }
  }

  /** Fills requests one after the other with (batch, series index) references packed in a long. */
  private static final class Packer {
    private final int maxItems;
    private final List<long[]> requests = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private long[] current;
    private int size;
    long items;

    Packer(int maxItems) {
      this.maxItems = maxItems;
    }

    void add(int batch, int index, int n) {
      if (current != null && items > 0 && items + n > maxItems) {
        close();
      }
      if (current == null) {
        current = new long[64];
        size = 0;
      }
      if (size == current.length) {
        current = java.util.Arrays.copyOf(current, size * 2);
      }
      current[size++] = (long) batch << 32 | index;
      items += n;
    }

    void close() {
      if (current != null) {
        requests.add(current);
        sizes.add(size);
      }
      current = null;
      items = 0;
    }

    /**
     * Each request as the window's batches, each reduced to its series in this request, in their
     * window order: so a label set that appears several times (series that could not merge) keeps
     * its order inside a request, as it does across requests.
     */
    List<List<MetricBatch>> finish(List<MetricBatch> merged) {
      close();
      List<List<MetricBatch>> out = new ArrayList<>(requests.size());
      for (int r = 0; r < requests.size(); r++) {
        long[] refs = requests.get(r);
        int n = sizes.get(r);
        java.util.Arrays.sort(refs, 0, n);
        List<MetricBatch> request = new ArrayList<>();
        int at = 0;
        while (at < n) {
          int batch = (int) (refs[at] >>> 32);
          MetricBatch source = merged.get(batch);
          List<Series> all = source.series();
          List<Series> part = new ArrayList<>();
          while (at < n && (int) (refs[at] >>> 32) == batch) {
            part.add(all.get((int) refs[at]));
            at++;
          }
          request.add(part.size() == all.size() ? source : new MetricBatch(source.symbols(), part));
        }
        out.add(request);
      }
      return out;
    }
  }
}
