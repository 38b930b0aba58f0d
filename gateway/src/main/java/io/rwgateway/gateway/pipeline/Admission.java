package io.rwgateway.gateway.pipeline;

/**
 * The answer of a {@link BatchSink}: accepted by every route, or refused because the queue of
 * {@code fullBackend} has no room (ingest then answers 429 and the sender keeps the data).
 */
public record Admission(boolean accepted, String fullBackend) {
  public static final Admission ACCEPTED = new Admission(true, null);

  public static Admission queueFull(String backend) {
    return new Admission(false, backend);
  }
}
