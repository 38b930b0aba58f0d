package io.rwgateway.gateway.egress;

/** Where an {@link EncodingGroup} puts the requests it encodes: a backend route, or the estimator. */
public interface RequestSink {
  /**
   * Takes an encoded request for shard {@code shard}; {@code estimatedBytes} is what was reserved
   * for its content at admission and is now replaced by the real size.
   */
  void enqueue(int shard, OutgoingRequest request, long estimatedBytes);

  /** Gives back a reservation whose content was dropped by the route's rules before encoding. */
  void discard(long estimatedBytes);
}
