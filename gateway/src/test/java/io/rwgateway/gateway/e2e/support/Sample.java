package io.rwgateway.gateway.e2e.support;

/**
 * One raw sample as a backend stored it. The value is kept as raw bits so that a Prometheus
 * staleness marker (StaleNaN 0x7ff0000000000002, remote-write.md) stays distinct from an ordinary
 * NaN; record equality compares those bits exactly.
 *
 * @param timestampMillis sample timestamp in Unix milliseconds
 * @param valueBits       {@link Double#doubleToRawLongBits(double)} of the value
 */
public record Sample(long timestampMillis, long valueBits) {
  /** Prometheus' staleness marker value. */
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;

  public static Sample of(long timestampMillis, double value) {
    return new Sample(timestampMillis, Double.doubleToRawLongBits(value));
  }

  public double value() {
    return Double.longBitsToDouble(valueBits);
  }

  public boolean isStale() {
    return valueBits == STALE_NAN_BITS;
  }

  @Override
  public String toString() {
    return (isStale() ? "stale" : Double.toString(value())) + "@" + timestampMillis;
  }
}
