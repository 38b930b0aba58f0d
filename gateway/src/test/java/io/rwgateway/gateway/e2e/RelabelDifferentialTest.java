package io.rwgateway.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rwgateway.config.ConfigLoader;
import io.rwgateway.config.GatewayConfig;
import io.rwgateway.gateway.e2e.support.ExportDiff;
import io.rwgateway.gateway.e2e.support.ExportedSeries;
import io.rwgateway.gateway.e2e.support.PeerProcess;
import io.rwgateway.gateway.e2e.support.Peers;
import io.rwgateway.gateway.e2e.support.PeersExtension;
import io.rwgateway.gateway.e2e.support.PrometheusSenderOptions;
import io.rwgateway.gateway.e2e.support.RuleEffects;
import io.rwgateway.gateway.e2e.support.SeriesSetDiff;
import io.rwgateway.gateway.e2e.support.Teardown;
import io.rwgateway.gateway.e2e.support.VictoriaMetricsClient;
import io.rwgateway.gateway.e2e.support.YamlBlocks;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.MetricsText;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The differential proof that the gateway relabels exactly like Prometheus 2.42. One rule file
 * ({@code relabel/differential-rules.yaml}: every action, Go template quirks included) is given,
 * as text, to both. A real Prometheus scraping itself and a node exporter remote-writes RW 1.0:
 * <ul>
 *   <li>straight to VictoriaMetrics {@code vmProm}, with the rules as its own
 *       {@code write_relabel_configs}: the reference;</li>
 *   <li>without rules to gateway W, whose backend {@code vmGw} has the rules as
 *       {@code write_relabel_configs} and whose backend {@code vmRaw} has none (the data before
 *       relabeling, to show that every rule changes something);</li>
 *   <li>without rules to gateway G, which applies the rules as global {@code relabel_configs}
 *       before its backend {@code vmGlobal}.</li>
 * </ul>
 * The three relabeled stores must hold the same series and, in the window all have fully
 * received, the same samples. No two series collide under these rules, so the samples of each
 * relabeled series are exactly one scraped series' samples (VictoriaMetrics 1.79 speaks RW 1.0 only,
 * hence {@code protocol: rw1} towards it).
 *
 * <p>One difference is intended and checked as such: a series the rules leave without
 * {@code __name__} is sent on by Prometheus (VictoriaMetrics stores it nameless) but never by the
 * gateway, which drops it as {@code relabel_no_name} (remote-write.md §1.5). The series compared
 * above are the named ones ({@link VictoriaMetricsClient#ALL_SERIES}).
 */
@Tag("e2e")
@ExtendWith(PeersExtension.class)
class RelabelDifferentialTest {
  private static final String WRITE = "/api/v1/write";
  private static final String RULES = "/relabel/differential-rules.yaml";
  private static final Duration MAX_DELAY = Duration.ofMillis(200);
  /** ExportDiff margin: Prometheus' 1 s batch deadline, one gateway hop's max_delay, slack. */
  private static final Duration SETTLE = Duration.ofSeconds(2).plus(MAX_DELAY);
  /** Prometheus' remote write starts about 5-6 s after startup; then the window must grow. */
  private static final Duration STORES_MATCH = Duration.ofSeconds(40);
  private static final Duration MIN_WINDOW = Duration.ofSeconds(3);
  /** Series without a metric name (rule 19 makes some); ALL_SERIES leaves them out. */
  private static final String NAMELESS = "{__name__=\"\",job=~\".+\"}";

  /** What the stores held when they first all agreed. */
  private record Stores(List<ExportedSeries> raw, List<ExportedSeries> prom, String report) {}

  @Test
  void gatewayRelabelsExactlyLikePrometheus(Peers peers) throws Exception {
    long started = System.nanoTime();
    String rules = rulesText();
    PeerProcess vmProm = peers.startVictoriaMetrics();
    PeerProcess vmGw = peers.startVictoriaMetrics();
    PeerProcess vmGlobal = peers.startVictoriaMetrics();
    PeerProcess vmRaw = peers.startVictoriaMetrics();
    PeerProcess nodeExporter = peers.startNodeExporter();
    GatewayConfig writeRelabeling = ConfigLoader.parse(writeRelabelGateway(vmGw, vmRaw, rules));
    GatewayConfig globalRelabeling = ConfigLoader.parse(globalRelabelGateway(vmGlobal, rules));
    List<RelabelRule> parsed = writeRelabeling.backends().get(0).writeRelabelConfigs();
    assertThat(parsed).hasSizeGreaterThanOrEqualTo(12);
    assertThat(EnumSet.copyOf(parsed.stream().map(RelabelRule::action).toList()))
        .as("actions in " + RULES).isEqualTo(EnumSet.allOf(RelabelAction.class));
    assertThat(writeRelabeling.backends().get(1).writeRelabelConfigs()).isEmpty();
    assertThat(globalRelabeling.relabelConfigs()).isEqualTo(parsed);
    VictoriaMetricsClient prom = new VictoriaMetricsClient(vmProm);
    VictoriaMetricsClient viaWrite = new VictoriaMetricsClient(vmGw);
    VictoriaMetricsClient viaGlobal = new VictoriaMetricsClient(vmGlobal);
    VictoriaMetricsClient raw = new VictoriaMetricsClient(vmRaw);
    try (Teardown teardown = new Teardown()) {
      GatewayHarness gwWrite = teardown.add(new GatewayHarness(writeRelabeling));
      GatewayHarness gwGlobal = teardown.add(new GatewayHarness(globalRelabeling));
      teardown.add(peers::stopSenders);
      peers.startPrometheusSender(PrometheusSenderOptions.defaults().withExtraTargets(nodeExporter)
              .withWriteRelabelConfigs(vmProm.writeUrl(), rules),
          List.of(vmProm.writeUrl(), gwWrite.url(WRITE), gwGlobal.url(WRITE)));
      System.out.println("peers and gateways up after " + millisSince(started) + " ms");

      AtomicReference<Stores> agreed = new AtomicReference<>();
      await().atMost(STORES_MATCH).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        List<ExportedSeries> before = raw.exportAll();
        List<ExportedSeries> reference = prom.exportAll();
        List<ExportedSeries> write = viaWrite.exportAll();
        List<ExportedSeries> global = viaGlobal.exportAll();
        // both scrape jobs have reached the stores, not just the first self-scrape
        assertThat(jobs(before)).as("jobs in vmRaw").containsExactlyInAnyOrder("prometheus", "extra");
        SeriesSetDiff writeSeries = SeriesSetDiff.of("vmProm", labels(reference), "vmGw (write_relabel_configs)",
            labels(write));
        SeriesSetDiff globalSeries = SeriesSetDiff.of("vmProm", labels(reference), "vmGlobal (relabel_configs)",
            labels(global));
        assertThat(writeSeries.matches()).as(writeSeries.toString()).isTrue();
        assertThat(globalSeries.matches()).as(globalSeries.toString()).isTrue();
        ExportDiff writeSamples = ExportDiff.inCommonWindow(reference, write, SETTLE);
        ExportDiff globalSamples = ExportDiff.inCommonWindow(reference, global, SETTLE);
        assertSameSamples("vmGw", writeSamples);
        assertSameSamples("vmGlobal", globalSamples);
        agreed.set(new Stores(before, reference, writeSeries + "; " + globalSeries + "\n  vmGw samples: "
            + writeSamples + "\n  vmGlobal samples: " + globalSamples));
      });
      Stores stores = agreed.get();
      System.out.println("relabeled stores match after " + millisSince(started) + " ms: " + stores.report());

      assertRulesChangedTheData(stores);
      assertEveryRuleBites(parsed, stores.raw());
      // the intended difference: Prometheus sends the nameless scrape_series_added on, the gateway does not
      assertThat(prom.export(NAMELESS)).as("nameless series in vmProm")
          .extracting(series -> series.labels().get("job")).containsExactlyInAnyOrder("prometheus", "extra");
      assertThat(viaWrite.export(NAMELESS)).as("nameless series in vmGw").isEmpty();
      assertThat(viaGlobal.export(NAMELESS)).as("nameless series in vmGlobal").isEmpty();

      peers.stopSenders(); // everything sent has now reached the gateways
      for (GatewayHarness gateway : List.of(gwWrite, gwGlobal)) {
        MetricsText metrics = MetricsText.parse(gateway.gateway().metrics().scrape());
        assertThat(metrics.sum("rw_gateway_relabel_dropped_series_total", "reason", "relabel_drop"))
            .as("series dropped by rules").isPositive();
        assertThat(metrics.sum("rw_gateway_relabel_dropped_series_total", "reason", "relabel_no_name"))
            .as("series left without a name").isPositive();
        assertThat(metrics.nonZero("rw_gateway_rejected_")).isEmpty();
        assertThat(metrics.nonZero("rw_gateway_dropped_")).isEmpty();
      }
    }
    System.out.println("senders and gateways stopped after " + millisSince(started) + " ms");
  }

  private static void assertSameSamples(String store, ExportDiff diff) {
    assertThat(diff.matches()).as(store + " samples in the common window: " + diff).isTrue();
    assertThat(diff.window()).as(store + " window: " + diff).isGreaterThanOrEqualTo(MIN_WINDOW);
    assertThat(diff.samplesCompared()).as(store + ": " + diff).isGreaterThan(diff.seriesCompared());
  }

  /** The reference itself shows the rules at work: fewer series, new labels, rewritten values. */
  private static void assertRulesChangedTheData(Stores stores) {
    Set<SortedMap<String, String>> before = Set.copyOf(labels(stores.raw()));
    Set<SortedMap<String, String>> after = Set.copyOf(labels(stores.prom()));
    System.out.println("series: " + before.size() + " scraped (vmRaw), " + after.size() + " after relabeling");
    // a thousand-odd series of Prometheus and the node exporter, about an eighth dropped by hashmod + keep
    assertThat(before.size()).isGreaterThan(700);
    assertThat(after.size()).isGreaterThan(before.size() / 2).isLessThan(before.size());
    assertThat(after).noneMatch(before::contains); // rules 4 and 5 label every series
    Set<String> names = new TreeSet<>();
    after.forEach(labels -> names.addAll(labels.keySet()));
    assertThat(names).contains("subsystem", "origin", "le_1", "dialer", "listener", "shard")
        .doesNotContain("version", "dialer_name", "listener_name", "__tmp_bucket", "__tmp_round_code");
    assertThat(after).anyMatch(labels -> "IDLE".equals(labels.get("mode")))
        .anyMatch(labels -> "+inf".equals(labels.get("le")))
        .anyMatch(labels -> "v".equals(labels.get("goversion")))
        .anyMatch(labels -> "extra".equals(labels.get("job")) && labels.get("origin").startsWith("extra/"))
        .anyMatch(labels -> labels.get("__name__").startsWith("tsdb."))
        .noneMatch(labels -> labels.get("__name__").startsWith("go_gc_"))
        .noneMatch(labels -> labels.get("__name__").startsWith("prometheus_tsdb_"))
        .noneMatch(labels -> "503".equals(labels.get("code")))
        .noneMatch(labels -> labels.get("__name__").startsWith("process_"))
        .noneMatch(labels -> "node".equals(labels.get("subsystem")) && "0".equals(labels.get("cpu")))
        .noneMatch(labels -> "prometheus".equals(labels.get("dialer")));
  }

  /**
   * A rule that matches nothing proves nothing: with the gateway's engine (which the stores above
   * show to agree with Prometheus on the whole list), each rule must change what the rules before
   * it made of the scraped series.
   */
  private static void assertEveryRuleBites(List<RelabelRule> rules, List<ExportedSeries> scraped) {
    List<RuleEffects.Effect> effects = RuleEffects.of(rules, labels(scraped));
    StringBuilder table = new StringBuilder("series changed by each rule:");
    effects.forEach(effect -> table.append("\n  ").append(effect));
    System.out.println(table);
    assertThat(effects).as(table.toString()).allMatch(effect -> effect.changed() > 0);
  }

  private static List<SortedMap<String, String>> labels(List<ExportedSeries> series) {
    return SeriesSetDiff.labelsOf(series);
  }

  private static Set<String> jobs(List<ExportedSeries> series) {
    Set<String> jobs = new TreeSet<>();
    series.forEach(s -> jobs.add(s.labels().get("job")));
    return jobs;
  }

  /** Two gateways in one JVM cannot both take the default OTLP/gRPC port; this test needs none. */
  private static final String NO_GRPC = "otlp: {grpc_listen_address: ''}\n";

  /** Gateway W: vmGw behind the rules as write_relabel_configs, vmRaw without rules. */
  private static String writeRelabelGateway(PeerProcess vmGw, PeerProcess vmRaw, String rules) {
    return "listen_address: 127.0.0.1:0\n"
        + "stats_log_interval: 0s\n"
        + NO_GRPC
        + "backends:\n"
        + backend("vmgw", vmGw)
        + "    write_relabel_configs:\n" + YamlBlocks.indent(rules, 6)
        + backend("vmraw", vmRaw);
  }

  /** Gateway G: the rules as global relabel_configs, one backend. */
  private static String globalRelabelGateway(PeerProcess vmGlobal, String rules) {
    return "listen_address: 127.0.0.1:0\n"
        + "stats_log_interval: 0s\n"
        + NO_GRPC
        + "relabel_configs:\n" + YamlBlocks.indent(rules, 2)
        + "backends:\n"
        + backend("vmglobal", vmGlobal);
  }

  private static String backend(String name, PeerProcess vm) {
    return "  - name: " + name + "\n"
        + "    url: '" + vm.writeUrl() + "'\n"
        + "    protocol: rw1\n"
        + "    batch: {max_delay: " + MAX_DELAY.toMillis() + "ms}\n";
  }

  private static String rulesText() throws IOException {
    try (InputStream in = RelabelDifferentialTest.class.getResourceAsStream(RULES)) {
      if (in == null) {
        throw new IOException("cannot read " + RULES + ": not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
