package io.rwgateway.gateway.ingest;

/** Where an OTLP request arrived: OTLP/HTTP on the main port, or OTLP/gRPC on its own. */
public enum OtlpTransport {
  HTTP("http"),
  GRPC("grpc");

  private final String label;

  OtlpTransport(String label) {
    this.label = label;
  }

  /** The value of the {@code transport} metric label. */
  public String label() {
    return label;
  }
}
