package io.rwgateway.gateway.egress;

import io.rwgateway.translators.codec.EncodedRequest;

/**
 * An encoded request on its way to a backend, with the tenant it belongs to when the route splits
 * by tenant (null otherwise; it goes out as the route's tenant header) and what it was encoded as,
 * which a split or a RW 1.0 fallback needs to read it back.
 */
public record OutgoingRequest(EncodedRequest encoded, String tenant, WireFormat format) {
  public OutgoingRequest(EncodedRequest encoded, String tenant) {
    this(encoded, tenant, WireFormat.RW2);
  }

  public int bytes() {
    return encoded.body().length;
  }

  public Counts counts() {
    return Counts.of(encoded);
  }

  /** The same tenant and format around other bytes (a half of a split request). */
  public OutgoingRequest with(EncodedRequest other) {
    return new OutgoingRequest(other, tenant, format);
  }

  /** The two protobuf messages an outgoing request can be. */
  public enum WireFormat { RW1, RW2 }
}
