package io.rwgateway.config;

import java.time.Duration;

/** Maps {@code ingest} to {@link IngestConfig} and {@link MetadataCacheConfig}, with their bounds. */
final class IngestConfigMapper {
  /** Bodies and decoded payloads live in one byte array, so no limit can pass an int. */
  private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE;
  private static final int NO_LIMIT = Integer.MAX_VALUE;

  private IngestConfigMapper() {
  }

  static IngestConfig map(MapReader r) {
    long maxBodyBytes = r.size("max_body_bytes", Defaults.MAX_BODY_BYTES, 1, MAX_ARRAY_BYTES);
    int maxDecodedBytes = (int) r.size("max_decoded_bytes", Defaults.MAX_DECODED_BYTES, 1, MAX_ARRAY_BYTES);
    int maxLabels = r.integer("max_labels_per_series", Defaults.MAX_LABELS_PER_SERIES, 1, NO_LIMIT);
    int maxNameLength = r.integer("max_label_name_length", Defaults.MAX_LABEL_NAME_LENGTH, 1, NO_LIMIT);
    int maxValueLength = r.integer("max_label_value_length", Defaults.MAX_LABEL_VALUE_LENGTH, 1, NO_LIMIT);
    MetadataCacheConfig metadataCache = metadataCache(r.map("metadata_cache"));
    int backpressureStatus = r.integer("backpressure_status", Defaults.BACKPRESSURE_STATUS, 429, 503);
    if (backpressureStatus != 429 && backpressureStatus != 503 && !r.failed("backpressure_status")) {
      r.error("backpressure_status", "must be 503 or 429, got " + backpressureStatus);
      backpressureStatus = Defaults.BACKPRESSURE_STATUS;
    }
    r.rejectUnknownKeys();
    return new IngestConfig(maxBodyBytes, maxDecodedBytes, maxLabels, maxNameLength, maxValueLength, metadataCache,
        backpressureStatus);
  }

  private static MetadataCacheConfig metadataCache(MapReader r) {
    int maxFamilies = r.integer("max_families", Defaults.METADATA_MAX_FAMILIES, 1, NO_LIMIT);
    Duration ttl = r.duration("ttl", Defaults.METADATA_TTL, Duration.ofMillis(1), null);
    r.rejectUnknownKeys();
    return new MetadataCacheConfig(maxFamilies, ttl);
  }
}
