package io.rwgateway.gateway.e2e.support;

import java.time.Duration;

/**
 * prometheus.yml for a Prometheus that scrapes one real node exporter as a fleet of {@code hosts}
 * hosts: static targets {@code host-001:9100}, {@code host-002:9100}... in three zones, each kept
 * as its {@code instance} label (plus {@code env}) by relabelling and then pointed at the node
 * exporter's address, as service discovery plus relabel_configs would do. Every host exposes the
 * same families with its own label set, so the fleet is {@code hosts} x the exporter's series (about
 * 510 here). It also scrapes itself (job "prometheus"), every {@code scrapeInterval}.
 *
 * <p>One remote_write entry (name "rw-0") with Prometheus' default queue_config (nothing set: 500
 * samples a request, 5 s deadline, 1 to 200 shards). Only {@code metadata_config.send_interval} is
 * set, to {@code metadataInterval}: the default (1 m) would send the first metadata only after a
 * minute, longer than a CI test runs, and the series before it reach a RW 2.0 backend without HELP
 * text. {@link #withoutScrapes} is the same file with no scrape job, for a reload that stops
 * scraping while the queue drains.
 */
public final class FleetSenderConfig {
  private FleetSenderConfig() {
  }

  /** The {@code remote_name} label of the one remote_write entry. */
  public static String remoteName() {
    return PrometheusSenderConfig.remoteName(0);
  }

  public static String yaml(int port, String remoteWriteUrl, Duration scrapeInterval, Duration metadataInterval,
      PeerProcess nodeExporter, int hosts) {
    if (hosts < 1) {
      throw new IllegalArgumentException("cannot scrape a fleet of " + hosts + " hosts");
    }
    StringBuilder y = global(scrapeInterval);
    y.append("scrape_configs:\n");
    y.append("  - job_name: prometheus\n");
    y.append("    static_configs: [{targets: ['127.0.0.1:").append(port).append("']}]\n");
    y.append("  - job_name: node\n");
    y.append("    static_configs:\n");
    String[] zones = {"a", "b", "c"};
    for (int z = 0; z < zones.length; z++) {
      if (z >= hosts) {
        break;
      }
      y.append("      - labels: {zone: eu-west-1").append(zones[z]).append("}\n");
      y.append("        targets:\n");
      for (int h = z + 1; h <= hosts; h += zones.length) {
        y.append("          - 'host-").append(String.format("%03d", h)).append(":9100'\n");
      }
    }
    y.append("    relabel_configs:\n");
    y.append("      - source_labels: [__address__]\n");
    y.append("        target_label: instance\n");
    y.append("      - target_label: env\n");
    y.append("        replacement: prod\n");
    y.append("      - source_labels: [instance]\n");
    y.append("        regex: 'host-\\d*[05]:9100'\n");
    y.append("        target_label: env\n");
    y.append("        replacement: staging\n");
    y.append("      - target_label: __address__\n");
    y.append("        replacement: '127.0.0.1:").append(nodeExporter.port()).append("'\n");
    return remoteWrite(y, remoteWriteUrl, metadataInterval).toString();
  }

  /** The same sender with no scrape job: nothing new is scraped, the queue still drains. */
  public static String withoutScrapes(String remoteWriteUrl, Duration scrapeInterval, Duration metadataInterval) {
    StringBuilder y = global(scrapeInterval);
    y.append("scrape_configs: []\n");
    return remoteWrite(y, remoteWriteUrl, metadataInterval).toString();
  }

  private static StringBuilder global(Duration scrapeInterval) {
    String interval = PrometheusSenderOptions.promDuration(scrapeInterval);
    String timeout = PrometheusSenderOptions.promDuration(
        scrapeInterval.compareTo(Duration.ofSeconds(10)) < 0 ? scrapeInterval : Duration.ofSeconds(10));
    StringBuilder y = new StringBuilder();
    y.append("global:\n");
    y.append("  scrape_interval: ").append(interval).append('\n');
    y.append("  scrape_timeout: ").append(timeout).append('\n');
    y.append("  evaluation_interval: ").append(interval).append('\n');
    return y;
  }

  private static StringBuilder remoteWrite(StringBuilder y, String url, Duration metadataInterval) {
    y.append("remote_write:\n");
    y.append("  - url: '").append(url.replace("'", "''")).append("'\n");
    y.append("    name: ").append(remoteName()).append('\n');
    y.append("    metadata_config:\n");
    y.append("      send_interval: ").append(PrometheusSenderOptions.promDuration(metadataInterval)).append('\n');
    return y;
  }
}
