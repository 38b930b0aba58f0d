package io.rwgateway.gateway.egress;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.time.Duration;
import java.util.List;

/**
 * Cuts a request a backend answered 413 into two halves by series, so each series stays whole in
 * one half and keeps its sample order; the halves go out in order in its place. A request of one
 * series cannot be cut: it is dropped with reason {@code too_large}. Rare by construction (the
 * batch limits keep requests small), so it reads our own bytes back rather than keeping batches.
 * Used on the route's context only.
 */
final class RequestSplitter {
  /** Our own encoder's output: no receiver limits apply, only a sanity bound. */
  private static final DecodeLimits OWN_OUTPUT = new DecodeLimits(Integer.MAX_VALUE - 8, 10_000, 1 << 20, 1 << 24);

  private final StringInterner interner = new StringInterner(1 << 16, 256);

  /** The two halves, or null when the request holds fewer than two series. */
  List<OutgoingRequest> split(OutgoingRequest request) {
    MetricBatch batch = decode(request);
    List<Series> series = batch.series();
    if (series.size() < 2) {
      return null;
    }
    int half = series.size() / 2;
    MetricBatch first = new MetricBatch(batch.symbols(), series.subList(0, half));
    MetricBatch second = new MetricBatch(batch.symbols(), series.subList(half, series.size()));
    return List.of(encode(request, first), encode(request, second));
  }

  private MetricBatch decode(OutgoingRequest request) {
    byte[] body = request.encoded().body();
    try {
      byte[] raw = SnappyBlock.uncompress(body, 0, body.length, OWN_OUTPUT.maxDecodedBytes());
      return request.format() == OutgoingRequest.WireFormat.RW2
          ? new Rw2Decoder(OWN_OUTPUT).decode(raw, 0, raw.length).batch()
          : new Rw1Decoder(OWN_OUTPUT, interner, new MetadataStore(100_000, Duration.ofHours(1)))
              .decode(raw, 0, raw.length).batch();
    } catch (InvalidPayloadException e) {
      // Our own encoder wrote these bytes; failing to read them back is a bug, not bad input.
      throw new IllegalStateException("cannot split own request: " + e.getMessage(), e);
    }
  }

  private static OutgoingRequest encode(OutgoingRequest like, MetricBatch part) {
    return like.with(like.format() == OutgoingRequest.WireFormat.RW2
        ? new Rw2Encoder().encode(List.of(part))
        : new Rw1Encoder().encode(List.of(part)));
  }
}
