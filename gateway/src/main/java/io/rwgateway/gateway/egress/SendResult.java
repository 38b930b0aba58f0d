package io.rwgateway.gateway.egress;

import io.rwgateway.gateway.status.StatusCodes;

/**
 * The outcome of one attempt to send a request to a backend.
 *
 * @param status     HTTP status, 0 for a network error or timeout
 * @param reason     metric label value for retries and drops
 * @param detail     one line for the log (truncated response body or error message)
 * @param retryAfter the backend's Retry-After header, if any
 */
record SendResult(StatusCodes.Outcome outcome, int status, String reason, String detail, String retryAfter) {

  static SendResult networkError(Throwable cause) {
    String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String reason = cause instanceof java.util.concurrent.TimeoutException
        || msg.toLowerCase(java.util.Locale.ROOT).contains("timeout") ? "timeout" : "network_error";
    return new SendResult(StatusCodes.Outcome.RETRYABLE, 0, reason, msg.replace('\n', ' '), null);
  }
}
