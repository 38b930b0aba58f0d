package io.rwgateway.translators.wire;

import static io.rwgateway.translators.wire.HistogramFields.*;

import io.rwgateway.translators.model.Histogram;

/**
 * Sizes and writes one {@code Histogram} message, fields 1-16 as in both RW 1.0 and RW 2.0
 * (remote-write.md §1.4, §2.3), values copied bit for bit (a stale histogram's sum is the
 * StaleNaN, §3.3.7). Field 17 {@code start_timestamp} only {@code withStartTimestamp} (RW 2.0):
 * the v1 schema has no field for it, so RW 1.0 drops it (§3.2.3). Proto3 rules: zero scalars are
 * omitted (doubles compared by raw bits, so -0.0 is kept), repeated scalars are packed, and the
 * {@code count} oneof is always written because its case is what tells a float histogram from
 * an integer one.
 */
public final class HistogramWriter {
  private HistogramWriter() {}

  /** Size of the message body (without its own tag and length prefix). */
  public static int size(Histogram h, boolean withStartTimestamp) {
    int n = h.isFloat() ? 1 + 8 : 1 + WireWriter.varint64Size(h.countInt());
    n += h.sumBits() != 0 ? 1 + 8 : 0;
    n += h.schema() != 0 ? 1 + WireWriter.varint32Size(WireWriter.zigzag32(h.schema())) : 0;
    n += bits(h.zeroThreshold()) != 0 ? 1 + 8 : 0;
    if (h.isFloat()) {
      n += bits(h.zeroCountFloat()) != 0 ? 1 + 8 : 0;
    } else {
      n += h.zeroCountInt() != 0 ? 1 + WireWriter.varint64Size(h.zeroCountInt()) : 0;
    }
    n += spansSize(NEGATIVE_SPANS, h.negativeSpans());
    n += packedSize(NEGATIVE_DELTAS, deltasSize(h.negativeDeltas()));
    n += packedSize(NEGATIVE_COUNTS, 8 * h.negativeCounts().length);
    n += spansSize(POSITIVE_SPANS, h.positiveSpans());
    n += packedSize(POSITIVE_DELTAS, deltasSize(h.positiveDeltas()));
    n += packedSize(POSITIVE_COUNTS, 8 * h.positiveCounts().length);
    n += h.resetHint() != 0 ? 1 + WireWriter.varint64Size(h.resetHint()) : 0;
    n += h.timestamp() != 0 ? 1 + WireWriter.varint64Size(h.timestamp()) : 0;
    n += packedSize(CUSTOM_VALUES, 8 * h.customValues().length);
    if (withStartTimestamp && h.startTimestamp() != 0) {
      n += WireWriter.varint32Size(START_TIMESTAMP) + WireWriter.varint64Size(h.startTimestamp());
    }
    return n;
  }

  /** Writes the message body; the caller has written tag and {@link #size} prefix. */
  public static void write(WireWriter w, Histogram h, boolean withStartTimestamp) {
    if (h.isFloat()) {
      w.varint32(COUNT_FLOAT);
      w.fixed64(bits(h.countFloat()));
    } else {
      w.varint32(COUNT_INT);
      w.varint64(h.countInt());
    }
    if (h.sumBits() != 0) {
      w.varint32(SUM);
      w.fixed64(h.sumBits());
    }
    if (h.schema() != 0) {
      w.varint32(SCHEMA);
      w.varint32(WireWriter.zigzag32(h.schema()));
    }
    if (bits(h.zeroThreshold()) != 0) {
      w.varint32(ZERO_THRESHOLD);
      w.fixed64(bits(h.zeroThreshold()));
    }
    if (h.isFloat() && bits(h.zeroCountFloat()) != 0) {
      w.varint32(ZERO_COUNT_FLOAT);
      w.fixed64(bits(h.zeroCountFloat()));
    } else if (!h.isFloat() && h.zeroCountInt() != 0) {
      w.varint32(ZERO_COUNT_INT);
      w.varint64(h.zeroCountInt());
    }
    writeSpans(w, NEGATIVE_SPANS, h.negativeSpans());
    writeDeltas(w, NEGATIVE_DELTAS, h.negativeDeltas());
    writeDoubles(w, NEGATIVE_COUNTS, h.negativeCounts());
    writeSpans(w, POSITIVE_SPANS, h.positiveSpans());
    writeDeltas(w, POSITIVE_DELTAS, h.positiveDeltas());
    writeDoubles(w, POSITIVE_COUNTS, h.positiveCounts());
    if (h.resetHint() != 0) {
      w.varint32(RESET_HINT);
      w.varint64(h.resetHint()); // enum (int32): sign-extended like any int32
    }
    if (h.timestamp() != 0) {
      w.varint32(TIMESTAMP);
      w.varint64(h.timestamp());
    }
    writeDoubles(w, CUSTOM_VALUES, h.customValues());
    if (withStartTimestamp && h.startTimestamp() != 0) {
      w.varint32(START_TIMESTAMP);
      w.varint64(h.startTimestamp());
    }
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  private static int spanSize(int offset, int length) {
    return (offset != 0 ? 1 + WireWriter.varint32Size(WireWriter.zigzag32(offset)) : 0)
        + (length != 0 ? 1 + WireWriter.varint32Size(length) : 0);
  }

  private static int spansSize(int tag, int[] spans) {
    int n = 0;
    for (int i = 0; i < spans.length; i += 2) {
      n += WireWriter.lengthDelimitedSize(tag, spanSize(spans[i], spans[i + 1]));
    }
    return n;
  }

  private static int deltasSize(long[] deltas) {
    int n = 0;
    for (long d : deltas) {
      n += WireWriter.varint64Size(WireWriter.zigzag64(d));
    }
    return n;
  }

  private static int packedSize(int tag, int payload) {
    return payload == 0 ? 0 : WireWriter.lengthDelimitedSize(tag, payload);
  }

  private static void writeSpans(WireWriter w, int tag, int[] spans) {
    for (int i = 0; i < spans.length; i += 2) {
      int offset = spans[i];
      int length = spans[i + 1];
      w.lengthDelimited(tag, spanSize(offset, length));
      if (offset != 0) {
        w.varint32(SPAN_OFFSET);
        w.varint32(WireWriter.zigzag32(offset));
      }
      if (length != 0) {
        w.varint32(SPAN_LENGTH);
        w.varint32(length);
      }
    }
  }

  private static void writeDeltas(WireWriter w, int tag, long[] deltas) {
    if (deltas.length == 0) {
      return;
    }
    w.lengthDelimited(tag, deltasSize(deltas));
    for (long d : deltas) {
      w.varint64(WireWriter.zigzag64(d));
    }
  }

  private static void writeDoubles(WireWriter w, int tag, double[] values) {
    if (values.length == 0) {
      return;
    }
    w.lengthDelimited(tag, 8 * values.length);
    for (double v : values) {
      w.fixed64(bits(v));
    }
  }
}
