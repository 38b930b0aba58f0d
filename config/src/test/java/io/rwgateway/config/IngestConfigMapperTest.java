package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestConfigMapperTest {

  @Test
  void readsSizesInEveryForm() throws Exception {
    IngestConfig ingest = ConfigLoader.parse("ingest: {max_body_bytes: 1048576, max_decoded_bytes: 500KB}").ingest();

    assertThat(ingest.maxBodyBytes()).isEqualTo(1_048_576L);
    assertThat(ingest.maxDecodedBytes()).isEqualTo(500_000);
  }

  @Test
  void rejectsBadSizes() {
    assertThat(LoadErrors.of("ingest: {max_body_bytes: 10XB, max_decoded_bytes: 1.5MiB}")).containsExactly(
        "ingest.max_body_bytes: cannot parse size '10XB': unknown unit 'XB' (use B, KB, MB, GB, KiB, MiB, GiB)",
        "ingest.max_decoded_bytes: cannot parse size '1.5MiB': fractions are not supported,"
            + " use a smaller unit (e.g. 1536KiB)");
  }

  @Test
  void rejectsSizesOutOfRange() {
    assertThat(LoadErrors.of("ingest: {max_body_bytes: -1, max_decoded_bytes: 4GiB}")).containsExactly(
        "ingest.max_body_bytes: must be between 1B and 2147483647B, got -1",
        "ingest.max_decoded_bytes: must be between 1B and 2147483647B, got 4GiB");
    assertThat(LoadErrors.of("ingest: {max_body_bytes: '-1MiB'}"))
        .containsExactly("ingest.max_body_bytes: cannot parse size '-1MiB': must not be negative");
    assertThat(LoadErrors.of("ingest: {max_body_bytes: 99999999999999999999}"))
        .containsExactly("ingest.max_body_bytes: must be between 1B and 2147483647B, got 99999999999999999999");
  }

  @Test
  void rejectsIntegersThatAreNotIntegersOrOutOfRange() {
    assertThat(LoadErrors.of(String.join("\n",
        "ingest:",
        "  max_labels_per_series: 0",
        "  max_label_name_length: '30'",
        "  max_label_value_length: 1.5",
        "  metadata_cache: {max_families: 99999999999}"))).containsExactly(
        "ingest.max_labels_per_series: must be at least 1, got 0",
        "ingest.max_label_name_length: must be an integer, got '30'",
        "ingest.max_label_value_length: must be an integer, got 1.5",
        "ingest.metadata_cache.max_families: must be between 1 and 2147483647, got 99999999999");
  }

  @Test
  void readsTheMetadataCache() throws Exception {
    MetadataCacheConfig cache = ConfigLoader.parse("ingest:\n  metadata_cache:\n    max_families: 10\n    ttl: 90s\n")
        .ingest().metadataCache();

    assertThat(cache).isEqualTo(new MetadataCacheConfig(10, Duration.ofSeconds(90)));
  }

  @Test
  void rejectsZeroTtl() {
    assertThat(LoadErrors.of("ingest: {metadata_cache: {ttl: 0}}"))
        .containsExactly("ingest.metadata_cache.ttl: must be at least 1ms, got 0");
  }

  @Test
  void rejectsWrongNodeKinds() {
    assertThat(LoadErrors.of("ingest: 5")).containsExactly("ingest: must be a map, got 5");
    assertThat(LoadErrors.of("ingest: {metadata_cache: [1]}"))
        .containsExactly("ingest.metadata_cache: must be a map, got a list");
    assertThat(LoadErrors.of("ingest: {max_body_bytes: {a: 1}}")).containsExactly(
        "ingest.max_body_bytes: must be a size in bytes or with a unit (e.g. 64MiB, 500KB, 1048576), got a map");
  }

  @Test
  void reportsUnknownKeys() {
    assertThat(LoadErrors.of("ingest: {max_bodybytes: 1MiB, metadata_cache: {max_family: 5, size: 1}}"))
        .containsExactly(
            "ingest.metadata_cache.max_family: unknown key (did you mean max_families?)",
            "ingest.metadata_cache.size: unknown key",
            "ingest.max_bodybytes: unknown key (did you mean max_body_bytes?)");
  }

  @Test
  void backpressureIs503UnlessSetTo429() throws Exception {
    assertThat(ConfigLoader.parse("").ingest().backpressureStatus()).isEqualTo(503);
    assertThat(ConfigLoader.parse("ingest: {backpressure_status: 429}").ingest().backpressureStatus()).isEqualTo(429);
    assertThat(LoadErrors.of("ingest: {backpressure_status: 500}")).containsExactly(
        "ingest.backpressure_status: must be 503 or 429, got 500");
    assertThat(LoadErrors.of("ingest: {backpressure_status: 200}")).containsExactly(
        "ingest.backpressure_status: must be between 429 and 503, got 200");
  }
}
