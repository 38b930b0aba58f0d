package io.rwgateway.translators.rw2;

import static com.google.protobuf.CodedOutputStream.computeStringSizeNoTag;
import static com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag;
import static io.rwgateway.translators.rw2.ProtoCursor.LEN;

import com.google.protobuf.CodedOutputStream;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.rw2.ExemplarPlacement.SourcedExemplar;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.io.IOException;
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

  @Override
  public EncodedRequest encode(List<MetricBatch> batches) {
    RequestSymbols symbols = new RequestSymbols(batches);
    int total = mapSymbols(batches, symbols);
    ExemplarPlacement placement = ExemplarPlacement.plan(batches, symbols, total);
    Rw2SeriesWriter writer = new Rw2SeriesWriter(symbols);

    int[] sizes = new int[total];
    long size = 0;
    for (int i = 0; i < symbols.size(); i++) {
      size += 1 + computeStringSizeNoTag(symbols.get(i));
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
          size += 1 + computeUInt32SizeNoTag(body) + body;
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

    byte[] buf = new byte[(int) size];
    CodedOutputStream out = CodedOutputStream.newInstance(buf);
    try {
      for (int i = 0; i < symbols.size(); i++) {
        out.writeTag(4, LEN);
        out.writeStringNoTag(symbols.get(i));
      }
      flat = 0;
      for (int b = 0; b < batches.size(); b++) {
        for (Series s : batches.get(b).series()) {
          if (!placement.skipped(flat)) {
            out.writeTag(5, LEN);
            out.writeUInt32NoTag(sizes[flat]);
            writer.write(out, s, b, placement.moved(flat));
          }
          flat++;
        }
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      // Only an array overrun can fail here: the size pass and the write pass disagree.
      throw new IllegalStateException("cannot encode RW 2.0 request (" + size + " bytes): " + e.getMessage(), e);
    }
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
