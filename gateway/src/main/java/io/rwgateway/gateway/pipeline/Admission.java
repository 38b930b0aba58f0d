package io.rwgateway.gateway.pipeline;

/**
 * The answer of a {@link BatchSink}: accepted (every route took the batch into its queue, or
 * dropped it there by its own policy, counted), or refused under backpressure (every route is
 * full, or a {@code block} route is: 503 or 429 with {@code Retry-After}), in which case the
 * sender keeps the data and comes back.
 */
public record Admission(boolean accepted, String backend, String detail) {
  public static final Admission ACCEPTED = new Admission(true, null, null);

  public static Admission backpressure(String backend, String detail) {
    return new Admission(false, backend, detail);
  }
}
