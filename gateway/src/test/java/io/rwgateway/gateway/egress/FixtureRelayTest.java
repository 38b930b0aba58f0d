package io.rwgateway.gateway.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.Payloads;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.gateway.testing.WrittenHeaders;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real payloads captured from Prometheus 2.42 (../shared/fixtures) relayed through the gateway to a
 * RW 2.0 and a RW 1.0 backend: every sample, histogram and exemplar arrives, exemplars ride on the
 * samples of their series, and Prometheus' metadata is attached to the series in RW 2.0.
 */
class FixtureRelayTest {
  private static final String PATH = "/api/v1/write";

  private static List<Path> bodies(String dir) throws Exception {
    Path root = Path.of(System.getProperty("rwgateway.fixtures"), dir);
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.toString().endsWith(".body")).sorted().toList();
    }
  }

  /**
   * The default backend settings on real Prometheus traffic (1 s scrapes, one sample per series and
   * request; 15 requests sent within one max_delay): each label set becomes one series holding all
   * its samples, RW 2.0 out is at most 0.40x the RW 1.0 bytes in with metadata on every series, and
   * the RW 1.0 backend gets fewer bytes than came in (its metadata once, not in every request).
   * Paced traffic is measured in docs/benchmarks.md "Egress bytes".
   */
  @Test
  void defaultSettingsSendFewerBytesThanTheyReceive() throws Exception {
    List<Path> files = bodies("rw1-prometheus");
    long samples = 0;
    long bytesIn = 0;
    for (Path f : files) {
      bytesIn += Files.size(f);
      for (Rw1Proto.TimeSeries ts : Payloads.parseRw1(Files.readAllBytes(f)).getTimeseriesList()) {
        samples += ts.getSamplesCount();
      }
    }
    WireMockServer backend = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .extensions(new WrittenHeaders()));
    backend.start();
    try {
      backend.stubFor(post(urlEqualTo("/rw2")).willReturn(aResponse().withStatus(204).withTransformers(WrittenHeaders.NAME)));
      backend.stubFor(post(urlEqualTo("/rw1")).willReturn(aResponse().withStatus(204)));
      String base = "http://127.0.0.1:" + backend.port();
      // The RW 1.0 backend flushes every 100 ms, so the burst reaches it in two windows: its
      // metadata must still go out once per family (the cadence is wired), not once per request.
      BackendConfig rw1 = TestConfigs.withMaxDelay(
          TestConfigs.withProtocol(BackendConfig.withDefaults("one", URI.create(base + "/rw1")), Protocol.RW1),
          Duration.ofMillis(100));
      try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(
          BackendConfig.withDefaults("two", URI.create(base + "/rw2")), rw1))) {
        int half = files.size() / 2;
        for (int i = 0; i < files.size(); i++) {
          assertThat(gw.write(GatewayHarness.CT_RW1, Files.readAllBytes(files.get(i))).statusCode()).isEqualTo(204);
          if (i == half) {
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.findAll(postRequestedFor(urlEqualTo("/rw1"))).size() > 0);
          }
        }
        long s = samples;
        for (String b : new String[] {"two", "one"}) {
          await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
              assertThat(gw.metric("rw_gateway_sent_samples_total{backend=\"" + b + "\"}")).isEqualTo(s));
        }
        assertThat(gw.metric("rw_gateway_received_bytes_total{protocol=\"rw1\"}")).isEqualTo(bytesIn);
        double rw2Out = gw.metric("rw_gateway_sent_bytes_total{backend=\"two\",encoding=\"snappy\"}");
        double rw1Out = gw.metric("rw_gateway_sent_bytes_total{backend=\"one\",encoding=\"snappy\"}");
        assertThat(rw2Out / bytesIn).as("RW 2.0 out / RW 1.0 in").isLessThanOrEqualTo(0.40);
        assertThat(rw1Out / bytesIn).as("RW 1.0 out / RW 1.0 in").isLessThan(1.0);
        assertThat(gw.metric("rw_gateway_egress_ratio{backend=\"two\"}")).isEqualTo(rw2Out / bytesIn, within(1e-9));
      }
      boolean help = false;
      for (LoggedRequest req : backend.findAll(postRequestedFor(urlEqualTo("/rw2")))) {
        Rw2Proto.Request r = Payloads.parseRw2(req.getBody());
        // The first requests came before Prometheus' first metadata request: those samples carry
        // no metadata and stay a series of their own; otherwise one series per label set.
        Set<List<Object>> seen = new HashSet<>();
        for (Rw2Proto.TimeSeries ts : r.getTimeseriesList()) {
          help |= ts.getMetadata().getHelpRef() != 0;
          assertThat(seen.add(List.of(ts.getLabelsRefsList(), ts.getMetadata()))).as("label set repeated").isTrue();
        }
      }
      assertThat(help).as("HELP text kept").isTrue();
      List<LoggedRequest> rw1Requests = backend.findAll(postRequestedFor(urlEqualTo("/rw1")));
      assertThat(rw1Requests).as("RW 1.0 requests (two windows at least)").hasSizeGreaterThanOrEqualTo(2);
      Set<String> families = new HashSet<>();
      for (LoggedRequest req : rw1Requests) {
        for (Rw1Proto.MetricMetadata m : Payloads.parseRw1(req.getBody()).getMetadataList()) {
          assertThat(families.add(m.getMetricFamilyName())).as("metadata of " + m.getMetricFamilyName()
              + " sent again within a minute").isTrue();
        }
      }
      assertThat(families).as("RW 1.0 backend got the metadata").isNotEmpty();
    } finally {
      backend.stop();
    }
  }

  @Test
  void relaysEveryCapturedPrometheusPayloadCompletely() throws Exception {
    List<Path> files = new ArrayList<>(bodies("rw1-prometheus"));
    files.addAll(bodies("rw1-prometheus-native-exemplars"));
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (Path f : files) {
      Rw1Proto.WriteRequest w = Payloads.parseRw1(Files.readAllBytes(f));
      for (Rw1Proto.TimeSeries ts : w.getTimeseriesList()) {
        samples += ts.getSamplesCount();
        histograms += ts.getHistogramsCount();
        exemplars += ts.getExemplarsCount();
      }
    }
    assertThat(samples).isPositive();
    assertThat(histograms).isPositive();
    assertThat(exemplars).isPositive();

    WireMockServer rw2 = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .extensions(new WrittenHeaders()));
    WireMockServer rw1 = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    rw2.start();
    rw1.start();
    try {
      // Exact Written counts: sent_histograms and sent_exemplars below come from them (RW 2.0 §2.5).
      rw2.stubFor(post(PATH).willReturn(aResponse().withStatus(204).withTransformers(WrittenHeaders.NAME)));
      rw1.stubFor(post(PATH).willReturn(aResponse().withStatus(204)));
      try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway(
          TestConfigs.backend("two", "http://127.0.0.1:" + rw2.port() + PATH, Protocol.RW2),
          TestConfigs.backend("one", "http://127.0.0.1:" + rw1.port() + PATH, Protocol.RW1)))) {
        for (Path f : files) {
          assertThat(gw.write(GatewayHarness.CT_RW1, Files.readAllBytes(f)).statusCode()).as(f.toString()).isEqualTo(204);
        }
        long s = samples;
        long h = histograms;
        long e = exemplars;
        for (String b : new String[] {"two", "one"}) {
          await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gw.metric("rw_gateway_sent_samples_total{backend=\"" + b + "\"}")).isEqualTo(s);
            assertThat(gw.metric("rw_gateway_sent_histograms_total{backend=\"" + b + "\"}")).isEqualTo(h);
            assertThat(gw.metric("rw_gateway_sent_exemplars_total{backend=\"" + b + "\"}")).isEqualTo(e);
          });
        }
      }
      boolean sawMetadata = false;
      long exemplarsOnSamples = 0;
      for (LoggedRequest req : rw2.findAll(postRequestedFor(urlEqualTo(PATH)))) {
        Rw2Proto.Request r = Payloads.parseRw2(req.getBody());
        assertThat(r.getSymbols(0)).isEmpty();
        assertThat(new HashSet<>(r.getSymbolsList())).hasSize(r.getSymbolsCount());
        Set<List<Integer>> withData = new HashSet<>();
        for (Rw2Proto.TimeSeries ts : r.getTimeseriesList()) {
          assertThat(ts.getSamplesCount() > 0 && ts.getHistogramsCount() > 0).isFalse();
          if (ts.getSamplesCount() + ts.getHistogramsCount() > 0) {
            withData.add(ts.getLabelsRefsList());
            exemplarsOnSamples += ts.getExemplarsCount();
          }
          if (ts.hasMetadata() && ts.getMetadata().getType() != Rw2Proto.Metadata.MetricType.METRIC_TYPE_UNSPECIFIED
              && ts.getMetadata().getHelpRef() != 0) {
            sawMetadata = true;
          }
        }
        for (Rw2Proto.TimeSeries ts : r.getTimeseriesList()) {
          if (ts.getSamplesCount() + ts.getHistogramsCount() == 0) {
            assertThat(withData).as("exemplar-only series left although its samples are in the request")
                .doesNotContain(ts.getLabelsRefsList());
          }
        }
      }
      assertThat(sawMetadata).as("Prometheus' metadata attached to RW 2.0 series").isTrue();
      assertThat(exemplarsOnSamples).isPositive();
    } finally {
      rw2.stop();
      rw1.stop();
    }
  }
}
