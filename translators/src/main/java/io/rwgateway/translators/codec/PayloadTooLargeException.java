package io.rwgateway.translators.codec;

/** The payload (compressed or as declared by its snappy preamble) is over a limit: 413. */
public final class PayloadTooLargeException extends InvalidPayloadException {
  public PayloadTooLargeException(String reason, String message) {
    super(reason, message);
  }
}
