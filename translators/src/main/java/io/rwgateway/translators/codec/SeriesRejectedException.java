package io.rwgateway.translators.codec;

/**
 * One series is invalid (bad labels, bad histogram, ...): the decoder skips it, counts it in
 * {@link Rejections} and keeps the rest of the request. Cheap: no stack trace.
 */
public final class SeriesRejectedException extends Exception {
  private final String reason;

  public SeriesRejectedException(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
