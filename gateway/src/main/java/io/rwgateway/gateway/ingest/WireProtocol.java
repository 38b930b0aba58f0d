package io.rwgateway.gateway.ingest;

/** The message an ingest request carries, chosen by its Content-Type (remote-write.md §2.2). */
public enum WireProtocol {
  RW1("rw1"),
  RW2("rw2");

  private final String label;

  WireProtocol(String label) {
    this.label = label;
  }

  /** The value of the {@code protocol} metric label. */
  public String label() {
    return label;
  }
}
