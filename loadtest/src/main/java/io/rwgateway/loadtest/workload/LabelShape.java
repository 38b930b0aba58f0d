package io.rwgateway.loadtest.workload;

import java.util.Locale;

/**
 * How series are labelled, from {@code --label-shape}. {@code kubernetes} and {@code static} are
 * shaped like what a Prometheus scrape sends (see {@link RealisticLabels}); {@code synthetic} is the
 * loadtest's first shape ({@code rwlt_<kind>_<n>}, {@code series_id}, {@code label_N}), kept to
 * compare with.
 */
public enum LabelShape {
  /** Realistic families and values; target labels of a Kubernetes pod scrape (job, instance, namespace, pod, container). */
  KUBERNETES("kubernetes"),
  /** Realistic families and values; target labels of a static_configs scrape (job, instance only). */
  STATIC("static"),
  /** {@code rwlt_<kind>_<n>} names, {@code job="rwlt"}, {@code series_id}, {@code label_N="value_M"}. */
  SYNTHETIC("synthetic");

  private final String flagName;

  LabelShape(String flagName) {
    this.flagName = flagName;
  }

  public String flagName() {
    return flagName;
  }

  public boolean realistic() {
    return this != SYNTHETIC;
  }

  public static LabelShape parse(String text) {
    for (LabelShape s : values()) {
      if (s.flagName.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("cannot parse --label-shape \"" + text + "\": kubernetes, static or synthetic");
  }
}
