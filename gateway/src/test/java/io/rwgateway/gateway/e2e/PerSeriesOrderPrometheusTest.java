package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.gateway.testing.OrderedWriters;
import io.rwgateway.gateway.testing.TestConfigs;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-series order, checked by the strictest judge there is: a real Prometheus 2.42 receiver with
 * out-of-order ingestion off (its default) answers 400 to any sample older than the last of its
 * series. Six writers on several ingest event loops, four sender shards, 40-sample batches cut
 * every 5 ms: not one rejection, and every sample stored.
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class PerSeriesOrderPrometheusTest {
  private static final int WRITERS = 6;
  private static final int ROUNDS = 80;

  @Test
  void aRealPrometheusRejectsNothingAsOutOfOrder(Peers peers) throws Exception {
    PeerProcess receiver = peers.startPrometheusReceiver();
    BackendConfig prom = TestConfigs.withConcurrency(TestConfigs.withBatch(
        TestConfigs.backend("prom", receiver.writeUrl(), Protocol.RW1),
        new BatchConfig(40, 1 << 20, Duration.ofMillis(5))), 4);
    // Recent timestamps, 100 ms apart: inside the receiver's head block, strictly increasing per series.
    long base = System.currentTimeMillis() - 60_000;
    long expected = WRITERS * ROUNDS * OrderedWriters.pointsPerRound();
    MetricsText m;
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.onPort(TestConfigs.gateway(prom), OrderedWriters.freePort()))) {
      List<String> refusals = OrderedWriters.run(gw, WRITERS, ROUNDS, round -> base + round * 100L);
      assertThat(refusals).as("the gateway refused nothing").isEmpty();
      gw.gateway().stop().await(30, java.util.concurrent.TimeUnit.SECONDS);
      m = MetricsText.parse(gw.gateway().metrics().scrape());
    }
    assertThat(m.nonZero("rw_gateway_dropped_")).as("drops (a 400 from Prometheus is backend_rejected)").isEmpty();
    assertThat(m.sum("rw_gateway_sent_samples_total", "backend", "prom")
        + m.sum("rw_gateway_sent_histograms_total", "backend", "prom")).isEqualTo(expected);

    String metrics = get(receiver.url("/metrics"));
    assertThat(counter(metrics, "prometheus_http_requests_total\\{code=\"400\",handler=\"/api/v1/write\"}"))
        .as("write requests Prometheus refused").isZero();
    assertThat(counter(metrics, "prometheus_http_requests_total\\{code=\"204\",handler=\"/api/v1/write\"}"))
        .isPositive();
    double floats = queryScalar(receiver, "sum(count_over_time({job=~\"w[0-9]+\",__name__!=\"h\"}[10m]))");
    assertThat(floats).as("float samples stored").isEqualTo((double) WRITERS * ROUNDS * OrderedWriters.floatSeriesPerWriter());
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }

  /** A counter's value in a text exposition, 0 when the line is absent. */
  private static double counter(String exposition, String seriesRegex) {
    Matcher matcher = Pattern.compile("^" + seriesRegex + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private static double queryScalar(PeerProcess prometheus, String promql) throws Exception {
    String body = get(prometheus.url("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    Matcher value = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"]").matcher(body);
    assertThat(value.find()).as("a value in " + body).isTrue();
    return Double.parseDouble(value.group(1));
  }
}
