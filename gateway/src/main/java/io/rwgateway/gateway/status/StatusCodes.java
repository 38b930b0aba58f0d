package io.rwgateway.gateway.status;

/**
 * Every HTTP status decision of the gateway, in and out, in one place (style.md "Two kinds of
 * failure"; remote-write.md §1.7, §2.5, §3.4).
 *
 * <p>In: what the gateway answers a sender. Out: how a backend's answer is classified.
 */
public final class StatusCodes {
  /** Success, empty body (RW 2.0 §2.5 SHOULD 204). */
  public static final int ACCEPTED = 204;
  /** Some or all of the request is invalid and will never succeed (§1.7 MUST 400). */
  public static final int INVALID = 400;
  public static final int METHOD_NOT_ALLOWED = 405;
  /** Body over the configured limit. */
  public static final int TOO_LARGE = 413;
  /** Content-Type or Content-Encoding not supported, decided before the body (§2.5 MUST 415). */
  public static final int UNSUPPORTED_MEDIA_TYPE = 415;
  /** A backend queue is full: the sender keeps the data and retries later (architecture.md). */
  public static final int OVERLOADED = 429;
  public static final int NOT_FOUND = 404;

  /** Seconds a sender is asked to wait when a queue is full. */
  public static final int OVERLOAD_RETRY_AFTER_SECONDS = 1;

  private StatusCodes() {}

  /** How a backend's answer is handled. */
  public enum Outcome {
    /** Delivered. */
    SUCCESS,
    /** Retry with backoff: network error, timeout, 5xx, and 429 when configured (§1.7, §2.6). */
    RETRYABLE,
    /** Drop and count, never retry: every other 4xx (§1.7 MUST NOT retry 4xx other than 429). */
    PERMANENT
  }

  /**
   * Classifies a backend's HTTP status. 1xx and 3xx are not expected from a remote-write receiver
   * (the client does not follow redirects for a POST); they are treated as permanent so a
   * misconfigured URL shows up as drops rather than an endless retry loop.
   */
  public static Outcome classifyBackend(int status, boolean retryOn429) {
    if (status >= 200 && status < 300) {
      return Outcome.SUCCESS;
    }
    if (status == 429) {
      return retryOn429 ? Outcome.RETRYABLE : Outcome.PERMANENT;
    }
    if (status >= 500) {
      return Outcome.RETRYABLE;
    }
    return Outcome.PERMANENT;
  }

  /** Metric label for a backend status: "2xx", "4xx", ... plus the exact code for the common ones. */
  public static String codeLabel(int status) {
    return Integer.toString(status);
  }
}
