package io.rwgateway.gateway.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.rwgateway.gateway.testing.GatewayHarness.CT_RW1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BackendAuth;
import io.rwgateway.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.io.TempDir;
import io.rwgateway.config.OnFull;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.RetryConfig;
import io.rwgateway.gateway.Version;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.gateway.testing.Payloads;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.gateway.testing.WrittenHeaders;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Egress against WireMock backends: exact requests, retries, drops, isolation, back-pressure. */
class BackendRouteWireMockTest {
  private static final long TS = 1_700_000_000_000L;
  private static final String PATH = "/api/v1/write";

  private WireMockServer a;
  private WireMockServer b;

  @BeforeEach
  void startBackends() {
    a = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new WrittenHeaders()));
    b = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new WrittenHeaders()));
    a.start();
    b.start();
  }

  @AfterEach
  void stopBackends() {
    a.stop();
    b.stop();
  }

  private static String url(WireMockServer s) {
    return "http://127.0.0.1:" + s.port() + PATH;
  }

  /** A RW 2.0 receiver that stored everything: exact Written counts. */
  private static ResponseDefinitionBuilder rw2Ok() {
    return aResponse().withStatus(204).withTransformers(WrittenHeaders.NAME);
  }

  /**
   * A route whose queue holds one 50-series request while it is accumulated, not two: a long
   * batch delay keeps the first one accumulating, so the second finds the queue full.
   */
  private static BackendConfig holdingOne(String name, WireMockServer s) {
    long oneRequest = Payloads.unsnappy(Payloads.rw1Many("up", 50, TS)).length;
    return TestConfigs.withMaxDelay(TestConfigs.withQueue(TestConfigs.backend(name, url(s), Protocol.RW2),
        oneRequest * 3 / 2), Duration.ofSeconds(30));
  }

  private static List<LoggedRequest> requests(WireMockServer s) {
    return s.findAll(postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void sendsRw2WithExactHeadersAndADecodableBody() throws Exception {
    a.stubFor(post(PATH).willReturn(rw2Ok()));
    BackendConfig cfg = TestConfigs.withHeaders(TestConfigs.backend("a", url(a), Protocol.RW2),
        Map.of("X-Scope-OrgID", "team-a"));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(cfg))) {
      assertThat(gw.write(CT_RW1, Payloads.rw1(
          Payloads.rw1Series(1.5, TS, "job", "x", "__name__", "up")))).extracting(HttpResponse::statusCode).isEqualTo(204);
      await().atMost(Duration.ofSeconds(10)).until(() -> requests(a).size() == 1);
    }
    LoggedRequest req = requests(a).get(0);
    assertThat(req.getHeader("Content-Type")).isEqualTo("application/x-protobuf;proto=io.prometheus.write.v2.Request");
    assertThat(req.getHeader("Content-Encoding")).isEqualTo("snappy");
    assertThat(req.getHeader("X-Prometheus-Remote-Write-Version")).isEqualTo("2.0.0");
    assertThat(req.getHeader("User-Agent")).isEqualTo("rw-gateway/" + Version.version());
    assertThat(req.getHeader("X-Scope-OrgID")).isEqualTo("team-a");
    Rw2Proto.Request body = Payloads.parseRw2(req.getBody());
    assertThat(body.getSymbols(0)).isEmpty();
    assertThat(Payloads.rw2Lines(body)).containsExactly("{__name__=\"up\",job=\"x\"} 1.5@" + TS);
  }

  @Test
  void sendsTheCredentialsOfItsFileAndTheRotatedOnesAfterTheFileChanges(@TempDir Path dir) throws Exception {
    a.stubFor(post(PATH).willReturn(rw2Ok()));
    Path token = Files.writeString(dir.resolve("token"), "tok-1\n");
    BackendConfig cfg = TestConfigs.withAuth(TestConfigs.backend("a", url(a), Protocol.RW2),
        new BackendAuth.Credentials("Bearer", Secret.fromFile(token)));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(cfg))) {
      gw.write(CT_RW1, Payloads.rw1(Payloads.rw1Series(1, TS, "__name__", "up")));
      await().atMost(Duration.ofSeconds(10)).until(() -> requests(a).size() == 1);
      Files.writeString(token, "tok-2\n");
      Files.setLastModifiedTime(token, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
        gw.write(CT_RW1, Payloads.rw1(Payloads.rw1Series(1, TS + 1, "__name__", "up")));
        List<LoggedRequest> all = requests(a);
        return "Bearer tok-2".equals(all.get(all.size() - 1).getHeader("Authorization"));
      });
    }
    assertThat(requests(a).get(0).getHeader("Authorization")).isEqualTo("Bearer tok-1");
    assertThat(requests(a)).extracting(r -> r.getHeader("Authorization")).containsOnly("Bearer tok-1", "Bearer tok-2");
  }

  @Test
  void sendsRw1WithExactHeadersAndADecodableBody() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("a", url(a), Protocol.RW1)))) {
      gw.write(GatewayHarness.CT_RW2, Payloads.rw2(TS, 7, new String[] {"__name__", "m", "a", "b"}));
      await().atMost(Duration.ofSeconds(10)).until(() -> requests(a).size() == 1);
    }
    LoggedRequest req = requests(a).get(0);
    assertThat(req.getHeader("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(req.getHeader("Content-Encoding")).isEqualTo("snappy");
    assertThat(req.getHeader("X-Prometheus-Remote-Write-Version")).isEqualTo("0.1.0");
    assertThat(req.getHeader("User-Agent")).startsWith("rw-gateway/");
    Rw1Proto.WriteRequest body = Payloads.parseRw1(req.getBody());
    assertThat(Payloads.rw1Lines(body)).containsExactly("{__name__=\"m\",a=\"b\"} 7.0@" + TS);
  }

  @Test
  void retries500ThenDeliversOnce() throws Exception {
    a.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("try again")).willSetStateTo("ok"));
    a.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("ok").willReturn(rw2Ok()));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("a", url(a), Protocol.RW2)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 10, TS));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"a\"}") == 10);
      assertThat(gw.metric("rw_gateway_retries_total{backend=\"a\",reason=\"http_5xx\"}")).isEqualTo(1);
      assertThat(gw.metric("rw_gateway_dropped_samples_total{backend=\"a\",reason=\"http_5xx\"}")).isZero();
    }
    List<LoggedRequest> reqs = requests(a);
    assertThat(reqs).hasSize(2);
    assertThat(reqs.get(1).getBody()).isEqualTo(reqs.get(0).getBody());
    assertThat(reqs.get(1).getHeader("Retry-Attempt")).isEqualTo("1");
  }

  @Test
  void doesNotRetry400AndCountsTheDrop() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("out of order sample")));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("a", url(a), Protocol.RW2)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 3, TS));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> gw.metric("rw_gateway_dropped_samples_total{backend=\"a\",reason=\"backend_rejected\"}") == 3);
      // Give a wrong retry a chance to happen before checking it did not.
      await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> requests(a).size() == 1);
      assertThat(gw.metric("rw_gateway_retries_total{backend=\"a\",reason=\"http_400\"}")).isZero();
    }
  }

  @Test
  void honoursRetryAfterOn429() throws Exception {
    a.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
    a.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("ok").willReturn(rw2Ok()));
    // Backoff capped at 100 ms: only Retry-After can explain a 2 s gap.
    BackendConfig cfg = TestConfigs.withRetry(TestConfigs.backend("a", url(a), Protocol.RW2),
        new RetryConfig(Duration.ofMillis(10), Duration.ofMillis(100), true));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(cfg))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 2, TS));
      await().atMost(Duration.ofSeconds(10)).until(() -> requests(a).size() == 2);
      assertThat(gw.metric("rw_gateway_retries_total{backend=\"a\",reason=\"http_429\"}")).isEqualTo(1);
    }
    List<LoggedRequest> reqs = requests(a);
    long gap = reqs.get(1).getLoggedDate().getTime() - reqs.get(0).getLoggedDate().getTime();
    assertThat(gap).isBetween(1900L, 5000L);
  }

  @Test
  void slowBackendDoesNotDelayTheOther() throws Exception {
    a.stubFor(post(PATH).willReturn(rw2Ok().withFixedDelay(10_000)));
    b.stubFor(post(PATH).willReturn(rw2Ok()));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(
        TestConfigs.backend("slow", url(a), Protocol.RW2), TestConfigs.backend("fast", url(b), Protocol.RW1)))) {
      for (int i = 0; i < 5; i++) {
        long sent = System.nanoTime();
        HttpResponse<String> r = gw.write(CT_RW1, Payloads.rw1Many("up", 5, TS + i));
        assertThat(r.statusCode()).isEqualTo(204);
        int expected = i + 1;
        await().atMost(Duration.ofSeconds(2)).until(() -> requests(b).size() >= expected);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
      }
      assertThat(gw.metric("rw_gateway_sent_samples_total{backend=\"fast\"}")).isEqualTo(25);
      assertThat(gw.metric("rw_gateway_sent_samples_total{backend=\"slow\"}")).isZero();
    }
  }

  @Test
  void aFullDropOldestRouteNeitherRefusesTheSenderNorStallsTheOther() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    b.stubFor(post(PATH).willReturn(rw2Ok()));
    BackendConfig tiny = TestConfigs.withQueue(TestConfigs.backend("down", url(a), Protocol.RW2), 4096);
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(tiny, TestConfigs.backend("up", url(b), Protocol.RW2)))) {
      for (int i = 0; i < 40; i++) {
        assertThat(gw.write(CT_RW1, Payloads.rw1Many("up", 100, TS + i)).statusCode()).as("write " + i).isEqualTo(204);
        Thread.sleep(10);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"up\"}") == 4000);
      double dropped = gw.metric("rw_gateway_dropped_samples_total{backend=\"down\",reason=\"queue_full\"}");
      assertThat(dropped).as("the dead backend's own drops").isPositive();
      // Accepted = delivered + dropped + still queued, for the dead backend too.
      assertThat(gw.metric("rw_gateway_accepted_samples_total{backend=\"down\"}")).isEqualTo(4000);
      assertThat(dropped + gw.metric("rw_gateway_queue_samples{backend=\"down\"}")).isEqualTo(4000);
      // Bounded by configuration, not by traffic: the bound, plus what a dead route cannot evict (the
      // request in flight and the batches of the current window), far below the 40 writes' total.
      long oneWrite = Payloads.unsnappy(Payloads.rw1Many("up", 100, TS)).length;
      assertThat(gw.metric("rw_gateway_queue_bytes{backend=\"down\"}")).isLessThanOrEqualTo(4096 + 3.0 * oneWrite);
    }
  }

  @Test
  void aFullBlockRouteRefusesTheSenderWith503AndRetryAfter() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    b.stubFor(post(PATH).willReturn(rw2Ok()));
    BackendConfig tiny = TestConfigs.withOnFull(holdingOne("down", a), OnFull.BLOCK);
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(tiny, TestConfigs.backend("up", url(b), Protocol.RW2)))) {
      assertThat(gw.write(CT_RW1, Payloads.rw1Many("up", 50, TS)).statusCode()).isEqualTo(204);
      HttpResponse<String> r = gw.write(CT_RW1, Payloads.rw1Many("up", 50, TS + 1));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(r.body()).contains("down").contains("block");
      assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"rw1\",reason=\"backpressure\"}")).isEqualTo(1);
      // The refused batch went nowhere: the healthy backend got only the first one.
      await().atMost(Duration.ofSeconds(5)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"up\"}") == 50);
      await().during(Duration.ofMillis(300)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"up\"}") == 50);
      assertThat(gw.metric("rw_gateway_dropped_samples_total{backend=\"down\",reason=\"queue_full\"}")).isZero();
    }
  }

  @Test
  void whenEveryRouteIsFullTheSenderIsRefusedAndNothingIsDropped() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    BackendConfig tiny = holdingOne("only", a);
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(tiny))) {
      assertThat(gw.write(CT_RW1, Payloads.rw1Many("up", 50, TS)).statusCode()).isEqualTo(204);
      HttpResponse<String> r = gw.write(CT_RW1, Payloads.rw1Many("up", 50, TS + 1));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("all backends");
      assertThat(gw.metric("rw_gateway_dropped_samples_total{backend=\"only\",reason=\"queue_full\"}")).isZero();
    }
  }

  @Test
  void underBackpressureARequestIsRefusedBeforeItIsDecoded() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    byte[] body = Payloads.rw1Many("up", 50, TS);
    long decoded = Payloads.unsnappy(body).length;
    BackendConfig exact = TestConfigs.withMaxDelay(TestConfigs.withQueue(TestConfigs.backend("only", url(a), Protocol.RW2),
        decoded), Duration.ofSeconds(30));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(exact))) {
      assertThat(gw.write(CT_RW1, body).statusCode()).isEqualTo(204);
      for (int i = 0; i < 5; i++) {
        assertThat(gw.write(CT_RW1, body).statusCode()).isEqualTo(503);
      }
      assertThat(gw.metric("rw_gateway_received_decoded_bytes_total{protocol=\"rw1\"}")).as("decoded once").isEqualTo(decoded);
      assertThat(gw.metric("rw_gateway_rejected_requests_total{protocol=\"rw1\",reason=\"backpressure\"}")).isEqualTo(5);
    }
  }

  @Test
  void backpressureAnswers429WhenConfigured() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    BackendConfig tiny = holdingOne("only", a);
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.withBackpressureStatus(TestConfigs.gateway(tiny), 429))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 50, TS));
      HttpResponse<String> r = gw.write(GatewayHarness.CT_RW2, Payloads.rw2Many("up", 50, TS + 1));
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(r.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written")).hasValue("0");
    }
  }

  @Test
  void aRequestLargerThanAWholeQueueWaitsForAnEmptyQueueAndIsNeverRefusedForGood() throws Exception {
    a.stubFor(post(PATH).willReturn(rw2Ok()));
    BackendConfig tiny = TestConfigs.withQueue(TestConfigs.backend("small", url(a), Protocol.RW2), 256);
    for (OnFull onFull : OnFull.values()) {
      a.resetRequests();
      try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.withOnFull(tiny, onFull)))) {
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r;
        // The queue holds the previous request for a moment: 503 until it is empty, then taken.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((r = gw.write(CT_RW1, Payloads.rw1Many("up", 50, TS + i))).statusCode() == 503
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(r.statusCode()).as("write " + i).isEqualTo(204);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"small\"}") == 150);
      assertThat(gw.metric("rw_gateway_dropped_samples_total{backend=\"small\",reason=\"queue_full\"}")).isZero();
      }
    }
  }

  @Test
  void treats2xxWithoutWrittenHeadersFromRw2BackendAsUnsupported() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("old", url(a), Protocol.RW2)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 4, TS));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> gw.metric("rw_gateway_dropped_samples_total{backend=\"old\",reason=\"rw2_not_supported\"}") == 4);
    }
  }

  @Test
  void mergesIncomingRequestsIntoOneOutgoingRequestAndEncodesOncePerFormat() throws Exception {
    a.stubFor(post(PATH).willReturn(rw2Ok()));
    b.stubFor(post(PATH).willReturn(rw2Ok()));
    Duration delay = Duration.ofSeconds(2);
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(
        TestConfigs.withMaxDelay(TestConfigs.backend("a", url(a), Protocol.RW2), delay),
        TestConfigs.withMaxDelay(TestConfigs.backend("b", url(b), Protocol.RW2), delay)))) {
      for (int i = 0; i < 5; i++) {
        gw.write(CT_RW1, Payloads.rw1Many("up", 20, TS + i));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"b\"}") == 100
          && gw.metric("rw_gateway_sent_samples_total{backend=\"a\"}") == 100);
    }
    // Fewer outgoing requests than incoming ones, and byte-identical bodies for the two backends.
    assertThat(requests(a).size()).isLessThan(5);
    assertThat(requests(a).size()).isEqualTo(requests(b).size());
    for (int i = 0; i < requests(a).size(); i++) {
      assertThat(requests(a).get(i).getBody()).isEqualTo(requests(b).get(i).getBody());
    }
  }
  @Test
  void autoFallsBackToRw1On415AndStaysThere() throws Exception {
    a.stubFor(post(PATH).withHeader("Content-Type", equalTo("application/x-protobuf;proto=io.prometheus.write.v2.Request"))
        .willReturn(aResponse().withStatus(415).withBody("unsupported proto")));
    a.stubFor(post(PATH).withHeader("Content-Type", equalTo("application/x-protobuf"))
        .willReturn(aResponse().withStatus(204)));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("old", url(a), Protocol.AUTO)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 3, TS));
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"old\"}") == 3);
      gw.write(CT_RW1, Payloads.rw1Many("up", 3, TS + 1));
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"old\"}") == 6);
      assertThat(gw.metric("rw_gateway_protocol_fallbacks_total{backend=\"old\"}")).isEqualTo(1);
      assertThat(gw.metric("rw_gateway_dropped_samples_total{backend=\"old\",reason=\"backend_rejected\"}")).isZero();
    }
    List<LoggedRequest> reqs = requests(a);
    assertThat(reqs).extracting(r -> r.getHeader("Content-Type")).containsExactly(
        "application/x-protobuf;proto=io.prometheus.write.v2.Request", "application/x-protobuf", "application/x-protobuf");
    assertThat(reqs.get(1).getHeader("X-Prometheus-Remote-Write-Version")).isEqualTo("0.1.0");
    assertThat(Payloads.rw1Lines(Payloads.parseRw1(reqs.get(1).getBody()))).hasSize(3);
    assertThat(Payloads.rw1Lines(Payloads.parseRw1(reqs.get(2).getBody()))).hasSize(3);
  }

  @Test
  void autoFallsBackToRw1WhenA2xxHasNoWrittenHeaders() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("v1only", url(a), Protocol.AUTO)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 4, TS));
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"v1only\"}") == 4);
    }
    List<LoggedRequest> reqs = requests(a);
    assertThat(reqs).hasSize(2);
    assertThat(Payloads.rw1Lines(Payloads.parseRw1(reqs.get(1).getBody()))).hasSize(4);
  }

  @Test
  void rw2RouteDoesNotFallBackOn415ButDropsAndCounts() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(415)));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("strict", url(a), Protocol.RW2)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 2, TS));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> gw.metric("rw_gateway_dropped_samples_total{backend=\"strict\",reason=\"backend_rejected\"}") == 2);
    }
    assertThat(requests(a)).hasSize(1);
  }

  @Test
  void a413SplitsTheRequestInTwoHalvesThatKeepEverySeriesWhole() throws Exception {
    a.stubFor(post(PATH).inScenario("big").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(413).withBody("request too large")).willSetStateTo("ok"));
    a.stubFor(post(PATH).inScenario("big").whenScenarioStateIs("ok").willReturn(rw2Ok()));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("a", url(a), Protocol.RW2)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 10, TS));
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"a\"}") == 10);
      assertThat(gw.metric("rw_gateway_dropped_samples_total{backend=\"a\",reason=\"too_large\"}")).isZero();
    }
    List<LoggedRequest> reqs = requests(a);
    assertThat(reqs).hasSize(3);
    assertThat(Payloads.parseRw2(reqs.get(1).getBody()).getTimeseriesCount()).isEqualTo(5);
    assertThat(Payloads.parseRw2(reqs.get(2).getBody()).getTimeseriesCount()).isEqualTo(5);
  }

  @Test
  void a413ForASingleSeriesIsDroppedAsTooLarge() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(413)));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("a", url(a), Protocol.RW2)))) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 1, TS));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> gw.metric("rw_gateway_dropped_samples_total{backend=\"a\",reason=\"too_large\"}") == 1);
    }
  }

  @Test
  void aBackendSlowerThanTheTimeoutIsRetriedWithReasonTimeout() throws Exception {
    a.stubFor(post(PATH).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(rw2Ok().withFixedDelay(3000)).willSetStateTo("ok"));
    a.stubFor(post(PATH).inScenario("slow").whenScenarioStateIs("ok").willReturn(rw2Ok()));
    BackendConfig impatient = TestConfigs.withTimeout(TestConfigs.backend("a", url(a), Protocol.RW2), Duration.ofMillis(300));
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(impatient))) {
      long start = System.nanoTime();
      gw.write(CT_RW1, Payloads.rw1Many("up", 4, TS));
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"a\"}") == 4);
      // The whole exchange is bounded: delivered after the timeout and one retry, not after the 3 s answer.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
      assertThat(gw.metric("rw_gateway_retries_total{backend=\"a\",reason=\"timeout\"}")).isEqualTo(1);
      assertThat(gw.metric("rw_gateway_sent_requests_total{backend=\"a\",code=\"0\"}")).isEqualTo(1);
    }
  }

  @Test
  void whatIsLeftAtShutdownIsCountedEvenTheRequestBeingRetried() throws Exception {
    a.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("a", url(a), Protocol.RW2)));
    for (int i = 0; i < 3; i++) {
      gw.write(CT_RW1, Payloads.rw1Many("up", 5, TS + i));
      Thread.sleep(120);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> gw.metric("rw_gateway_retries_total{backend=\"a\",reason=\"http_5xx\"}") > 0);
    gw.close();
    MetricsText m = MetricsText.parse(gw.gateway().metrics().scrape());
    assertThat(m.sum("rw_gateway_accepted_samples_total", "backend", "a")).isEqualTo(15);
    assertThat(m.sum("rw_gateway_dropped_samples_total", "backend", "a", "reason", "shutdown")).isEqualTo(15);
    assertThat(m.sum("rw_gateway_queue_samples", "backend", "a")).isZero();
    assertThat(m.sum("rw_gateway_queue_bytes", "backend", "a")).isZero();
  }

  @Test
  void closingTheGatewayRemovesTheRoutesMeters() throws Exception {
    a.stubFor(post(PATH).willReturn(rw2Ok()));
    GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(TestConfigs.backend("gone", url(a), Protocol.RW2)));
    gw.write(CT_RW1, Payloads.rw1Many("up", 5, TS));
    await().atMost(Duration.ofSeconds(5)).until(() -> gw.metric("rw_gateway_sent_samples_total{backend=\"gone\"}") == 5);
    gw.gateway().close().await(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(gw.gateway().metrics().scrape()).doesNotContain("backend=\"gone\"");
    gw.close();
  }
}
