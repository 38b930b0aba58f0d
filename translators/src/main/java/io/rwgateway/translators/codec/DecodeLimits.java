package io.rwgateway.translators.codec;

/**
 * Receiver limits (remote-write.md §5 "Receiver": receivers MAY limit the number and length of
 * labels; the decoded size is checked from the snappy preamble before allocating).
 *
 * @param maxDecodedBytes     largest decoded (uncompressed) body accepted
 * @param maxLabelsPerSeries  labels per series, {@code __name__} included
 * @param maxLabelNameLength  bytes in one label name (UTF-8)
 * @param maxLabelValueLength bytes in one label value (UTF-8)
 */
public record DecodeLimits(int maxDecodedBytes, int maxLabelsPerSeries, int maxLabelNameLength,
    int maxLabelValueLength) {

  /** Prometheus' handler caps bodies at 32 MiB; label limits as Mimir's defaults (30, 1024, 2048). */
  public static final DecodeLimits DEFAULTS = new DecodeLimits(32 << 20, 30, 1024, 2048);
}
