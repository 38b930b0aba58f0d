package io.rwgateway.config;

import java.util.Objects;

/**
 * Limits applied to every ingest request (remote-write.md §5 "Receiver").
 *
 * @param maxBodyBytes        compressed request body limit; larger bodies get 413
 * @param maxDecodedBytes     limit on the snappy-declared decoded size, checked before allocating
 * @param maxLabelsPerSeries  labels per series, {@code __name__} included
 * @param maxLabelNameLength  characters in one label name
 * @param maxLabelValueLength characters in one label value
 * @param metadataCache       the RW 1.0 metadata join cache
 * @param backpressureStatus  what a sender gets when the gateway cannot take its data now: 503
 *                            (default) or 429, always with {@code Retry-After}
 */
public record IngestConfig(long maxBodyBytes, int maxDecodedBytes, int maxLabelsPerSeries,
    int maxLabelNameLength, int maxLabelValueLength, MetadataCacheConfig metadataCache, int backpressureStatus) {

  public IngestConfig {
    Objects.requireNonNull(metadataCache, "metadataCache");
    if (backpressureStatus != 503 && backpressureStatus != 429) {
      throw new IllegalArgumentException("backpressureStatus must be 503 or 429");
    }
  }

  /** Limits with the default backpressure status. */
  public IngestConfig(long maxBodyBytes, int maxDecodedBytes, int maxLabelsPerSeries, int maxLabelNameLength,
      int maxLabelValueLength, MetadataCacheConfig metadataCache) {
    this(maxBodyBytes, maxDecodedBytes, maxLabelsPerSeries, maxLabelNameLength, maxLabelValueLength, metadataCache,
        Defaults.BACKPRESSURE_STATUS);
  }

  public static IngestConfig defaults() {
    return new IngestConfig(Defaults.MAX_BODY_BYTES, Defaults.MAX_DECODED_BYTES,
        Defaults.MAX_LABELS_PER_SERIES, Defaults.MAX_LABEL_NAME_LENGTH, Defaults.MAX_LABEL_VALUE_LENGTH,
        MetadataCacheConfig.defaults(), Defaults.BACKPRESSURE_STATUS);
  }
}
