package io.rwgateway.gateway.e2e.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * prometheus.yml for a sender that remote-writes to several URLs at once, e.g. to the gateway
 * and straight to a reference VictoriaMetrics. {@code start-prometheus-sender.sh} takes exactly one
 * URL, so for more than one the tests write this file and start the same binary themselves.
 *
 * <p>Everything except the number of remote_write entries mirrors the script's generated config
 * (scrape job "prometheus" on itself, job "extra", queue and metadata settings), so a test can use
 * either path. Every entry gets the same queue settings and reads the same WAL, hence receives the
 * same samples with the same timestamps: only the path after Prometheus differs, and the
 * {@code write_relabel_configs} of an entry when the options give it some.
 */
final class PrometheusSenderConfig {
  private PrometheusSenderConfig() {
  }

  /** Remote write entry names: unique per config (Prometheus rejects duplicates), "rw-0", "rw-1"... */
  static String remoteName(int index) {
    return "rw-" + index;
  }

  static String yaml(int port, List<String> remoteWriteUrls, PrometheusSenderOptions options) {
    for (String url : options.writeRelabelConfigs().keySet()) {
      if (!remoteWriteUrls.contains(url)) {
        throw new IllegalArgumentException("cannot write write_relabel_configs for " + url
            + ": it is not one of the remote write URLs " + remoteWriteUrls);
      }
    }
    String interval = PrometheusSenderOptions.promDuration(options.scrapeInterval());
    StringBuilder y = new StringBuilder();
    y.append("global:\n");
    y.append("  scrape_interval: ").append(interval).append('\n');
    y.append("  scrape_timeout: ").append(interval).append('\n');
    y.append("  evaluation_interval: ").append(interval).append('\n');
    if (!options.externalLabels().isEmpty()) {
      y.append("  external_labels:\n");
      for (Map.Entry<String, String> label : new TreeMap<>(options.externalLabels()).entrySet()) {
        y.append("    ").append(label.getKey()).append(": ").append(quote(label.getValue())).append('\n');
      }
    }
    y.append("scrape_configs:\n");
    y.append("  - job_name: prometheus\n");
    y.append("    static_configs: [{targets: [").append(quote("127.0.0.1:" + port)).append("]}]\n");
    if (!options.extraTargets().isEmpty()) {
      y.append("  - job_name: extra\n");
      y.append("    static_configs:\n");
      y.append("      - targets:\n");
      for (String target : options.extraTargets()) {
        y.append("          - ").append(quote(target)).append('\n');
      }
    }
    y.append("remote_write:\n");
    for (int i = 0; i < remoteWriteUrls.size(); i++) {
      y.append("  - url: ").append(quote(remoteWriteUrls.get(i))).append('\n');
      y.append("    name: ").append(remoteName(i)).append('\n');
      y.append("    remote_timeout: 10s\n");
      y.append("    send_exemplars: ").append(options.sendExemplars()).append('\n');
      y.append("    send_native_histograms: ").append(options.sendNativeHistograms()).append('\n');
      y.append("    queue_config:\n");
      y.append("      batch_send_deadline: 1s\n");
      y.append("      max_samples_per_send: 2000\n");
      y.append("      min_backoff: 100ms\n");
      y.append("      max_backoff: 2s\n");
      y.append("    metadata_config:\n");
      y.append("      send: true\n");
      y.append("      send_interval: ").append(PrometheusSenderOptions.promDuration(options.metadataInterval()))
          .append('\n');
      y.append("      max_samples_per_send: 2000\n");
      String rules = options.writeRelabelConfigs().get(remoteWriteUrls.get(i));
      if (rules != null) {
        y.append("    write_relabel_configs:\n").append(YamlBlocks.indent(rules, 6));
      }
    }
    return y.toString();
  }

  /** YAML single-quoted scalar: no escapes except '' for a quote, so any URL or value is safe. */
  private static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
