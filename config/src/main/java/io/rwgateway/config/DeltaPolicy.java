package io.rwgateway.config;

import java.util.Optional;

/**
 * What the gateway does with OTLP delta-temporality sums and histograms, which Prometheus rejects
 * by default (otlp.md §2.7, §6.1).
 */
public enum DeltaPolicy {
  /** Drop the points, count them and report them in {@code partial_success}. */
  DROP("drop"),
  /** Write the deltas as they are, typed unknown (Prometheus' otlp-native-delta-ingestion). */
  PASS("pass"),
  /**
   * Accumulate per series into cumulative values (Prometheus' otlp-deltatocumulative). The state is
   * per gateway process: behind a load balancer, each sender must be pinned to one replica.
   */
  TO_CUMULATIVE("to_cumulative");

  private final String configName;

  DeltaPolicy(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Optional<DeltaPolicy> fromConfigName(String name) {
    for (DeltaPolicy p : values()) {
      if (p.configName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
