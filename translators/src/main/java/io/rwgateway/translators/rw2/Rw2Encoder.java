package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.wire.WireReader.LENGTH_DELIMITED;
import static io.rwgateway.translators.wire.WireWriter.lengthDelimitedSize;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.rw2.ExemplarPlacement.SourcedExemplar;
import io.rwgateway.translators.snappy.SnappyBlock;
import io.rwgateway.translators.wire.WireWriter;
import java.util.List;

/**
 * Encodes batches into one RW 2.0 {@code io.prometheus.write.v2.Request}, snappy block compressed
 * (remote-write.md §2.1, §5 "Sender"). All batches share one fresh symbol table ("" at 0,
 * deduplicated: this is where RW 2.0 saves bytes); series keep their batch order; exemplar-only
 * series are placed as {@link ExemplarPlacement} says (§3.3.5). Written by hand in three passes
 * (map symbols, size everything, write into an array of exactly that size), never through
 * generated message objects.
 *
 * <p>Stateless and thread-safe: every call works on its own objects.
 */
public final class Rw2Encoder implements RequestEncoder {
  private static final int SYMBOL = 4 << 3 | LENGTH_DELIMITED;
  private static final int TIMESERIES = 5 << 3 | LENGTH_DELIMITED;

  @Override
  public EncodedRequest encode(List<MetricBatch> batches) {
    RequestSymbols symbols = new RequestSymbols(batches);
    int total = mapSymbols(batches, symbols);
    ExemplarPlacement placement = ExemplarPlacement.plan(batches, symbols, total);
    Rw2SeriesWriter writer = new Rw2SeriesWriter(symbols);

    int[] sizes = new int[total];
    long size = 0;
    byte[][] symbolBytes = new byte[symbols.size()][];
    for (int i = 0; i < symbolBytes.length; i++) {
      symbolBytes[i] = symbols.utf8(i);
      size += lengthDelimitedSize(SYMBOL, symbolBytes[i].length);
    }
    long series = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    int flat = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        if (!placement.skipped(flat)) {
          List<SourcedExemplar> placed = placement.moved(flat);
          int body = writer.size(s, b, placed);
          sizes[flat] = body;
          size += lengthDelimitedSize(TIMESERIES, body);
          series++;
          samples += s.sampleCount();
          histograms += s.histograms().size();
          exemplars += placed == null ? s.exemplars().size() : placed.size();
        }
        flat++;
      }
    }
    if (size > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("cannot encode RW 2.0 request (2 GiB): " + size + " bytes of protobuf");
    }

    WireWriter out = new WireWriter((int) size);
    for (byte[] symbol : symbolBytes) {
      out.lengthDelimited(SYMBOL, symbol.length);
      out.bytes(symbol);
    }
    flat = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        if (!placement.skipped(flat)) {
          out.lengthDelimited(TIMESERIES, sizes[flat]);
          writer.write(out, s, b, placement.moved(flat));
        }
        flat++;
      }
    }
    if (out.position() != size) {
      // The size pass and the write pass disagree: a bug, not bad input.
      throw new IllegalStateException("cannot encode RW 2.0 request (" + size + " bytes sized): "
          + out.position() + " bytes written");
    }
    byte[] buf = out.buffer();
    return new EncodedRequest(SnappyBlock.compress(buf, buf.length), buf.length, series, samples,
        histograms, exemplars);
  }

  /**
   * Maps every ref the request will carry (labels, metadata, exemplar labels), so the symbol
   * table is complete before anything is sized.
   *
   * @return the number of series over all batches
   */
  private static int mapSymbols(List<MetricBatch> batches, RequestSymbols symbols) {
    int total = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        total++;
        for (int ref : s.labelRefs()) {
          symbols.ref(b, ref);
        }
        symbols.ref(b, s.helpRef());
        symbols.ref(b, s.unitRef());
        for (Exemplar e : s.exemplars()) {
          for (int ref : e.labelRefs()) {
            symbols.ref(b, ref);
          }
        }
      }
    }
    return total;
  }
}
