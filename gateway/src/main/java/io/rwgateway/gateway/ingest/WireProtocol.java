package io.rwgateway.gateway.ingest;

/**
 * The message an ingest request carries, chosen by its path and Content-Type (remote-write.md §2.2,
 * otlp.md §1.1).
 */
public enum WireProtocol {
  RW1("rw1"),
  RW2("rw2"),
  /** OTLP metrics, over HTTP or gRPC, protobuf or JSON: translated into the model (otlp.md). */
  OTLP("otlp");

  private final String label;

  WireProtocol(String label) {
    this.label = label;
  }

  /** The value of the {@code protocol} metric label. */
  public String label() {
    return label;
  }
}
