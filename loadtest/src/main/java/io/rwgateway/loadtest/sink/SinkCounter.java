package io.rwgateway.loadtest.sink;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.time.Duration;

/**
 * Decodes one request body with the gateway's own decoders (so the sink checks what it counts)
 * and returns its counts. Keeps decoder scratch: not thread-safe, one per event loop.
 */
public final class SinkCounter {
  private final DecodeLimits limits;
  private final Rw1Decoder rw1;
  private final Rw2Decoder rw2;
  private final boolean countOnly;

  public SinkCounter(DecodeLimits limits) {
    this(limits, false);
  }

  /** @param countOnly walk the protobuf tags instead of decoding ({@link WireScan}) */
  public SinkCounter(DecodeLimits limits, boolean countOnly) {
    this.limits = limits;
    this.countOnly = countOnly;
    this.rw1 = new Rw1Decoder(limits, new StringInterner(), new MetadataStore(100_000, Duration.ofHours(1)));
    this.rw2 = new Rw2Decoder(limits);
  }

  /** Counts a snappy-compressed body of the given protocol; throws when it cannot be decoded at all. */
  public RequestCounts count(WireProtocol protocol, byte[] body, int len) throws InvalidPayloadException {
    byte[] raw = SnappyBlock.uncompress(body, 0, len, limits.maxDecodedBytes());
    if (countOnly) {
      return WireScan.count(protocol, raw, len);
    }
    DecodedRequest d = protocol == WireProtocol.RW2 ? rw2.decode(raw, 0, raw.length) : rw1.decode(raw, 0, raw.length);
    MetricBatch b = d.batch();
    return new RequestCounts(protocol, len, raw.length, b.series().size(), b.sampleCount(),
        b.histogramCount(), b.exemplarCount(), d.metadataEntries(), d.rejections().series(),
        d.rejections().isEmpty() ? "" : d.rejections().summary());
  }
}
