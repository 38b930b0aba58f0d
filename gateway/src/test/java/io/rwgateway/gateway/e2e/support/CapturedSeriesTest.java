package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.proto.rw2.Rw2Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto.Metadata.MetricType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturedSeriesTest {
  private static final Map<String, String> RW2_HEADERS = Map.of("content-type", CapturedSeries.CT_RW2,
      "content-encoding", "snappy", "x-prometheus-remote-write-version", "2.0.0");
  // 0 "", 1 __name__, 2 requests_total, 3 job, 4 prometheus, 5 help, 6 trace_id, 7 abc
  private static final List<String> SYMBOLS =
      List.of("", "__name__", "requests_total", "job", "prometheus", "Requests served.", "trace_id", "abc");

  @Test
  void findsTypedSeriesAndAttachedExemplars() {
    List<Rw2Captures.Captured> captures = List.of(capture(SYMBOLS, series(List.of(1, 2, 3, 4), true)));
    CapturedSeries found = CapturedSeries.in(captures);
    assertThatCode(() -> {
      found.assertTyped("requests_total", MetricType.METRIC_TYPE_COUNTER, "Requests served.");
      found.assertExemplarAttached("requests_total", "trace_id", "abc");
      found.assertLatestSelfScrapeFullyTyped();
      CapturedSeries.assertWellFormed(captures);
    }).doesNotThrowAnyException();
    assertThatThrownBy(() -> found.assertTyped("requests_total", MetricType.METRIC_TYPE_GAUGE, "Requests served."))
        .hasMessageContaining("seen [METRIC_TYPE_COUNTER \"Requests served.\"]");
    assertThatThrownBy(() -> found.assertExemplarAttached("requests_total", "trace_id", "other"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> found.assertNativeHistogram("requests_total", 3)).isInstanceOf(AssertionError.class);
  }

  @Test
  void refusesAFirstSymbolThatIsNotEmpty() {
    List<String> symbols = List.of("x", "__name__", "requests_total", "job", "prometheus", "Requests served.");
    assertThatThrownBy(() -> CapturedSeries.assertWellFormed(List.of(capture(symbols, series(List.of(1, 2, 3, 4),
        false))))).hasMessageContaining("symbols[0]");
  }

  @Test
  void refusesUnsortedLabelsAndRefsOutOfRange() {
    assertThatThrownBy(() -> CapturedSeries.assertWellFormed(List.of(capture(SYMBOLS, series(List.of(3, 4, 1, 2),
        false))))).hasMessageContaining("label order");
    assertThatThrownBy(() -> CapturedSeries.assertWellFormed(List.of(capture(SYMBOLS, series(List.of(1, 2, 3, 40),
        false))))).hasMessageContaining("ref");
  }

  @Test
  void refusesRw1Headers() {
    Rw2Captures.Captured rw1 = new Rw2Captures.Captured(1, Map.of("content-type", "application/x-protobuf",
        "content-encoding", "snappy", "x-prometheus-remote-write-version", "0.1.0"),
        request(SYMBOLS, series(List.of(1, 2, 3, 4), false)));
    assertThatThrownBy(() -> CapturedSeries.assertWellFormed(List.of(rw1))).hasMessageContaining("content-type");
  }

  @Test
  void findsUntypedSelfScrapedSeries() {
    Rw2Proto.TimeSeries untyped = series(List.of(1, 2, 3, 4), false).toBuilder().clearMetadata().build();
    CapturedSeries found = CapturedSeries.in(List.of(capture(SYMBOLS, untyped)));
    assertThatThrownBy(found::assertLatestSelfScrapeFullyTyped).hasMessageContaining("requests_total");
  }

  private static Rw2Proto.TimeSeries series(List<Integer> labelRefs, boolean exemplar) {
    Rw2Proto.TimeSeries.Builder s = Rw2Proto.TimeSeries.newBuilder().addAllLabelsRefs(labelRefs)
        .addSamples(Rw2Proto.Sample.newBuilder().setValue(1).setTimestamp(1_700_000_000_000L))
        .setMetadata(Rw2Proto.Metadata.newBuilder().setType(MetricType.METRIC_TYPE_COUNTER).setHelpRef(5));
    if (exemplar) {
      s.addExemplars(Rw2Proto.Exemplar.newBuilder().addAllLabelsRefs(List.of(6, 7)).setValue(0.5)
          .setTimestamp(1_700_000_000_000L));
    }
    return s.build();
  }

  private static Rw2Proto.Request request(List<String> symbols, Rw2Proto.TimeSeries series) {
    return Rw2Proto.Request.newBuilder().addAllSymbols(symbols).addTimeseries(series).build();
  }

  private static Rw2Captures.Captured capture(List<String> symbols, Rw2Proto.TimeSeries series) {
    return new Rw2Captures.Captured(1, RW2_HEADERS, request(symbols, series));
  }
}
