package io.rwgateway.translators.model;

/**
 * Metric type, numbered as in RW 2.0 {@code Metadata.MetricType} and RW 1.0
 * {@code MetricMetadata.MetricType} (the two enums map 1:1 by number, remote-write.md §3.2.5).
 */
public enum MetricType {
  UNSPECIFIED,
  COUNTER,
  GAUGE,
  HISTOGRAM,
  GAUGEHISTOGRAM,
  SUMMARY,
  INFO,
  STATESET;

  private static final MetricType[] BY_CODE = values();

  /** The wire number of this type. */
  public int code() {
    return ordinal();
  }

  /** The type for a wire number; unknown numbers (from a newer sender) read as UNSPECIFIED. */
  public static MetricType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNSPECIFIED;
  }
}
