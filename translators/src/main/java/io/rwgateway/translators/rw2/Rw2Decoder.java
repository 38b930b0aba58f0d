package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.wire.WireReader.LENGTH_DELIMITED;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.Rejections;
import io.rwgateway.translators.codec.SeriesRejectedException;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.GenerationFullException;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.model.SymbolGeneration;
import io.rwgateway.translators.wire.IntList;
import io.rwgateway.translators.wire.WireReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a snappy-decoded RW 2.0 {@code io.prometheus.write.v2.Request} straight from its bytes
 * into a {@link MetricBatch} (architecture.md "Performance principles": no generated message
 * objects). The request's symbols become ids of the {@link SymbolDictionary} and the batch's
 * symbol table holds them; series refs are kept as the sender wrote them. A request that meets a
 * full generation starts over in the next one; one with more distinct symbols than a whole
 * generation is refused ({@code too_many_symbols}).
 *
 * <p>Two kinds of failure (remote-write.md §2.5, §5 "Receiver"): a payload that is not a RW 2.0
 * request fails whole with {@link InvalidPayloadException} ({@code bad_protobuf}, or
 * {@code wrong_message_type} when a reserved field 1-3 shows it is a RW 1.0
 * {@code WriteRequest}: decoding that as an empty v2 request would answer 2xx and lose it all,
 * §2.2); a series that is wrong on its own is left out and counted in {@link Rejections}, and the
 * rest is kept (partial write).
 *
 * <p>Not thread-safe: scratch buffers are reused across calls. Use one per thread; the
 * dictionary is shared.
 */
public final class Rw2Decoder {
  private final SymbolDictionary dictionary;
  private final Rw2Symbols symbols = new Rw2Symbols();
  private final Rw2SeriesReader reader = new Rw2SeriesReader();
  private final Rw2SeriesBuilder builder;
  private final IntList seriesSlices = new IntList(32);

  /** A decoder with a dictionary of its own (tests, tools, the egress' own re-reads). */
  public Rw2Decoder(DecodeLimits limits) {
    this(limits, SymbolDictionary.standalone());
  }

  public Rw2Decoder(DecodeLimits limits, SymbolDictionary dictionary) {
    this.dictionary = dictionary;
    this.builder = new Rw2SeriesBuilder(limits, symbols);
  }

  /**
   * @param buf the snappy-decoded request body
   * @throws InvalidPayloadException when the bytes are not a RW 2.0 request
   */
  public DecodedRequest decode(byte[] buf, int off, int len) throws InvalidPayloadException {
    if (off < 0 || len < 0 || off > buf.length - len) {
      throw new IllegalArgumentException("slice [" + off + ", +" + len + ") outside a buffer of " + buf.length);
    }
    WireReader in;
    try {
      in = dictionary.inGeneration(generation -> {
        WireReader r = new WireReader(buf, off, len, "RW 2.0 request");
        readRequest(r, buf, generation);
        return r;
      });
    } catch (GenerationFullException e) {
      throw new InvalidPayloadException("too_many_symbols", "request has more distinct symbols than "
          + "the symbol dictionary holds (" + dictionary.maxSymbols() + ")");
    }
    Rejections rejections = new Rejections();
    int n = seriesSlices.size() / 2;
    List<Series> series = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      in.moveTo(seriesSlices.get(2 * i), seriesSlices.get(2 * i + 1));
      reader.read(in);
      try {
        series.add(builder.build(reader));
      } catch (SeriesRejectedException e) {
        rejections.reject(e.reason(), e.getMessage(), reader.sampleCount(), reader.histograms.size(),
            reader.exemplars.size());
      }
    }
    MetricBatch batch = new MetricBatch(symbols.toSymbolTable(), series);
    return new DecodedRequest(batch, rejections, 0);
  }

  /**
   * First pass over {@code Request}: interns the symbols (field 4) and notes where each series
   * (field 5) lies, because protobuf does not promise that symbols come first.
   */
  private void readRequest(WireReader in, byte[] buf, SymbolGeneration generation) throws InvalidPayloadException {
    symbols.reset(generation);
    seriesSlices.clear();
    while (in.hasMore()) {
      int tag = in.readTag();
      int field = tag >>> 3;
      if (field <= 3) {
        throw new InvalidPayloadException("wrong_message_type", "cannot decode RW 2.0 request: field "
            + field + " is reserved in io.prometheus.write.v2.Request; the body is probably a RW 1.0 "
            + "prometheus.WriteRequest sent with the RW 2.0 Content-Type");
      }
      if (field == 4 && (tag & 7) == LENGTH_DELIMITED) {
        int n = in.readLength();
        symbols.add(buf, in.position(), n);
        in.skipBytes(n);
      } else if (field == 5 && (tag & 7) == LENGTH_DELIMITED) {
        int n = in.readLength();
        seriesSlices.add(in.position());
        seriesSlices.add(n);
        in.skipBytes(n);
      } else {
        in.skip(tag);
      }
    }
    symbols.finish();
  }
}
