package io.rwgateway.loadtest.workload;

import io.rwgateway.translators.model.MetricType;

/**
 * What a generated unit is. A classic histogram is 8 {@code _bucket} series (le up to +Inf) plus
 * {@code _sum} and {@code _count}; a summary 3 quantiles plus {@code _sum} and {@code _count}: as
 * Prometheus exposes them, each is several series, and {@code --series} counts series.
 */
public enum SeriesKind {
  COUNTER("counter", 1, MetricType.COUNTER),
  GAUGE("gauge", 1, MetricType.GAUGE),
  HISTOGRAM("histogram", ClassicBuckets.BOUNDS.length + 2, MetricType.HISTOGRAM),
  NATIVE("native", 1, MetricType.HISTOGRAM),
  SUMMARY("summary", ClassicBuckets.QUANTILES.length + 2, MetricType.SUMMARY);

  private final String flagName;
  private final int seriesPerUnit;
  private final MetricType type;

  SeriesKind(String flagName, int seriesPerUnit, MetricType type) {
    this.flagName = flagName;
    this.seriesPerUnit = seriesPerUnit;
    this.type = type;
  }

  /** The name used in {@code --mix} and in metric names. */
  public String flagName() {
    return flagName;
  }

  /** Series one unit of this kind is made of. */
  public int seriesPerUnit() {
    return seriesPerUnit;
  }

  public MetricType type() {
    return type;
  }

  /** Metric name suffix of member {@code m} of a unit. */
  String suffix(int m) {
    return switch (this) {
      case COUNTER -> "_total";
      case GAUGE, NATIVE -> "";
      case HISTOGRAM -> m < ClassicBuckets.BOUNDS.length ? "_bucket" : m == ClassicBuckets.BOUNDS.length ? "_sum" : "_count";
      case SUMMARY -> m < ClassicBuckets.QUANTILES.length ? "" : m == ClassicBuckets.QUANTILES.length ? "_sum" : "_count";
    };
  }
}
