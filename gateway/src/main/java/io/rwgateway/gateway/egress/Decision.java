package io.rwgateway.gateway.egress;

/**
 * What to do with a request after one attempt (style.md "Two kinds of failure"), as decided by
 * {@link BackendAnswers}, the one place that reads a backend's answer.
 *
 * @param kind        delivered, retry, fall back to RW 1.0 and resend, split in two, or drop
 * @param status      HTTP status, 0 for a network error, a timeout or an exception
 * @param reason      metric label for a retry or a drop (http_503, timeout, backend_rejected, ...)
 * @param detail      one line for the log: the backend's answer (truncated) or the error
 * @param retryAfterMillis the backend's {@code Retry-After} as a delay, or -1 when absent
 * @param delivered   for DELIVERED: what the backend wrote (RW 2.0 {@code Written} headers, clamped
 *                    to what was sent; what was sent for RW 1.0)
 * @param sent        what the attempt carried on the wire (after a RW 1.0 transcoding, which can
 *                    refuse series)
 */
public record Decision(Kind kind, int status, String reason, String detail, long retryAfterMillis,
    Counts delivered, Counts sent) {

  public enum Kind {
    DELIVERED,
    /** Retryable: network error, timeout, 5xx, 429 when configured (remote-write.md §1.7, §2.6). */
    RETRY,
    /** A {@code protocol: auto} backend refused RW 2.0: resend now as RW 1.0 (§2.6 MAY, §3.4). */
    FALL_BACK,
    /** 413: the request is resent as two halves, each series whole in one of them. */
    SPLIT,
    /** Permanent: dropped and counted with {@link #reason}, never retried (§1.7 MUST NOT). */
    DROP
  }

  static Decision delivered(int status, Counts written, Counts sent) {
    return new Decision(Kind.DELIVERED, status, "ok", "", -1, written, sent);
  }

  static Decision retry(int status, String reason, String detail, long retryAfterMillis) {
    return new Decision(Kind.RETRY, status, reason, detail, retryAfterMillis, Counts.ZERO, Counts.ZERO);
  }

  static Decision drop(int status, String reason, String detail) {
    return new Decision(Kind.DROP, status, reason, detail, -1, Counts.ZERO, Counts.ZERO);
  }

  /** The same decision turned into a drop (shutdown while retrying, a split that cannot split). */
  Decision asDrop(String dropReason) {
    return new Decision(Kind.DROP, status, dropReason, detail, -1, Counts.ZERO, Counts.ZERO);
  }
}
