package io.rwgateway.gateway.ingest;

/**
 * How an OTLP message is serialized: binary protobuf or the proto3 JSON mapping with OTLP's
 * deviations (otlp.md §1.1, §1.3). The answer is written the same way as the request (§1.1 MUST).
 */
public enum OtlpEncoding {
  PROTOBUF("protobuf", "application/x-protobuf"),
  JSON("json", "application/json");

  private final String label;
  private final String mediaType;

  OtlpEncoding(String label, String mediaType) {
    this.label = label;
    this.mediaType = mediaType;
  }

  /** The value of the {@code encoding} metric label. */
  public String label() {
    return label;
  }

  public String mediaType() {
    return mediaType;
  }
}
