package io.rwgateway.benchmarks;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * One benchmark workload in every shape the benchmarks need: the RW 1.0 and RW 2.0 bodies
 * (already snappy-decoded, as the decoders receive them) and the model batch they stand for.
 *
 * <ul>
 *   <li>{@code prometheus}: a request captured from Prometheus 2.42 ({@code rw1-prometheus/0002},
 *       467 series, one sample each), plus the metadata-only request Prometheus sends beside it
 *       ({@code 0003}, 208 families) so type, help and unit are joined as in the gateway. The RW
 *       2.0 body is what the gateway's encoder makes of that batch.
 *   <li>{@code synthetic}: {@link SyntheticRequest}, 2000 series x 10 labels, encoded by the
 *       hand-written RW 1.0 and RW 2.0 encoders.
 * </ul>
 *
 * @param rw1         RW 1.0 {@code WriteRequest} bytes
 * @param rw1Metadata a metadata-only RW 1.0 request to feed the metadata store first, or null
 * @param rw2         RW 2.0 {@code Request} bytes
 * @param batch       the decoded model batch (the encode benchmarks' input)
 */
public record Payloads(String name, byte[] rw1, byte[] rw1Metadata, byte[] rw2, MetricBatch batch) {
  public static final String PROMETHEUS = "prometheus";
  public static final String SYNTHETIC = "synthetic";

  private static final int MAX_DECODED = DecodeLimits.DEFAULTS.maxDecodedBytes();

  public static Payloads of(String name) {
    try {
      return switch (name) {
        case PROMETHEUS -> prometheus();
        case SYNTHETIC -> synthetic();
        default -> throw new IllegalArgumentException("unknown workload " + name
            + " (known: " + PROMETHEUS + ", " + SYNTHETIC + ")");
      };
    } catch (InvalidPayloadException e) {
      throw new IllegalStateException("cannot prepare workload " + name + ": " + e.getMessage(), e);
    }
  }

  /** Samples in one request: what one benchmark operation processes. */
  public long samples() {
    return batch.sampleCount();
  }

  /** A metadata store as the gateway keeps one, already holding this workload's metadata. */
  public MetadataStore metadataStore(StringInterner interner) {
    MetadataStore store = new MetadataStore(100_000, Duration.ofHours(1));
    if (rw1Metadata != null) {
      try {
        new Rw1Decoder(DecodeLimits.DEFAULTS, interner, store).decode(rw1Metadata, 0, rw1Metadata.length);
      } catch (InvalidPayloadException e) {
        throw new IllegalStateException("cannot decode the metadata request: " + e.getMessage(), e);
      }
    }
    return store;
  }

  private static Payloads prometheus() throws InvalidPayloadException {
    byte[] rw1 = uncompress(resource("/fixtures/rw1-prometheus/0002.body"));
    byte[] metadata = uncompress(resource("/fixtures/rw1-prometheus/0003.body"));
    Payloads partial = new Payloads(PROMETHEUS, rw1, metadata, null, null);
    StringInterner interner = new StringInterner();
    MetricBatch batch = new Rw1Decoder(DecodeLimits.DEFAULTS, interner, partial.metadataStore(interner))
        .decode(rw1, 0, rw1.length).batch();
    return new Payloads(PROMETHEUS, rw1, metadata, uncompress(new Rw2Encoder().encode(List.of(batch))), batch);
  }

  private static Payloads synthetic() throws InvalidPayloadException {
    MetricBatch batch = SyntheticRequest.batch();
    byte[] rw1 = uncompress(new Rw1Encoder().encode(List.of(batch)));
    byte[] rw2 = uncompress(new Rw2Encoder().encode(List.of(batch)));
    return new Payloads(SYNTHETIC, rw1, null, rw2, batch);
  }

  private static byte[] uncompress(EncodedRequest request) throws InvalidPayloadException {
    return uncompress(request.body());
  }

  private static byte[] uncompress(byte[] snappy) throws InvalidPayloadException {
    return SnappyBlock.uncompress(snappy, 0, snappy.length, MAX_DECODED);
  }

  private static byte[] resource(String path) {
    try (InputStream in = Payloads.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("cannot find benchmark fixture " + path + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read benchmark fixture " + path, e);
    }
  }
}
