package io.rwgateway.translators.wire;

import static io.rwgateway.translators.wire.HistogramFields.*;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.Histogram;

/**
 * Reads one {@code Histogram} message (fields 1-16, identical in RW 1.0 and 2.0, remote-write.md
 * §1.4 and §2.3) into the model. Repeated scalars are accepted packed and unpacked (§1.4); the
 * {@code count} oneof decides float vs integer (last occurrence wins, as for any oneof). Field 17
 * {@code start_timestamp} exists only in RW 2.0 (§2.3): read when built {@code withStartTimestamp},
 * else skipped like any unknown field and left 0 (RW 1.0 has none, §3.3.6). Known fields with an
 * unexpected wire type are skipped too. No validation here: that is HistogramValidator's job.
 * Scratch buffers are reused, so one instance per decoder; not thread-safe.
 */
public final class HistogramReader {
  private final IntList negativeSpans = new IntList(8);
  private final IntList positiveSpans = new IntList(8);
  private final LongList negativeDeltas = new LongList(16);
  private final LongList positiveDeltas = new LongList(16);
  private final LongList negativeCounts = new LongList(16);
  private final LongList positiveCounts = new LongList(16);
  private final LongList customValues = new LongList(16);
  private final boolean withStartTimestamp;

  /** @param withStartTimestamp whether field 17 is read (RW 2.0) or skipped (RW 1.0) */
  public HistogramReader(boolean withStartTimestamp) {
    this.withStartTimestamp = withStartTimestamp;
  }

  /** Reads the histogram message the reader has entered, to its end. */
  public Histogram read(WireReader r) throws InvalidPayloadException {
    negativeSpans.clear();
    positiveSpans.clear();
    negativeDeltas.clear();
    positiveDeltas.clear();
    negativeCounts.clear();
    positiveCounts.clear();
    customValues.clear();
    boolean isFloat = false;
    long countInt = 0;
    long countFloat = 0;
    long sum = 0;
    int schema = 0;
    long zeroThreshold = 0;
    long zeroCountInt = 0;
    long zeroCountFloat = 0;
    int resetHint = 0;
    long timestamp = 0;
    long startTimestamp = 0;
    while (r.hasMore()) {
      int tag = r.readTag();
      switch (tag) {
        case COUNT_INT -> {
          countInt = r.readVarint();
          countFloat = 0;
          isFloat = false;
        }
        case COUNT_FLOAT -> {
          countFloat = r.readFixed64();
          countInt = 0;
          isFloat = true;
        }
        case SUM -> sum = r.readFixed64();
        case SCHEMA -> schema = r.readSint32();
        case ZERO_THRESHOLD -> zeroThreshold = r.readFixed64();
        case ZERO_COUNT_INT -> {
          zeroCountInt = r.readVarint();
          zeroCountFloat = 0;
        }
        case ZERO_COUNT_FLOAT -> {
          zeroCountFloat = r.readFixed64();
          zeroCountInt = 0;
        }
        case NEGATIVE_SPANS -> readSpan(r, negativeSpans);
        case POSITIVE_SPANS -> readSpan(r, positiveSpans);
        case RESET_HINT -> resetHint = (int) r.readVarint();
        case TIMESTAMP -> timestamp = r.readVarint();
        case START_TIMESTAMP -> {
          if (withStartTimestamp) {
            startTimestamp = r.readVarint();
          } else {
            r.skip(tag);
          }
        }
        default -> readRepeatedScalar(r, tag);
      }
    }
    return new Histogram(isFloat, countInt, Double.longBitsToDouble(countFloat), sum, schema,
        Double.longBitsToDouble(zeroThreshold), zeroCountInt, Double.longBitsToDouble(zeroCountFloat),
        ints(negativeSpans), longs(negativeDeltas), doubles(negativeCounts),
        ints(positiveSpans), longs(positiveDeltas), doubles(positiveCounts),
        resetHint, timestamp, doubles(customValues), startTimestamp);
  }

  // Empty lists give null: Histogram puts its shared empty arrays there, so none is allocated.

  private static int[] ints(IntList l) {
    return l.size() == 0 ? null : l.toArray();
  }

  private static long[] longs(LongList l) {
    return l.size() == 0 ? null : l.toArray();
  }

  private static double[] doubles(LongList l) {
    return l.size() == 0 ? null : l.toDoubleArray();
  }

  /** Deltas (sint64) and counts / custom values (double), packed or one per field; else skip. */
  private void readRepeatedScalar(WireReader r, int tag) throws InvalidPayloadException {
    int field = tag >>> 3;
    int wireType = tag & 7;
    LongList target = switch (field) {
      case NEGATIVE_DELTAS >>> 3 -> negativeDeltas;
      case POSITIVE_DELTAS >>> 3 -> positiveDeltas;
      case NEGATIVE_COUNTS >>> 3 -> negativeCounts;
      case POSITIVE_COUNTS >>> 3 -> positiveCounts;
      case CUSTOM_VALUES >>> 3 -> customValues;
      default -> null;
    };
    boolean zigzag = field == NEGATIVE_DELTAS >>> 3 || field == POSITIVE_DELTAS >>> 3;
    if (target == null) {
      r.skip(tag);
    } else if (wireType == WireReader.LENGTH_DELIMITED) {
      int outer = r.enter();
      while (r.hasMore()) {
        target.add(zigzag ? r.readSint64() : r.readFixed64());
      }
      r.exit(outer);
    } else if (zigzag && wireType == WireReader.VARINT) {
      target.add(r.readSint64());
    } else if (!zigzag && wireType == WireReader.FIXED64) {
      target.add(r.readFixed64());
    } else {
      r.skip(tag);
    }
  }

  private static void readSpan(WireReader r, IntList spans) throws InvalidPayloadException {
    int outer = r.enter();
    int offset = 0;
    int length = 0;
    while (r.hasMore()) {
      int tag = r.readTag();
      if (tag == SPAN_OFFSET) {
        offset = r.readSint32();
      } else if (tag == SPAN_LENGTH) {
        length = (int) r.readVarint();
      } else {
        r.skip(tag);
      }
    }
    r.exit(outer);
    spans.add(offset);
    spans.add(length);
  }
}
