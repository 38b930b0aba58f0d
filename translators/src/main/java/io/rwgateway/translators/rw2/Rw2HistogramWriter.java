package io.rwgateway.translators.rw2;

import static com.google.protobuf.CodedOutputStream.computeInt64SizeNoTag;
import static com.google.protobuf.CodedOutputStream.computeSInt32SizeNoTag;
import static com.google.protobuf.CodedOutputStream.computeSInt64SizeNoTag;
import static com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag;
import static com.google.protobuf.CodedOutputStream.computeUInt64SizeNoTag;
import static io.rwgateway.translators.rw2.ProtoCursor.FIXED64;
import static io.rwgateway.translators.rw2.ProtoCursor.LEN;
import static io.rwgateway.translators.rw2.ProtoCursor.VARINT;

import com.google.protobuf.CodedOutputStream;
import io.rwgateway.translators.model.Histogram;
import java.io.IOException;

/**
 * Writes a model {@link Histogram} as RW 2.0 {@code Histogram} fields 1-17 (remote-write.md §2.3),
 * values copied bit for bit (a stale histogram's sum is the StaleNaN, §3.3.7). Zero scalars are
 * left out as proto3 does, except the {@code count} oneof, which is always written because its
 * member tells integer from float histograms. Repeated scalars are packed.
 */
final class Rw2HistogramWriter {
  private Rw2HistogramWriter() {}

  /** Bytes of the message body, without its tag and length. */
  static int size(Histogram h) {
    int n = h.isFloat() ? 1 + 8 : 1 + computeUInt64SizeNoTag(h.countInt());
    n += h.sumBits() != 0 ? 9 : 0;
    n += h.schema() != 0 ? 1 + computeSInt32SizeNoTag(h.schema()) : 0;
    n += bits(h.zeroThreshold()) != 0 ? 9 : 0;
    if (h.isFloat()) {
      n += bits(h.zeroCountFloat()) != 0 ? 9 : 0;
    } else {
      n += h.zeroCountInt() != 0 ? 1 + computeUInt64SizeNoTag(h.zeroCountInt()) : 0;
    }
    n += spansSize(h.negativeSpans());
    n += packedSize(1, deltasSize(h.negativeDeltas()));
    n += packedSize(1, 8 * h.negativeCounts().length);
    n += spansSize(h.positiveSpans());
    n += packedSize(1, deltasSize(h.positiveDeltas()));
    n += packedSize(1, 8 * h.positiveCounts().length);
    n += h.resetHint() != 0 ? 1 + computeInt64SizeNoTag(h.resetHint()) : 0;
    n += h.timestamp() != 0 ? 1 + computeInt64SizeNoTag(h.timestamp()) : 0;
    n += packedSize(2, 8 * h.customValues().length);
    n += h.startTimestamp() != 0 ? 2 + computeInt64SizeNoTag(h.startTimestamp()) : 0;
    return n;
  }

  static void write(CodedOutputStream out, Histogram h) throws IOException {
    if (h.isFloat()) {
      out.writeTag(2, FIXED64);
      out.writeFixed64NoTag(bits(h.countFloat()));
    } else {
      out.writeTag(1, VARINT);
      out.writeUInt64NoTag(h.countInt());
    }
    if (h.sumBits() != 0) {
      out.writeTag(3, FIXED64);
      out.writeFixed64NoTag(h.sumBits());
    }
    if (h.schema() != 0) {
      out.writeTag(4, VARINT);
      out.writeSInt32NoTag(h.schema());
    }
    writeDouble(out, 5, h.zeroThreshold());
    if (h.isFloat()) {
      writeDouble(out, 7, h.zeroCountFloat());
    } else if (h.zeroCountInt() != 0) {
      out.writeTag(6, VARINT);
      out.writeUInt64NoTag(h.zeroCountInt());
    }
    writeSpans(out, 8, h.negativeSpans());
    writeDeltas(out, 9, h.negativeDeltas());
    writeDoubles(out, 10, h.negativeCounts());
    writeSpans(out, 11, h.positiveSpans());
    writeDeltas(out, 12, h.positiveDeltas());
    writeDoubles(out, 13, h.positiveCounts());
    writeInt64(out, 14, h.resetHint());
    writeInt64(out, 15, h.timestamp());
    writeDoubles(out, 16, h.customValues());
    writeInt64(out, 17, h.startTimestamp());
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  private static int packedSize(int tagSize, int bodySize) {
    return bodySize == 0 ? 0 : tagSize + computeUInt32SizeNoTag(bodySize) + bodySize;
  }

  private static int deltasSize(long[] deltas) {
    int n = 0;
    for (long d : deltas) {
      n += computeSInt64SizeNoTag(d);
    }
    return n;
  }

  private static int spanSize(int offset, int length) {
    return (offset != 0 ? 1 + computeSInt32SizeNoTag(offset) : 0)
        + (length != 0 ? 1 + computeUInt32SizeNoTag(length) : 0);
  }

  private static int spansSize(int[] spans) {
    int n = 0;
    for (int i = 0; i < spans.length; i += 2) {
      int body = spanSize(spans[i], spans[i + 1]);
      n += 1 + computeUInt32SizeNoTag(body) + body;
    }
    return n;
  }

  private static void writeSpans(CodedOutputStream out, int field, int[] spans) throws IOException {
    for (int i = 0; i < spans.length; i += 2) {
      int offset = spans[i];
      int length = spans[i + 1];
      out.writeTag(field, LEN);
      out.writeUInt32NoTag(spanSize(offset, length));
      if (offset != 0) {
        out.writeTag(1, VARINT);
        out.writeSInt32NoTag(offset);
      }
      if (length != 0) {
        out.writeTag(2, VARINT);
        out.writeUInt32NoTag(length);
      }
    }
  }

  private static void writeDeltas(CodedOutputStream out, int field, long[] deltas) throws IOException {
    if (deltas.length == 0) {
      return;
    }
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(deltasSize(deltas));
    for (long d : deltas) {
      out.writeSInt64NoTag(d);
    }
  }

  private static void writeDoubles(CodedOutputStream out, int field, double[] values) throws IOException {
    if (values.length == 0) {
      return;
    }
    out.writeTag(field, LEN);
    out.writeUInt32NoTag(8 * values.length);
    for (double v : values) {
      out.writeFixed64NoTag(bits(v));
    }
  }

  private static void writeDouble(CodedOutputStream out, int field, double v) throws IOException {
    if (bits(v) != 0) {
      out.writeTag(field, FIXED64);
      out.writeFixed64NoTag(bits(v));
    }
  }

  private static void writeInt64(CodedOutputStream out, int field, long v) throws IOException {
    if (v != 0) {
      out.writeTag(field, VARINT);
      out.writeInt64NoTag(v);
    }
  }
}
