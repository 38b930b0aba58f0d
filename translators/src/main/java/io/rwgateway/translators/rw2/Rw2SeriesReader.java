package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.rw2.ProtoCursor.FIXED64;
import static io.rwgateway.translators.rw2.ProtoCursor.LEN;
import static io.rwgateway.translators.rw2.ProtoCursor.VARINT;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one RW 2.0 {@code TimeSeries} message into reusable scratch columns (remote-write.md
 * §2.3). Reading checks only the wire format: a malformed message fails the whole request. What
 * the series means (refs, labels, histograms) is checked afterwards by {@link Rw2SeriesBuilder},
 * so a rejected series can still be counted with everything it carried. Not thread-safe.
 */
final class Rw2SeriesReader {
  final PrimitiveLists.Ints labelRefs = new PrimitiveLists.Ints();
  final PrimitiveLists.Longs timestamps = new PrimitiveLists.Longs();
  final PrimitiveLists.Longs valueBits = new PrimitiveLists.Longs();
  final PrimitiveLists.Longs startTimestamps = new PrimitiveLists.Longs();
  final List<Histogram> histograms = new ArrayList<>();
  final List<Exemplar> exemplars = new ArrayList<>();
  boolean anyStartTimestamp;
  int metricType;
  int helpRef;
  int unitRef;
  /** rc.0-rc.3 {@code TimeSeries.created_timestamp} (field 6), 0 when absent (§4.6). */
  long createdTimestamp;

  private final PrimitiveLists.Ints exemplarRefs = new PrimitiveLists.Ints();
  private final Rw2HistogramReader histogramReader = new Rw2HistogramReader();

  /** Reads the series that fills the cursor up to its limit. */
  void read(ProtoCursor in) throws InvalidPayloadException {
    clear();
    while (in.hasMore()) {
      int tag = in.readTag();
      int wire = tag & 7;
      switch (tag >>> 3) {
        case 1 -> readUInt32s(in, tag, labelRefs);
        case 2 -> {
          if (wire == LEN) {
            readSample(in);
          } else {
            in.skipField(tag);
          }
        }
        case 3 -> {
          if (wire == LEN) {
            int saved = in.enter(in.readLength());
            histograms.add(histogramReader.read(in));
            in.leave(saved);
          } else {
            in.skipField(tag);
          }
        }
        case 4 -> {
          if (wire == LEN) {
            readExemplar(in);
          } else {
            in.skipField(tag);
          }
        }
        case 5 -> {
          if (wire == LEN) {
            readMetadata(in);
          } else {
            in.skipField(tag);
          }
        }
        case 6 -> {
          if (wire == VARINT) {
            createdTimestamp = in.readVarint();
          } else {
            in.skipField(tag);
          }
        }
        default -> in.skipField(tag);
      }
    }
  }

  int sampleCount() {
    return timestamps.size();
  }

  private void clear() {
    labelRefs.clear();
    timestamps.clear();
    valueBits.clear();
    startTimestamps.clear();
    histograms.clear();
    exemplars.clear();
    anyStartTimestamp = false;
    metricType = 0;
    helpRef = 0;
    unitRef = 0;
    createdTimestamp = 0;
  }

  /** {@code Sample{double value = 1; int64 timestamp = 2; int64 start_timestamp = 3}}. */
  private void readSample(ProtoCursor in) throws InvalidPayloadException {
    int saved = in.enter(in.readLength());
    long bits = 0;
    long ts = 0;
    long st = 0;
    while (in.hasMore()) {
      int tag = in.readTag();
      switch (tag) {
        case 1 << 3 | FIXED64 -> bits = in.readFixed64();
        case 2 << 3 | VARINT -> ts = in.readVarint();
        case 3 << 3 | VARINT -> st = in.readVarint();
        default -> in.skipField(tag);
      }
    }
    in.leave(saved);
    timestamps.add(ts);
    valueBits.add(bits);
    startTimestamps.add(st);
    anyStartTimestamp |= st != 0;
  }

  /** {@code Exemplar{repeated uint32 labels_refs = 1; double value = 2; int64 timestamp = 3}}. */
  private void readExemplar(ProtoCursor in) throws InvalidPayloadException {
    int saved = in.enter(in.readLength());
    exemplarRefs.clear();
    long bits = 0;
    long ts = 0;
    while (in.hasMore()) {
      int tag = in.readTag();
      switch (tag >>> 3) {
        case 1 -> readUInt32s(in, tag, exemplarRefs);
        case 2 -> bits = (tag & 7) == FIXED64 ? in.readFixed64() : skip(in, tag, bits);
        case 3 -> ts = (tag & 7) == VARINT ? in.readVarint() : skip(in, tag, ts);
        default -> in.skipField(tag);
      }
    }
    in.leave(saved);
    // Refs stay wire refs here; Rw2SeriesBuilder checks and maps them in place.
    exemplars.add(new Exemplar(exemplarRefs.toArray(), bits, ts));
  }

  /**
   * {@code Metadata{MetricType type = 1; uint32 help_ref = 3; uint32 unit_ref = 4}}. A repeated
   * singular message merges field by field, as protobuf does.
   */
  private void readMetadata(ProtoCursor in) throws InvalidPayloadException {
    int saved = in.enter(in.readLength());
    while (in.hasMore()) {
      int tag = in.readTag();
      switch (tag) {
        case 1 << 3 | VARINT -> metricType = (int) in.readVarint();
        case 3 << 3 | VARINT -> helpRef = (int) in.readVarint();
        case 4 << 3 | VARINT -> unitRef = (int) in.readVarint();
        default -> in.skipField(tag);
      }
    }
    in.leave(saved);
  }

  /** A repeated uint32, packed or not (remote-write.md §1.4: decoders accept both). */
  private static void readUInt32s(ProtoCursor in, int tag, PrimitiveLists.Ints out)
      throws InvalidPayloadException {
    switch (tag & 7) {
      case VARINT -> out.add((int) in.readVarint());
      case LEN -> {
        int saved = in.enter(in.readLength());
        while (in.hasMore()) {
          out.add((int) in.readVarint());
        }
        in.leave(saved);
      }
      default -> in.skipField(tag);
    }
  }

  private static long skip(ProtoCursor in, int tag, long keep) throws InvalidPayloadException {
    in.skipField(tag);
    return keep;
  }
}
