package io.rwgateway.gateway.ingest;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.snappy.SnappyBlock;

/**
 * The decoders of one event loop: they share one {@link StringInterner}, which is not
 * thread-safe, so each ingest verticle instance owns one of these. RW 1.0 label strings go into
 * the gateway's {@link SymbolDictionary}, shared by every loop.
 */
final class IngestDecoders {
  private final DecodeLimits limits;
  private final Rw1Decoder rw1;
  private final Rw2Decoder rw2;

  IngestDecoders(DecodeLimits limits, MetadataStore metadata, SymbolDictionary dictionary) {
    this.limits = limits;
    StringInterner interner = new StringInterner();
    this.rw1 = new Rw1Decoder(limits, interner, dictionary, metadata);
    this.rw2 = new Rw2Decoder(limits, dictionary);
  }

  /** The snappy-decoded body; throws on bad snappy or a declared size over the limit. */
  byte[] uncompress(byte[] body) throws InvalidPayloadException {
    return SnappyBlock.uncompress(body, 0, body.length, limits.maxDecodedBytes());
  }

  DecodedRequest decode(WireProtocol protocol, byte[] protobuf) throws InvalidPayloadException {
    return protocol == WireProtocol.RW2
        ? rw2.decode(protobuf, 0, protobuf.length)
        : rw1.decode(protobuf, 0, protobuf.length);
  }
}
