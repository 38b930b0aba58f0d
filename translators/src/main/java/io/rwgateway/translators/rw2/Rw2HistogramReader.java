package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.rw2.ProtoCursor.FIXED64;
import static io.rwgateway.translators.rw2.ProtoCursor.LEN;
import static io.rwgateway.translators.rw2.ProtoCursor.VARINT;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.Histogram;

/**
 * Reads one {@code Histogram} message (fields 1-17, remote-write.md §2.3; fields 1-16 are the RW
 * 1.0 numbers too) into the model, without validating it ({@code HistogramValidator} does).
 * Repeated scalars are accepted packed and unpacked (§1.4); oneofs keep the last member seen, as
 * protobuf does; unknown fields, and known fields with an unexpected wire type, are skipped.
 * Not thread-safe: the scratch lists are reused.
 */
final class Rw2HistogramReader {
  private final PrimitiveLists.Ints negativeSpans = new PrimitiveLists.Ints();
  private final PrimitiveLists.Ints positiveSpans = new PrimitiveLists.Ints();
  private final PrimitiveLists.Longs negativeDeltas = new PrimitiveLists.Longs();
  private final PrimitiveLists.Longs positiveDeltas = new PrimitiveLists.Longs();
  private final PrimitiveLists.Doubles negativeCounts = new PrimitiveLists.Doubles();
  private final PrimitiveLists.Doubles positiveCounts = new PrimitiveLists.Doubles();
  private final PrimitiveLists.Doubles customValues = new PrimitiveLists.Doubles();

  /** Reads the histogram that fills the cursor up to its current limit. */
  Histogram read(ProtoCursor in) throws InvalidPayloadException {
    negativeSpans.clear();
    positiveSpans.clear();
    negativeDeltas.clear();
    positiveDeltas.clear();
    negativeCounts.clear();
    positiveCounts.clear();
    customValues.clear();
    boolean isFloat = false;
    long countInt = 0;
    double countFloat = 0;
    long sumBits = 0;
    int schema = 0;
    double zeroThreshold = 0;
    long zeroCountInt = 0;
    double zeroCountFloat = 0;
    int resetHint = 0;
    long timestamp = 0;
    long startTimestamp = 0;
    while (in.hasMore()) {
      int tag = in.readTag();
      int wire = tag & 7;
      switch (tag >>> 3) {
        case 1 -> {
          if (wire == VARINT) {
            countInt = in.readVarint();
            countFloat = 0;
            isFloat = false;
          } else {
            in.skipField(tag);
          }
        }
        case 2 -> {
          if (wire == FIXED64) {
            countFloat = Double.longBitsToDouble(in.readFixed64());
            countInt = 0;
            isFloat = true;
          } else {
            in.skipField(tag);
          }
        }
        case 3 -> sumBits = wire == FIXED64 ? in.readFixed64() : skip(in, tag, sumBits);
        case 4 -> schema = wire == VARINT ? ProtoCursor.zigZag32(in.readVarint()) : (int) skip(in, tag, schema);
        case 5 -> zeroThreshold = wire == FIXED64
            ? Double.longBitsToDouble(in.readFixed64()) : skipDouble(in, tag, zeroThreshold);
        case 6 -> {
          if (wire == VARINT) {
            zeroCountInt = in.readVarint();
            zeroCountFloat = 0;
          } else {
            in.skipField(tag);
          }
        }
        case 7 -> {
          if (wire == FIXED64) {
            zeroCountFloat = Double.longBitsToDouble(in.readFixed64());
            zeroCountInt = 0;
          } else {
            in.skipField(tag);
          }
        }
        case 8 -> readSpan(in, tag, negativeSpans);
        case 9 -> readSInt64s(in, tag, negativeDeltas);
        case 10 -> readDoubles(in, tag, negativeCounts);
        case 11 -> readSpan(in, tag, positiveSpans);
        case 12 -> readSInt64s(in, tag, positiveDeltas);
        case 13 -> readDoubles(in, tag, positiveCounts);
        case 14 -> resetHint = wire == VARINT ? (int) in.readVarint() : (int) skip(in, tag, resetHint);
        case 15 -> timestamp = wire == VARINT ? in.readVarint() : skip(in, tag, timestamp);
        case 16 -> readDoubles(in, tag, customValues);
        case 17 -> startTimestamp = wire == VARINT ? in.readVarint() : skip(in, tag, startTimestamp);
        default -> in.skipField(tag);
      }
    }
    return new Histogram(isFloat, countInt, countFloat, sumBits, schema, zeroThreshold, zeroCountInt,
        zeroCountFloat, ints(negativeSpans), longs(negativeDeltas), doubles(negativeCounts),
        ints(positiveSpans), longs(positiveDeltas), doubles(positiveCounts), resetHint, timestamp,
        doubles(customValues), startTimestamp);
  }

  /** Skips a field with an unexpected wire type and keeps the value read so far. */
  private static long skip(ProtoCursor in, int tag, long keep) throws InvalidPayloadException {
    in.skipField(tag);
    return keep;
  }

  private static double skipDouble(ProtoCursor in, int tag, double keep) throws InvalidPayloadException {
    in.skipField(tag);
    return keep;
  }

  /** One {@code BucketSpan{sint32 offset = 1; uint32 length = 2}}, appended as a flat pair. */
  private static void readSpan(ProtoCursor in, int tag, PrimitiveLists.Ints out)
      throws InvalidPayloadException {
    if ((tag & 7) != LEN) {
      in.skipField(tag);
      return;
    }
    int saved = in.enter(in.readLength());
    int offset = 0;
    int length = 0;
    while (in.hasMore()) {
      int t = in.readTag();
      if (t == (1 << 3 | VARINT)) {
        offset = ProtoCursor.zigZag32(in.readVarint());
      } else if (t == (2 << 3 | VARINT)) {
        length = (int) in.readVarint();
      } else {
        in.skipField(t);
      }
    }
    in.leave(saved);
    out.add(offset);
    out.add(length);
  }

  private static void readSInt64s(ProtoCursor in, int tag, PrimitiveLists.Longs out)
      throws InvalidPayloadException {
    switch (tag & 7) {
      case VARINT -> out.add(ProtoCursor.zigZag64(in.readVarint()));
      case LEN -> {
        int saved = in.enter(in.readLength());
        while (in.hasMore()) {
          out.add(ProtoCursor.zigZag64(in.readVarint()));
        }
        in.leave(saved);
      }
      default -> in.skipField(tag);
    }
  }

  static void readDoubles(ProtoCursor in, int tag, PrimitiveLists.Doubles out)
      throws InvalidPayloadException {
    switch (tag & 7) {
      case FIXED64 -> out.add(Double.longBitsToDouble(in.readFixed64()));
      case LEN -> {
        int len = in.readLength();
        if ((len & 7) != 0) {
          throw ProtoCursor.malformed("packed doubles of " + len + " bytes, not a multiple of 8");
        }
        int saved = in.enter(len);
        while (in.hasMore()) {
          out.add(Double.longBitsToDouble(in.readFixed64()));
        }
        in.leave(saved);
      }
      default -> in.skipField(tag);
    }
  }

  private static int[] ints(PrimitiveLists.Ints l) {
    return l.size() == 0 ? null : l.toArray();
  }

  private static long[] longs(PrimitiveLists.Longs l) {
    return l.size() == 0 ? null : l.toArray();
  }

  private static double[] doubles(PrimitiveLists.Doubles l) {
    return l.size() == 0 ? null : l.toArray();
  }
}
