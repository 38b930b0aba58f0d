package io.rwgateway.gateway.pipeline;

/**
 * The answer of a {@link BatchSink}: accepted (every route took the batch into its queue, or
 * dropped it there by its own policy, counted), or refused, in which case the sender keeps the
 * data: {@link Refusal#BACKPRESSURE} (every route is full, or a {@code block} route is: 503 or 429
 * with {@code Retry-After}) or {@link Refusal#TOO_LARGE} (larger than a route's whole queue: 413).
 */
public record Admission(Refusal refusal, String backend, String detail) {
  public static final Admission ACCEPTED = new Admission(null, null, null);

  public enum Refusal { BACKPRESSURE, TOO_LARGE }

  public boolean accepted() {
    return refusal == null;
  }

  public static Admission backpressure(String backend, String detail) {
    return new Admission(Refusal.BACKPRESSURE, backend, detail);
  }

  public static Admission tooLarge(String backend, String detail) {
    return new Admission(Refusal.TOO_LARGE, backend, detail);
  }
}
