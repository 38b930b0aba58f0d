package io.rwgateway.translators.otlp;

/** The five OTLP data point kinds (the {@code Metric.data} oneof), for per-kind counts. */
public enum PointKind {
  GAUGE("gauge"),
  SUM("sum"),
  HISTOGRAM("histogram"),
  EXPONENTIAL_HISTOGRAM("exponential_histogram"),
  SUMMARY("summary");

  private final String label;

  PointKind(String label) {
    this.label = label;
  }

  /** The value of a {@code kind} metric label. */
  public String label() {
    return label;
  }
}
