package io.rwgateway.gateway.e2e.support;

import java.time.Duration;
import java.util.List;

/**
 * prometheus.yml for a sender whose remote_write entries keep Prometheus' own queue defaults, to
 * see how a stock Prometheus meets the gateway's answers (e.g. 503 backpressure). Only the batch
 * deadline is shortened to 1 s, as in {@code start-prometheus-sender.sh}, so that a test need not
 * wait 5 s per batch. Everything else is left out and takes the 2.42 defaults (checked through
 * {@code /api/v1/status/config}): remote_timeout 30s, capacity 2500, min_shards 1, max_shards 200,
 * max_samples_per_send 500, min_backoff 30ms, max_backoff 5s, retry_on_http_429 false (a 429 is
 * dropped, a 5xx retried forever), metadata every 1m.
 *
 * <p>Scrapes like {@link PrometheusSenderConfig}: itself as job "prometheus", the extra targets as
 * job "extra", every {@code scrapeInterval}. Entries are named "rw-0", "rw-1"... in URL order, the
 * {@code remote_name} label of Prometheus' {@code prometheus_remote_storage_*} metrics.
 */
public final class DefaultQueueSenderConfig {
  private DefaultQueueSenderConfig() {
  }

  /** The {@code remote_name} of the entry for {@code remoteWriteUrls.get(index)}. */
  public static String remoteName(int index) {
    return PrometheusSenderConfig.remoteName(index);
  }

  public static String yaml(int port, List<String> remoteWriteUrls, Duration scrapeInterval,
      List<PeerProcess> extraTargets) {
    if (remoteWriteUrls.isEmpty()) {
      throw new IllegalArgumentException("cannot write a sender config without a remote write URL");
    }
    String interval = PrometheusSenderOptions.promDuration(scrapeInterval);
    StringBuilder y = new StringBuilder();
    y.append("global:\n");
    y.append("  scrape_interval: ").append(interval).append('\n');
    y.append("  scrape_timeout: ").append(interval).append('\n');
    y.append("  evaluation_interval: ").append(interval).append('\n');
    y.append("scrape_configs:\n");
    y.append("  - job_name: prometheus\n");
    y.append("    static_configs: [{targets: ['127.0.0.1:").append(port).append("']}]\n");
    if (!extraTargets.isEmpty()) {
      y.append("  - job_name: extra\n");
      y.append("    static_configs:\n");
      y.append("      - targets:\n");
      for (PeerProcess target : extraTargets) {
        y.append("          - '127.0.0.1:").append(target.port()).append("'\n");
      }
    }
    y.append("remote_write:\n");
    for (int i = 0; i < remoteWriteUrls.size(); i++) {
      y.append("  - url: '").append(remoteWriteUrls.get(i).replace("'", "''")).append("'\n");
      y.append("    name: ").append(remoteName(i)).append('\n');
      y.append("    queue_config:\n");
      y.append("      batch_send_deadline: 1s\n");
    }
    return y.toString();
  }
}
