package io.rwgateway.gateway.egress;

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
import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.TenantConfig;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.Payloads;
import io.rwgateway.gateway.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant routing (what cortex-tenant does): one input batch, one request per tenant, each with its header. */
class TenantRoutingWireMockTest {
  private static final long TS = 1_700_000_000_000L;
  private static final String PATH = "/api/v1/write";
  private WireMockServer backend;

  @BeforeEach
  void start() {
    backend = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    backend.start();
    backend.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stop() {
    backend.stop();
  }

  private byte[] threeTenantsAndOneWithout() {
    return Payloads.rw1(
        Payloads.rw1Series(1, TS, "__name__", "up", "tenant", "a", "job", "x"),
        Payloads.rw1Series(2, TS, "__name__", "up", "tenant", "b", "job", "x"),
        Payloads.rw1Series(3, TS, "__name__", "up", "tenant", "c", "job", "x"),
        Payloads.rw1Series(4, TS, "__name__", "up", "tenant", "a", "job", "y"),
        Payloads.rw1Series(5, TS, "__name__", "up", "job", "none"));
  }

  /** Tenant header value -> the series lines of every request that carried it. */
  private Map<String, List<String>> byTenant(String header) {
    Map<String, List<String>> out = new TreeMap<>();
    for (LoggedRequest r : backend.findAll(postRequestedFor(urlEqualTo(PATH)))) {
      out.computeIfAbsent(r.getHeader(header), k -> new java.util.ArrayList<>())
          .addAll(Payloads.rw1Lines(Payloads.parseRw1(r.getBody())));
    }
    return out;
  }

  private BackendConfig routed(TenantConfig tenant) {
    BackendConfig b = TestConfigs.backend("mimir", "http://127.0.0.1:" + backend.port() + PATH, Protocol.RW1);
    return TestConfigs.withTenant(b, tenant);
  }

  @Test
  void splitsOneBatchIntoOneRequestPerTenantWithItsHeader() throws Exception {
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(
        routed(new TenantConfig("tenant", "X-Scope-OrgID", "anonymous", true))))) {
      assertThat(gw.write(CT_RW1, threeTenantsAndOneWithout()).statusCode()).isEqualTo(204);
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"mimir\"}") == 5);
    }
    assertThat(backend.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(4);
    assertThat(byTenant("X-Scope-OrgID")).containsExactly(
        Map.entry("a", List.of("{__name__=\"up\",job=\"x\"} 1.0@" + TS, "{__name__=\"up\",job=\"y\"} 4.0@" + TS)),
        Map.entry("anonymous", List.of("{__name__=\"up\",job=\"none\"} 5.0@" + TS)),
        Map.entry("b", List.of("{__name__=\"up\",job=\"x\"} 2.0@" + TS)),
        Map.entry("c", List.of("{__name__=\"up\",job=\"x\"} 3.0@" + TS)));
  }

  @Test
  void keepsTheTenantLabelWhenAskedAndDropsSeriesWithoutTenantWhenThereIsNoDefault() throws Exception {
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(
        routed(new TenantConfig("tenant", "X-Tenant", null, false))))) {
      gw.write(CT_RW1, threeTenantsAndOneWithout());
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"mimir\"}") == 4);
      assertThat(gw.metric("rw_gateway_relabel_dropped_series_total{reason=\"no_tenant\",route=\"mimir\"}")).isEqualTo(1);
      assertThat(gw.metric("rw_gateway_relabel_dropped_samples_total{reason=\"no_tenant\",route=\"mimir\"}")).isEqualTo(1);
    }
    Map<String, List<String>> got = byTenant("X-Tenant");
    assertThat(got).containsOnlyKeys("a", "b", "c");
    assertThat(got.get("b")).containsExactly("{__name__=\"up\",job=\"x\",tenant=\"b\"} 2.0@" + TS);
  }
}
