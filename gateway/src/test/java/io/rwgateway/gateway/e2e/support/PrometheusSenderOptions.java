package io.rwgateway.gateway.e2e.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knobs of {@code start-prometheus-sender.sh}, as one immutable value. The same options drive
 * the script (as environment variables) and {@link PrometheusSenderConfig} (the multi-URL config
 * written by the tests), so both launch paths scrape and send alike.
 *
 * @param scrapeInterval       scrape and evaluation interval (script default 1s)
 * @param extraTargets         more loopback targets "127.0.0.1:PORT", scraped as job "extra"
 * @param externalLabels       added by Prometheus to every sent series
 * @param features             {@code --enable-feature} value, e.g. "exemplar-storage,native-histograms"
 * @param sendExemplars        remote_write send_exemplars (needs feature exemplar-storage)
 * @param sendNativeHistograms remote_write send_native_histograms (needs feature native-histograms)
 * @param metadataInterval     remote_write metadata_config.send_interval (script default 5s)
 * @param writeRelabelConfigs  per remote_write URL, the raw YAML list of its write_relabel_configs
 *                             (written at column 0, as in a rule file); URLs not listed have none.
 *                             Only {@link PrometheusSenderConfig} can write them, so a sender with
 *                             any is never started through the script
 */
public record PrometheusSenderOptions(
    Duration scrapeInterval,
    List<String> extraTargets,
    Map<String, String> externalLabels,
    String features,
    boolean sendExemplars,
    boolean sendNativeHistograms,
    Duration metadataInterval,
    Map<String, String> writeRelabelConfigs) {

  public PrometheusSenderOptions {
    extraTargets = List.copyOf(extraTargets);
    externalLabels = Map.copyOf(externalLabels);
    writeRelabelConfigs = Map.copyOf(writeRelabelConfigs);
  }

  /** The script's defaults: 1 s scrapes, itself only, 5 s metadata, no features. */
  public static PrometheusSenderOptions defaults() {
    return new PrometheusSenderOptions(Duration.ofSeconds(1), List.of(), Map.of(), "", false, false,
        Duration.ofSeconds(5), Map.of());
  }

  public PrometheusSenderOptions withScrapeInterval(Duration interval) {
    return new PrometheusSenderOptions(interval, extraTargets, externalLabels, features, sendExemplars,
        sendNativeHistograms, metadataInterval, writeRelabelConfigs);
  }

  /** Scrape these loopback peers too (e.g. a node exporter or fake exporter), as job "extra". */
  public PrometheusSenderOptions withExtraTargets(PeerProcess... targets) {
    String[] hostPorts = new String[targets.length];
    for (int i = 0; i < targets.length; i++) {
      hostPorts[i] = "127.0.0.1:" + targets[i].port();
    }
    return new PrometheusSenderOptions(scrapeInterval, List.of(hostPorts), externalLabels, features, sendExemplars,
        sendNativeHistograms, metadataInterval, writeRelabelConfigs);
  }

  public PrometheusSenderOptions withExternalLabels(Map<String, String> labels) {
    return new PrometheusSenderOptions(scrapeInterval, extraTargets, labels, features, sendExemplars,
        sendNativeHistograms, metadataInterval, writeRelabelConfigs);
  }

  /** Exemplar storage and native histograms on, and both sent over remote write. */
  public PrometheusSenderOptions withExemplarsAndNativeHistograms() {
    return new PrometheusSenderOptions(scrapeInterval, extraTargets, externalLabels,
        "exemplar-storage,native-histograms", true, true, metadataInterval, writeRelabelConfigs);
  }

  public PrometheusSenderOptions withMetadataInterval(Duration interval) {
    return new PrometheusSenderOptions(scrapeInterval, extraTargets, externalLabels, features, sendExemplars,
        sendNativeHistograms, interval, writeRelabelConfigs);
  }

  /**
   * Prometheus relabels what it sends to {@code remoteWriteUrl} with {@code rulesYaml}, a YAML list
   * of relabel_config items written at column 0 (e.g. the text of a rule file); it is indented under
   * that URL's {@code write_relabel_configs:} as is, so keep YAML comments and quoting as you like.
   */
  public PrometheusSenderOptions withWriteRelabelConfigs(String remoteWriteUrl, String rulesYaml) {
    if (rulesYaml.isBlank()) {
      throw new IllegalArgumentException("cannot relabel what goes to " + remoteWriteUrl + ": no rules given");
    }
    Map<String, String> rules = new LinkedHashMap<>(writeRelabelConfigs);
    rules.put(remoteWriteUrl, rulesYaml);
    return new PrometheusSenderOptions(scrapeInterval, extraTargets, externalLabels, features, sendExemplars,
        sendNativeHistograms, metadataInterval, rules);
  }

  /** The environment {@code start-prometheus-sender.sh} reads these options from. */
  Map<String, String> scriptEnvironment() {
    if (!writeRelabelConfigs.isEmpty()) {
      throw new IllegalArgumentException("cannot pass write_relabel_configs to start-prometheus-sender.sh:"
          + " it writes none; start the sender through PrometheusSenderConfig");
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SCRAPE_INTERVAL", promDuration(scrapeInterval));
    env.put("METADATA_INTERVAL", promDuration(metadataInterval));
    env.put("EXTRA_TARGETS", String.join(",", extraTargets));
    env.put("EXTERNAL_LABELS", joinLabels());
    env.put("PROM_FEATURES", features);
    env.put("SEND_EXEMPLARS", Boolean.toString(sendExemplars));
    env.put("SEND_NATIVE_HISTOGRAMS", Boolean.toString(sendNativeHistograms));
    return env;
  }

  private String joinLabels() {
    StringBuilder joined = new StringBuilder();
    for (Map.Entry<String, String> label : new java.util.TreeMap<>(externalLabels).entrySet()) {
      if (label.getValue().contains(",") || label.getValue().contains("\"")) {
        // the script splits EXTERNAL_LABELS on "," and writes values in double quotes unescaped
        throw new IllegalArgumentException("cannot pass external label " + label.getKey()
            + " to start-prometheus-sender.sh: its value contains ',' or '\"'");
      }
      joined.append(joined.length() == 0 ? "" : ",").append(label.getKey()).append('=').append(label.getValue());
    }
    return joined.toString();
  }

  /** Prometheus duration syntax: whole seconds as "5s", anything finer as milliseconds "500ms". */
  static String promDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("cannot use a non-positive Prometheus duration: " + duration);
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
