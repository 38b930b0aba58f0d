package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.wire.WireReader.FIXED64;
import static io.rwgateway.translators.wire.WireReader.LENGTH_DELIMITED;
import static io.rwgateway.translators.wire.WireReader.VARINT;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.wire.HistogramReader;
import io.rwgateway.translators.wire.IntList;
import io.rwgateway.translators.wire.LongList;
import io.rwgateway.translators.wire.WireReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one RW 2.0 {@code TimeSeries} message into reusable scratch columns (remote-write.md
 * §2.3). Reading checks only the wire format: a malformed message fails the whole request. What
 * the series means (refs, labels, histograms) is checked afterwards by {@link Rw2SeriesBuilder},
 * so a rejected series can still be counted with everything it carried. Not thread-safe.
 */
final class Rw2SeriesReader {
  final IntList labelRefs = new IntList(32);
  final LongList timestamps = new LongList(32);
  final LongList valueBits = new LongList(32);
  final LongList startTimestamps = new LongList(32);
  final List<Histogram> histograms = new ArrayList<>();
  final List<Exemplar> exemplars = new ArrayList<>();
  boolean anyStartTimestamp;
  int metricType;
  int helpRef;
  int unitRef;
  /** rc.0-rc.3 {@code TimeSeries.created_timestamp} (field 6), 0 when absent (§4.6). */
  long createdTimestamp;

  private final IntList exemplarRefs = new IntList(32);
  private final HistogramReader histogramReader = new HistogramReader(true);

  /** Reads the series that fills the cursor up to its limit. */
  void read(WireReader in) throws InvalidPayloadException {
    clear();
    while (in.hasMore()) {
      int tag = in.readTag();
      int wire = tag & 7;
      switch (tag >>> 3) {
        case 1 -> readUInt32s(in, tag, labelRefs);
        case 2 -> {
          if (wire == LENGTH_DELIMITED) {
            readSample(in);
          } else {
            in.skip(tag);
          }
        }
        case 3 -> {
          if (wire == LENGTH_DELIMITED) {
            int saved = in.enter();
            histograms.add(histogramReader.read(in));
            in.exit(saved);
          } else {
            in.skip(tag);
          }
        }
        case 4 -> {
          if (wire == LENGTH_DELIMITED) {
            readExemplar(in);
          } else {
            in.skip(tag);
          }
        }
        case 5 -> {
          if (wire == LENGTH_DELIMITED) {
            readMetadata(in);
          } else {
            in.skip(tag);
          }
        }
        case 6 -> {
          if (wire == VARINT) {
            createdTimestamp = in.readVarint();
          } else {
            in.skip(tag);
          }
        }
        default -> in.skip(tag);
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
  private void readSample(WireReader in) throws InvalidPayloadException {
    int saved = in.enter();
    long bits = 0;
    long ts = 0;
    long st = 0;
    while (in.hasMore()) {
      int tag = in.readTag();
      switch (tag) {
        case 1 << 3 | FIXED64 -> bits = in.readFixed64();
        case 2 << 3 | VARINT -> ts = in.readVarint();
        case 3 << 3 | VARINT -> st = in.readVarint();
        default -> in.skip(tag);
      }
    }
    in.exit(saved);
    timestamps.add(ts);
    valueBits.add(bits);
    startTimestamps.add(st);
    anyStartTimestamp |= st != 0;
  }

  /** {@code Exemplar{repeated uint32 labels_refs = 1; double value = 2; int64 timestamp = 3}}. */
  private void readExemplar(WireReader in) throws InvalidPayloadException {
    int saved = in.enter();
    exemplarRefs.clear();
    long bits = 0;
    long ts = 0;
    while (in.hasMore()) {
      int tag = in.readTag();
      switch (tag >>> 3) {
        case 1 -> readUInt32s(in, tag, exemplarRefs);
        case 2 -> bits = (tag & 7) == FIXED64 ? in.readFixed64() : skip(in, tag, bits);
        case 3 -> ts = (tag & 7) == VARINT ? in.readVarint() : skip(in, tag, ts);
        default -> in.skip(tag);
      }
    }
    in.exit(saved);
    // Refs stay wire refs here; Rw2SeriesBuilder checks and maps them in place.
    exemplars.add(new Exemplar(exemplarRefs.toArray(), bits, ts));
  }

  /**
   * {@code Metadata{MetricType type = 1; uint32 help_ref = 3; uint32 unit_ref = 4}}. A repeated
   * singular message merges field by field, as protobuf does.
   */
  private void readMetadata(WireReader in) throws InvalidPayloadException {
    int saved = in.enter();
    while (in.hasMore()) {
      int tag = in.readTag();
      switch (tag) {
        case 1 << 3 | VARINT -> metricType = (int) in.readVarint();
        case 3 << 3 | VARINT -> helpRef = (int) in.readVarint();
        case 4 << 3 | VARINT -> unitRef = (int) in.readVarint();
        default -> in.skip(tag);
      }
    }
    in.exit(saved);
  }

  /** A repeated uint32, packed or not (remote-write.md §1.4: decoders accept both). */
  private static void readUInt32s(WireReader in, int tag, IntList out)
      throws InvalidPayloadException {
    switch (tag & 7) {
      case VARINT -> out.add((int) in.readVarint());
      case LENGTH_DELIMITED -> {
        int saved = in.enter();
        while (in.hasMore()) {
          out.add((int) in.readVarint());
        }
        in.exit(saved);
      }
      default -> in.skip(tag);
    }
  }

  private static long skip(WireReader in, int tag, long keep) throws InvalidPayloadException {
    in.skip(tag);
    return keep;
  }
}
