package io.rwgateway.gateway.egress;

import io.rwgateway.translators.codec.EncodedRequest;

/**
 * An encoded request on its way to a backend, with the tenant it belongs to when the route splits
 * by tenant (null otherwise); the tenant goes out as the route's tenant header.
 */
public record OutgoingRequest(EncodedRequest encoded, String tenant) {
  public int bytes() {
    return encoded.body().length;
  }
}
