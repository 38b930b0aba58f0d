package io.rwgateway.translators.codec;

/**
 * The whole payload cannot be decoded (bad snappy, malformed protobuf, ...): the receiver answers
 * 400 (remote-write.md §1.7). {@code reason} is a short metric label value, the message one line.
 */
public class InvalidPayloadException extends Exception {
  private final String reason;

  public InvalidPayloadException(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
