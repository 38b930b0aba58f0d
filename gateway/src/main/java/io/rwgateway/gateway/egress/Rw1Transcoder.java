package io.rwgateway.gateway.egress;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataCadence;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.util.List;

/**
 * Turns an encoded RW 2.0 request back into RW 1.0, for a {@code protocol: auto} route whose
 * backend turned out not to speak RW 2.0 (remote-write.md §3.4: handle a downstream 415 inside
 * the gateway). The route's requests are encoded once as RW 2.0 with the other RW 2.0 routes, so
 * only the fallen-back route pays for this. Not thread-safe: used on the route's context only.
 */
final class Rw1Transcoder {
  /** Our own encoder's output: no receiver limits apply, only a sanity bound. */
  private static final DecodeLimits OWN_OUTPUT = new DecodeLimits(Integer.MAX_VALUE - 8, 10_000, 1 << 20, 1 << 24);

  private final Rw2Decoder decoder = new Rw2Decoder(OWN_OUTPUT);
  private final Rw1Encoder encoder;

  /**
   * Metadata goes out once a minute per family, as Prometheus sends it, not with every request.
   * A retried attempt is transcoded again and may then lack metadata its first attempt carried:
   * metadata is best effort in RW 1.0.
   */
  Rw1Transcoder() {
    encoder = new Rw1Encoder(new MetadataCadence(MetadataCadence.PROMETHEUS_INTERVAL_NANOS));
  }

  EncodedRequest toRw1(EncodedRequest rw2) {
    try {
      byte[] raw = SnappyBlock.uncompress(rw2.body(), 0, rw2.body().length, OWN_OUTPUT.maxDecodedBytes());
      return encoder.encode(List.of(decoder.decode(raw, 0, raw.length).batch()));
    } catch (InvalidPayloadException e) {
      // Our own encoder wrote these bytes; failing to read them back is a bug, not bad input.
      throw new IllegalStateException("cannot transcode own RW 2.0 request to RW 1.0: " + e.getMessage(), e);
    }
  }
}
