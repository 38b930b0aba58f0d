package io.rwgateway.gateway.egress;

/**
 * Where an {@link EncodingGroup} puts what it takes and what it encodes: a backend route, or the
 * egress estimator. Called from any thread; per shard, {@link #enqueue} calls come in order.
 */
public interface RequestSink {
  /** The group accepted these items for this sink (after the rules): they are now its to account. */
  default void accepted(Counts counts) {}

  /**
   * Takes an encoded request for shard {@code shard}; {@code estimatedBytes} is what was reserved
   * for its content at admission and is now replaced by the real size.
   */
  void enqueue(int shard, OutgoingRequest request, long estimatedBytes);

  /** Gives back a reservation whose content the rules dropped before encoding. */
  void discard(long estimatedBytes);

  /** Accepted items that never became a request (the encoder failed or refused them). */
  default void lost(Counts counts, String reason, long estimatedBytes) {
    discard(estimatedBytes);
  }
}
