package io.rwgateway.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.gateway.ingest.WireProtocol;
import io.rwgateway.gateway.telemetry.GatewayMetrics;
import io.rwgateway.gateway.egress.Counts;
import io.rwgateway.translators.codec.Rejections;
import org.junit.jupiter.api.Test;

class MetricsTextTest {
  private static final String EXPOSITION = """
      # HELP rw_gateway_sent_bytes_total Request bodies delivered (2xx), compressed
      # TYPE rw_gateway_sent_bytes_total counter
      rw_gateway_sent_bytes_total{backend="a",encoding="snappy"} 120.0
      rw_gateway_sent_bytes_total{encoding="identity",backend="a"} 300.0
      rw_gateway_sent_bytes_total{backend="b",encoding="snappy"} 7.0
      rw_gateway_dropped_samples_total{backend="b",reason="http_400"} 0.0
      rw_gateway_dropped_requests_total{backend="b",reason="x, \\"y\\"\\n"} 2.0 1700000000000
      rw_gateway_up 1
      rw_gateway_egress_ratio{backend="a"} +Inf
      """;

  @Test
  void sumsTheSamplesWhoseLabelsIncludeTheGivenPairs() {
    MetricsText text = MetricsText.parse(EXPOSITION);
    assertThat(text.sum("rw_gateway_sent_bytes_total", "encoding", "snappy")).isEqualTo(127.0);
    assertThat(text.sum("rw_gateway_sent_bytes_total", "backend", "a")).isEqualTo(420.0);
    assertThat(text.sum("rw_gateway_sent_bytes_total", "backend", "a", "encoding", "identity")).isEqualTo(300.0);
    assertThat(text.sum("rw_gateway_up")).isEqualTo(1.0);
    assertThat(text.sum("rw_gateway_egress_ratio")).isInfinite();
  }

  @Test
  void absentSeriesSumToZero() {
    assertThat(MetricsText.parse(EXPOSITION).sum("rw_gateway_sent_bytes_total", "backend", "c")).isZero();
    assertThat(MetricsText.parse(EXPOSITION).sum("rw_gateway_nothing")).isZero();
  }

  @Test
  void listsNonZeroSamplesByPrefixWithUnescapedLabelValues() {
    assertThat(MetricsText.parse(EXPOSITION).nonZero("rw_gateway_dropped_")).singleElement()
        .satisfies(line -> {
          assertThat(line.labels()).containsEntry("reason", "x, \"y\"\n").containsEntry("backend", "b");
          assertThat(line.value()).isEqualTo(2.0);
        });
  }

  @Test
  void refusesUnpairedLabelArguments() {
    assertThatThrownBy(() -> MetricsText.parse(EXPOSITION).sum("x", "backend"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsDropsAndRejectionsFromTheGatewaysOwnRegistry() {
    GatewayMetrics metrics = new GatewayMetrics();
    metrics.route("vm").dropped(new Counts(7, 0, 0), "http_400");
    metrics.route("vm").droppedRequest("http_400");
    Rejections rejections = new Rejections();
    rejections.reject("duplicate_label", "cannot accept series: duplicate label", 2, 0, 0);
    metrics.ingest(WireProtocol.RW2).rejectedSeries(rejections);

    MetricsText text = MetricsText.parse(metrics.scrape());

    assertThat(text.sum("rw_gateway_dropped_samples_total", "backend", "vm", "reason", "http_400")).isEqualTo(7.0);
    assertThat(text.nonZero("rw_gateway_dropped_")).extracting(MetricsText.Line::name)
        .containsExactlyInAnyOrder("rw_gateway_dropped_requests_total", "rw_gateway_dropped_samples_total");
    assertThat(text.sum("rw_gateway_rejected_series_total", "protocol", "rw2")).isEqualTo(1.0);
    assertThat(text.nonZero("rw_gateway_rejected_")).isNotEmpty();
    assertThat(MetricsText.parse(new GatewayMetrics().scrape()).nonZero("rw_gateway_")).isEmpty();
  }
}
