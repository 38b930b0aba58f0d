package io.rwgateway.translators.otlp;

/**
 * What happens to a delta Sum, Histogram or ExponentialHistogram (otlp.md §2.7). The spec allows
 * converting deltas to cumulative and otherwise requires dropping them.
 */
public enum DeltaMode {
  /** Reject the metric's points, counted as {@code delta_temporality} and reported in partial_success (default). */
  DROP("drop"),
  /**
   * Write the deltas as they are, typed unknown, without start timestamps, native histograms with
   * reset hint GAUGE: Prometheus' {@code otlp-native-delta-ingestion}. Query with {@code sum_over_time}.
   */
  PASS("pass"),
  /**
   * Sum the deltas per series into cumulative values (Prometheus' {@code otlp-deltatocumulative}).
   * State is per translator, so behind a load balancer a sender must stay pinned to one replica.
   */
  TO_CUMULATIVE("to_cumulative");

  private final String configName;

  DeltaMode(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** The mode named {@code name} in the config, or null. */
  public static DeltaMode fromConfigName(String name) {
    for (DeltaMode m : values()) {
      if (m.configName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
