package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.proto.rw2.Rw2Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto.Metadata.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every series of a list of captured RW 2.0 requests, with its labels resolved, and the assertions
 * the end-to-end tests make on them (remote-write.md §2.4).
 */
public final class CapturedSeries {
  static final String CT_RW2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";

  /** One series as captured, in the request whose symbols its refs point into. */
  record Entry(int seq, Rw2Proto.Request request, Rw2Proto.TimeSeries series, Map<String, String> labels) {
    String name() {
      return labels.getOrDefault("__name__", "");
    }

    MetricType type() {
      return series.getMetadata().getType();
    }

    String help() {
      return request.getSymbols(series.getMetadata().getHelpRef());
    }

    boolean exemplarOnly() {
      return series.getSamplesCount() == 0 && series.getHistogramsCount() == 0;
    }
  }

  private final List<Entry> entries;

  private CapturedSeries(List<Entry> entries) {
    this.entries = entries;
  }

  public static CapturedSeries in(List<Rw2Captures.Captured> captures) {
    List<Entry> entries = new ArrayList<>();
    for (Rw2Captures.Captured c : captures) {
      for (Rw2Proto.TimeSeries s : c.request().getTimeseriesList()) {
        entries.add(new Entry(c.seq(), c.request(), s, Rw2Captures.labels(c.request(), s.getLabelsRefsList())));
      }
    }
    return new CapturedSeries(entries);
  }

  /** Some series named {@code name} carried metadata of that type and exactly that help text. */
  public void assertTyped(String name, MetricType type, String help) {
    assertThat(help).as("expected help of " + name).isNotBlank();
    TreeSet<String> seen = new TreeSet<>();
    for (Entry e : entries) {
      if (e.name().equals(name)) {
        if (e.type() == type && e.help().equals(help)) {
          return;
        }
        seen.add(e.type() + " \"" + e.help() + "\"");
      }
    }
    throw new AssertionError("no captured " + name + " with metadata " + type + " \"" + help + "\"; seen " + seen);
  }

  /**
   * In the latest request holding series of Prometheus' self-scrape (job "prometheus"), every
   * scraped series carried a metadata type: not {@code up} and {@code scrape_*}, which Prometheus
   * makes up itself and sends no metadata for.
   */
  public void assertLatestSelfScrapeFullyTyped() {
    int latest = -1;
    for (Entry e : entries) {
      if (selfScraped(e)) {
        latest = Math.max(latest, e.seq());
      }
    }
    assertThat(latest).as("a captured request with Prometheus' own series").isPositive();
    List<String> untyped = new ArrayList<>();
    for (Entry e : entries) {
      if (e.seq() == latest && selfScraped(e) && e.type() == MetricType.METRIC_TYPE_UNSPECIFIED) {
        untyped.add(e.labels().toString());
      }
    }
    assertThat(untyped).as("series without metadata in request " + latest).isEmpty();
  }

  private static boolean selfScraped(Entry e) {
    return "prometheus".equals(e.labels().get("job")) && !e.name().equals("up") && !e.name().startsWith("scrape_");
  }

  /** Some series named {@code name} carried native histogram samples of that schema with buckets. */
  public void assertNativeHistogram(String name, int schema) {
    for (Entry e : entries) {
      for (Rw2Proto.Histogram h : e.series().getHistogramsList()) {
        if (e.name().equals(name) && h.getSchema() == schema && h.getCountInt() > 0 && h.getPositiveSpansCount() > 0
            && h.getTimestamp() > 0) {
          return;
        }
      }
    }
    throw new AssertionError("no captured native histogram " + name + " with schema " + schema + " and buckets");
  }

  /** Some series named {@code name} carried samples and, in the same TimeSeries, an exemplar with that label. */
  public void assertExemplarAttached(String name, String labelName, String labelValue) {
    for (Entry e : entries) {
      if (e.name().equals(name) && e.series().getSamplesCount() > 0) {
        for (Rw2Proto.Exemplar x : e.series().getExemplarsList()) {
          if (labelValue.equals(Rw2Captures.labels(e.request(), x.getLabelsRefsList()).get(labelName))
              && x.getTimestamp() > 0) {
            return;
          }
        }
      }
    }
    throw new AssertionError("no captured " + name + " with samples and an exemplar " + labelName + "=" + labelValue);
  }

  /**
   * The sender rules every request must follow: RW 2.0 headers, symbols[0] == "", refs in range and
   * in pairs, labels sorted and unique, every series non-empty (§2.4, §5 "Sender").
   */
  public static void assertWellFormed(List<Rw2Captures.Captured> captures) {
    for (Rw2Captures.Captured c : captures) {
      String what = "request " + c.seq();
      assertThat(c.headers()).as(what).containsEntry("content-type", CT_RW2)
          .containsEntry("content-encoding", "snappy").containsEntry("x-prometheus-remote-write-version", "2.0.0");
      Rw2Proto.Request r = c.request();
      assertThat(r.getSymbolsCount()).as(what).isPositive();
      assertThat(r.getSymbols(0)).as(what + " symbols[0]").isEmpty();
      for (Rw2Proto.TimeSeries s : r.getTimeseriesList()) {
        assertRefs(what, r, s.getLabelsRefsList());
        String previous = "";
        for (int i = 0; i < s.getLabelsRefsCount(); i += 2) {
          String name = r.getSymbols(s.getLabelsRefs(i));
          assertThat(name).as(what + " label order").isGreaterThan(previous);
          previous = name;
        }
        assertThat(s.getMetadata().getHelpRef()).as(what).isLessThan(r.getSymbolsCount());
        assertThat(s.getMetadata().getUnitRef()).as(what).isLessThan(r.getSymbolsCount());
        assertThat(s.getSamplesCount() + s.getHistogramsCount() + s.getExemplarsCount()).as(what).isPositive();
        for (Rw2Proto.Exemplar x : s.getExemplarsList()) {
          assertRefs(what + " exemplar", r, x.getLabelsRefsList());
        }
      }
    }
  }

  private static void assertRefs(String what, Rw2Proto.Request r, List<Integer> refs) {
    assertThat(refs.size() % 2).as(what + " refs in pairs").isZero();
    for (int ref : refs) {
      assertThat(ref).as(what + " ref").isLessThan(r.getSymbolsCount());
    }
  }

  /** One line for the test output: what the captures held. */
  public String summary() {
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    long exemplarOnly = 0;
    long typed = 0;
    for (Entry e : entries) {
      samples += e.series().getSamplesCount();
      histograms += e.series().getHistogramsCount();
      exemplars += e.series().getExemplarsCount();
      exemplarOnly += e.exemplarOnly() ? 1 : 0;
      typed += e.type() != MetricType.METRIC_TYPE_UNSPECIFIED ? 1 : 0;
    }
    return "captured RW 2.0: " + entries.size() + " series (" + typed + " with metadata type, " + exemplarOnly
        + " exemplar-only), " + samples + " samples, " + histograms + " histograms, " + exemplars + " exemplars";
  }
}
