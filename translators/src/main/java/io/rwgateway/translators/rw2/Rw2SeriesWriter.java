package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.wire.WireReader.FIXED64;
import static io.rwgateway.translators.wire.WireReader.LENGTH_DELIMITED;
import static io.rwgateway.translators.wire.WireReader.VARINT;
import static io.rwgateway.translators.wire.WireWriter.varint32Size;
import static io.rwgateway.translators.wire.WireWriter.varint64Size;

import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.rw2.ExemplarPlacement.SourcedExemplar;
import io.rwgateway.translators.wire.HistogramWriter;
import io.rwgateway.translators.wire.WireWriter;
import java.util.List;

/**
 * Writes one model {@link Series} as a RW 2.0 {@code TimeSeries} (remote-write.md §2.3), its refs
 * mapped to the request's symbols: label refs packed in the model's sorted order, samples with
 * {@code start_timestamp} only when set, histograms, exemplars, and {@code Metadata} only when the
 * series has some (an empty one would cost bytes and say nothing). Sizes are computed first and
 * the bytes written after, so nothing is copied. Exemplars moved onto the series are given as
 * {@link SourcedExemplar}s, already merged with the series' own in timestamp order.
 */
final class Rw2SeriesWriter {
  private final RequestSymbols symbols;

  Rw2SeriesWriter(RequestSymbols symbols) {
    this.symbols = symbols;
  }

  /** Body size of the {@code TimeSeries}; {@code exemplars} null means the series' own. */
  int size(Series s, int batch, List<SourcedExemplar> exemplars) {
    int n = packedRefsSize(s.labelRefs(), batch);
    for (int i = 0; i < s.sampleCount(); i++) {
      int body = sampleSize(s, i);
      n += 1 + varint32Size(body) + body;
    }
    for (Histogram h : s.histograms()) {
      int body = HistogramWriter.size(h, true);
      n += 1 + varint32Size(body) + body;
    }
    if (exemplars == null) {
      for (Exemplar e : s.exemplars()) {
        n += framed(exemplarSize(e, batch));
      }
    } else {
      for (SourcedExemplar e : exemplars) {
        n += framed(exemplarSize(e.exemplar(), e.batch()));
      }
    }
    if (hasMetadata(s)) {
      n += framed(metadataSize(s, batch));
    }
    return n;
  }

  void write(WireWriter out, Series s, int batch, List<SourcedExemplar> exemplars)
      {
    writePackedRefs(out, 1, s.labelRefs(), batch);
    for (int i = 0; i < s.sampleCount(); i++) {
      out.varint32(2 << 3 | LENGTH_DELIMITED);
      out.varint32(sampleSize(s, i));
      long bits = s.valueBits(i);
      if (bits != 0) {
        out.varint32(1 << 3 | FIXED64);
        out.fixed64(bits);
      }
      writeInt64(out, 2, s.timestamp(i));
      writeInt64(out, 3, s.startTimestamp(i));
    }
    for (Histogram h : s.histograms()) {
      out.varint32(3 << 3 | LENGTH_DELIMITED);
      out.varint32(HistogramWriter.size(h, true));
      HistogramWriter.write(out, h, true);
    }
    if (exemplars == null) {
      for (Exemplar e : s.exemplars()) {
        writeExemplar(out, e, batch);
      }
    } else {
      for (SourcedExemplar e : exemplars) {
        writeExemplar(out, e.exemplar(), e.batch());
      }
    }
    if (hasMetadata(s)) {
      out.varint32(5 << 3 | LENGTH_DELIMITED);
      out.varint32(metadataSize(s, batch));
      writeInt64(out, 1, s.type().code());
      writeUInt32(out, 3, symbols.mapped(batch, s.helpRef()));
      writeUInt32(out, 4, symbols.mapped(batch, s.unitRef()));
    }
  }

  private static int framed(int body) {
    return 1 + varint32Size(body) + body;
  }

  private static int sampleSize(Series s, int i) {
    return (s.valueBits(i) != 0 ? 9 : 0) + int64Size(s.timestamp(i)) + int64Size(s.startTimestamp(i));
  }

  private static int int64Size(long v) {
    return v != 0 ? 1 + varint64Size(v) : 0;
  }

  private int exemplarSize(Exemplar e, int batch) {
    return packedRefsSize(e.labelRefs(), batch) + (e.valueBits() != 0 ? 9 : 0) + int64Size(e.timestamp());
  }

  private void writeExemplar(WireWriter out, Exemplar e, int batch) {
    out.varint32(4 << 3 | LENGTH_DELIMITED);
    out.varint32(exemplarSize(e, batch));
    writePackedRefs(out, 1, e.labelRefs(), batch);
    if (e.valueBits() != 0) {
      out.varint32(2 << 3 | FIXED64);
      out.fixed64(e.valueBits());
    }
    writeInt64(out, 3, e.timestamp());
  }

  static boolean hasMetadata(Series s) {
    return s.type() != MetricType.UNSPECIFIED || s.helpRef() != 0 || s.unitRef() != 0;
  }

  private int metadataSize(Series s, int batch) {
    int type = s.type().code();
    int help = symbols.mapped(batch, s.helpRef());
    int unit = symbols.mapped(batch, s.unitRef());
    return (type != 0 ? 1 + varint32Size(type) : 0)
        + (help != 0 ? 1 + varint32Size(help) : 0)
        + (unit != 0 ? 1 + varint32Size(unit) : 0);
  }

  private int refsBodySize(int[] refs, int batch) {
    int n = 0;
    for (int ref : refs) {
      n += varint32Size(symbols.mapped(batch, ref));
    }
    return n;
  }

  private int packedRefsSize(int[] refs, int batch) {
    if (refs.length == 0) {
      return 0;
    }
    return framed(refsBodySize(refs, batch));
  }

  private void writePackedRefs(WireWriter out, int field, int[] refs, int batch) {
    if (refs.length == 0) {
      return;
    }
    out.varint32(field << 3 | LENGTH_DELIMITED);
    out.varint32(refsBodySize(refs, batch));
    for (int ref : refs) {
      out.varint32(symbols.mapped(batch, ref));
    }
  }

  private static void writeInt64(WireWriter out, int field, long v) {
    if (v != 0) {
      out.varint32(field << 3 | VARINT);
      out.varint64(v);
    }
  }

  private static void writeUInt32(WireWriter out, int field, int v) {
    if (v != 0) {
      out.varint32(field << 3 | VARINT);
      out.varint32(v);
    }
  }
}
