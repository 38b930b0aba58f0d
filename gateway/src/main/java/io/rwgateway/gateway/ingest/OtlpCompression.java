package io.rwgateway.gateway.ingest;

/** The body compressions an OTLP receiver MUST support (otlp.md §1.1, §1.4): gzip and none. */
public enum OtlpCompression {
  IDENTITY("identity"),
  GZIP("gzip");

  private final String label;

  OtlpCompression(String label) {
    this.label = label;
  }

  /** The value of the {@code compression} metric label, and the gRPC encoding name. */
  public String label() {
    return label;
  }
}
