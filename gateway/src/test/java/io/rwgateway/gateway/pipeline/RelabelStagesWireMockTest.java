package io.rwgateway.gateway.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.rwgateway.gateway.testing.GatewayHarness.CT_RW1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rwgateway.config.GatewayConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.Payloads;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Global relabel_configs before fan-out, write_relabel_configs per backend, drops counted per route. */
class RelabelStagesWireMockTest {
  private static final long TS = 1_700_000_000_000L;
  private static final String PATH = "/api/v1/write";
  private WireMockServer a;
  private WireMockServer b;

  @BeforeEach
  void start() {
    a = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    b = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    a.start();
    b.start();
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));
    b.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stop() {
    a.stop();
    b.stop();
  }

  private static List<String> lines(WireMockServer s) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : s.findAll(postRequestedFor(urlEqualTo(PATH)))) {
      out.addAll(Payloads.rw1Lines(Payloads.parseRw1(r.getBody())));
    }
    return out;
  }

  @Test
  void globalRulesApplyToEveryBackendAndWriteRulesOnlyToTheirs() throws Exception {
    // Regexes that are not literal shapes, so each rule caches its match per metric name.
    RelabelRule dropDebug = RelabelRule.of(RelabelAction.DROP, List.of("__name__"), null, null, "debug_[a-z]+", null, null);
    RelabelRule addRegion = RelabelRule.of(RelabelAction.REPLACE, List.of(), null, "region", null, null, "eu");
    RelabelRule keepUp = RelabelRule.of(RelabelAction.KEEP, List.of("__name__"), null, null, "(up)", null, null);
    GatewayConfig base = TestConfigs.gateway(
        TestConfigs.withRules(TestConfigs.backend("a", "http://127.0.0.1:" + a.port() + PATH, Protocol.RW1), List.of(keepUp)),
        TestConfigs.backend("b", "http://127.0.0.1:" + b.port() + PATH, Protocol.RW1));
    GatewayConfig cfg = TestConfigs.withGlobalRules(base, List.of(dropDebug, addRegion));
    try (GatewayHarness gw = new GatewayHarness(cfg)) {
      assertThat(gw.write(CT_RW1, Payloads.rw1(
          Payloads.rw1Series(1, TS, "__name__", "up", "job", "x"),
          Payloads.rw1Series(2, TS, "__name__", "debug_thing", "job", "x"),
          Payloads.rw1Series(3, TS, "__name__", "requests_total", "job", "x"))).statusCode()).isEqualTo(204);
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"a\"}") == 1
          && gw.metric("rw_gateway_sent_samples_total{backend=\"b\"}") == 2);
      assertThat(gw.metric("rw_gateway_relabel_dropped_series_total{reason=\"relabel_drop\",route=\"global\"}")).isEqualTo(1);
      assertThat(gw.metric("rw_gateway_relabel_dropped_series_total{reason=\"relabel_drop\",route=\"a\"}")).isEqualTo(1);
      assertThat(gw.metric("rw_gateway_relabel_dropped_series_total{reason=\"relabel_drop\",route=\"b\"}")).isZero();
      // Each rule has looked up each metric name it saw once: 3 names globally, 2 left for "a".
      assertThat(gw.metric("rw_gateway_relabel_cache_misses_total{route=\"global\"}")).isEqualTo(3);
      assertThat(gw.metric("rw_gateway_relabel_cache_misses_total{route=\"a\"}")).isEqualTo(2);
      assertThat(gw.metric("rw_gateway_relabel_cache_entries{route=\"global\"}")).isEqualTo(3);
      // A second identical batch is served from the caches.
      gw.write(CT_RW1, Payloads.rw1(
          Payloads.rw1Series(1, TS + 1, "__name__", "up", "job", "x"),
          Payloads.rw1Series(2, TS + 1, "__name__", "debug_thing", "job", "x"),
          Payloads.rw1Series(3, TS + 1, "__name__", "requests_total", "job", "x")));
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"b\"}") == 4);
      assertThat(gw.metric("rw_gateway_relabel_cache_hits_total{route=\"global\"}")).isEqualTo(3);
      assertThat(gw.metric("rw_gateway_relabel_cache_hits_total{route=\"a\"}")).isEqualTo(2);
    }
    assertThat(lines(a)).containsExactly(
        "{__name__=\"up\",job=\"x\",region=\"eu\"} 1.0@" + TS, "{__name__=\"up\",job=\"x\",region=\"eu\"} 1.0@" + (TS + 1));
    assertThat(lines(b)).containsExactlyInAnyOrder(
        "{__name__=\"up\",job=\"x\",region=\"eu\"} 1.0@" + TS,
        "{__name__=\"requests_total\",job=\"x\",region=\"eu\"} 3.0@" + TS,
        "{__name__=\"up\",job=\"x\",region=\"eu\"} 1.0@" + (TS + 1),
        "{__name__=\"requests_total\",job=\"x\",region=\"eu\"} 3.0@" + (TS + 1));
  }
}
