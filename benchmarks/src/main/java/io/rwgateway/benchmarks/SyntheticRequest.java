package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import java.util.Random;

/**
 * A synthetic Kubernetes-style request in the spirit of vmagent's remote-write benchmark: 2000
 * series of 10 labels each, one sample per series. Cardinalities are what a cluster scrape looks
 * like: 20 metric names (10 per pod), 200 pods spread over 10 namespaces, 20 nodes and 40
 * services, 2 containers per pod, one Prometheus. Deterministic (fixed seed), so every run decodes the same
 * bytes.
 */
public final class SyntheticRequest {
  public static final int SERIES = 2000;

  private static final String[] METRICS = {
      "container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
      "container_memory_rss", "container_network_receive_bytes_total",
      "container_network_transmit_bytes_total", "container_fs_reads_bytes_total",
      "container_fs_writes_bytes_total", "container_cpu_cfs_throttled_periods_total",
      "container_spec_memory_limit_bytes", "container_last_seen",
      "kube_pod_container_status_restarts_total", "kube_pod_container_status_ready",
      "kube_pod_container_resource_requests", "kube_pod_container_resource_limits",
      "kube_pod_status_phase", "kube_pod_info", "http_requests_total",
      "http_request_duration_seconds_sum", "http_request_duration_seconds_count",
      "process_resident_memory_bytes"};
  private static final String[] NAMESPACES = {
      "default", "kube-system", "monitoring", "ingress-nginx", "payments", "checkout", "catalog",
      "search", "auth", "logging"};
  private static final String[] CONTAINERS = {"app", "istio-proxy"};
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private SyntheticRequest() {}

  /** The request as a model batch; labels are sorted by the builder. */
  public static MetricBatch batch() {
    Random random = new Random(42);
    String[] pods = new String[200];
    for (int p = 0; p < pods.length; p++) {
      pods[p] = "svc" + (p % 40) + "-" + word(random, 10) + "-" + word(random, 5);
    }
    long timestamp = 1_795_618_067_656L;
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < SERIES; i++) {
      int p = i / 10; // ten series per pod, from one half of the metric names
      int node = p % 20;
      b.series(
              "__name__", METRICS[i % 10 + 10 * (p % 2)],
              "container", CONTAINERS[i % CONTAINERS.length],
              "endpoint", "https-metrics",
              "instance", "10.42." + node + "." + (10 + node) + ":10250",
              "job", "kubelet",
              "namespace", NAMESPACES[p % NAMESPACES.length],
              "node", "worker-" + node + ".cluster.local",
              "pod", pods[p],
              "prometheus", "monitoring/k8s",
              "service", "svc" + (p % 40))
          .sample(timestamp + random.nextInt(500), Math.floor(random.nextDouble() * 1e6))
          .add();
    }
    return b.build();
  }

  private static String word(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
