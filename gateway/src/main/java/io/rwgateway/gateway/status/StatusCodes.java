package io.rwgateway.gateway.status;

/**
 * What the gateway answers a sender, in one place (remote-write.md §1.7, §2.5, §3.4). How a
 * backend's answer is read is the egress side's one place: {@code egress.BackendAnswers}.
 */
public final class StatusCodes {
  /** Success, empty body (RW 2.0 §2.5 SHOULD 204). */
  public static final int ACCEPTED = 204;
  /** Some or all of the request is invalid and will never succeed (§1.7 MUST 400). */
  public static final int INVALID = 400;
  public static final int METHOD_NOT_ALLOWED = 405;
  /** Body (or its declared decoded size) over the configured limit. */
  public static final int TOO_LARGE = 413;
  /** Content-Type or Content-Encoding not supported, decided before the body (§2.5 MUST 415). */
  public static final int UNSUPPORTED_MEDIA_TYPE = 415;

  /**
   * Seconds a sender is asked to wait under backpressure (503 by default, or 429: config
   * {@code ingest.backpressure_status}; §1.7 "MUST return 5xx when the write should be retried").
   */
  public static final int OVERLOAD_RETRY_AFTER_SECONDS = 1;

  private StatusCodes() {}
}
