package io.rwgateway.translators.rw1;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.LabelSetValidator;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataCadence;
import io.rwgateway.translators.metadata.MetricFamilies;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.snappy.SnappyBlock;
import io.rwgateway.translators.wire.HistogramWriter;
import io.rwgateway.translators.wire.WireReader;
import io.rwgateway.translators.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes batches into one RW 1.0 {@code prometheus.WriteRequest}, snappy block compressed
 * (remote-write.md §1.3, §1.4, and the 2.0 → 1.0 rules of §3.2). Each series becomes one
 * {@code TimeSeries} with inline labels (refs resolved to strings, already sorted in the model);
 * exemplar-only series stay exemplar-only, as Prometheus itself sends them. Sample values keep
 * their raw bits (StaleNaN, §1.6). Dropped because v1 has no field for them: start timestamps of
 * samples (§3.2.2) and histograms (§3.2.3). Metadata (§3.2.5): one {@code MetricMetadata} per
 * family, for series that carry any, the first series of a family deciding what it says.
 *
 * <p>Two passes: the exact size of every {@code TimeSeries} first, then one write into an array of
 * exactly the request's size. Thread-safe. Without a {@link MetadataCadence} every request carries
 * the metadata of its families; with one, a family's metadata goes out as the cadence says.
 */
public final class Rw1Encoder implements RequestEncoder {
  private static final int TIMESERIES = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int METADATA = 3 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int LABEL = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int SAMPLE = 2 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int EXEMPLAR = 3 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int HISTOGRAM = 4 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int LABEL_NAME = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int LABEL_VALUE = 2 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int SAMPLE_VALUE = 1 << 3 | WireReader.FIXED64;
  private static final int SAMPLE_TIMESTAMP = 2 << 3 | WireReader.VARINT;
  private static final int EXEMPLAR_VALUE = 2 << 3 | WireReader.FIXED64;
  private static final int EXEMPLAR_TIMESTAMP = 3 << 3 | WireReader.VARINT;
  private static final int METADATA_TYPE = 1 << 3 | WireReader.VARINT;
  private static final int METADATA_FAMILY = 2 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int METADATA_HELP = 4 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int METADATA_UNIT = 5 << 3 | WireReader.LENGTH_DELIMITED;

  private final MetadataCadence cadence;

  /** Metadata of every family in every request. */
  public Rw1Encoder() {
    this(null);
  }

  /** Metadata when {@code cadence} says so (null: in every request). */
  public Rw1Encoder(MetadataCadence cadence) {
    this.cadence = cadence;
  }

  @Override
  public EncodedRequest encode(List<MetricBatch> batches) {
    int seriesCount = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (MetricBatch b : batches) {
      seriesCount += b.series().size();
      samples += b.sampleCount();
      histograms += b.histogramCount();
      exemplars += b.exemplarCount();
    }
    SymbolBytes[] symbols = new SymbolBytes[batches.size()];
    int[] seriesSizes = new int[seriesCount];
    List<FamilyEntry> families = new ArrayList<>();
    Set<String> seenFamilies = new HashSet<>();
    long total = 0;
    int k = 0;
    for (int b = 0; b < batches.size(); b++) {
      MetricBatch batch = batches.get(b);
      symbols[b] = new SymbolBytes(batch.symbols());
      for (Series s : batch.series()) {
        int size = seriesSize(s, symbols[b]);
        seriesSizes[k++] = size;
        total += WireWriter.lengthDelimitedSize(TIMESERIES, size);
        collectFamily(batch, s, seenFamilies, families);
      }
    }
    for (FamilyEntry family : families) {
      total += WireWriter.lengthDelimitedSize(METADATA, family.size());
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("cannot encode RW 1.0 request (2 GiB): " + total + " bytes of protobuf");
    }
    WireWriter w = new WireWriter((int) total);
    k = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (Series s : batches.get(b).series()) {
        w.lengthDelimited(TIMESERIES, seriesSizes[k++]);
        writeSeries(w, s, symbols[b]);
      }
    }
    for (FamilyEntry family : families) {
      w.lengthDelimited(METADATA, family.size());
      family.write(w);
    }
    if (w.position() != total) {
      throw new IllegalStateException("cannot encode RW 1.0 request (" + total + " bytes sized): "
          + w.position() + " bytes written");
    }
    return new EncodedRequest(SnappyBlock.compress(w.buffer(), (int) total), (int) total, seriesCount,
        samples, histograms, exemplars);
  }

  private static int seriesSize(Series s, SymbolBytes symbols) {
    int n = labelsSize(s.labelRefs(), symbols);
    for (int i = 0; i < s.sampleCount(); i++) {
      n += WireWriter.lengthDelimitedSize(SAMPLE, sampleSize(s.valueBits(i), s.timestamp(i)));
    }
    for (Exemplar e : s.exemplars()) {
      n += WireWriter.lengthDelimitedSize(EXEMPLAR, exemplarSize(e, symbols));
    }
    for (Histogram h : s.histograms()) {
      n += WireWriter.lengthDelimitedSize(HISTOGRAM, HistogramWriter.size(h, false));
    }
    return n;
  }

  private static void writeSeries(WireWriter w, Series s, SymbolBytes symbols) {
    writeLabels(w, s.labelRefs(), symbols);
    for (int i = 0; i < s.sampleCount(); i++) {
      long bits = s.valueBits(i);
      long ts = s.timestamp(i);
      w.lengthDelimited(SAMPLE, sampleSize(bits, ts));
      if (bits != 0) {
        w.varint32(SAMPLE_VALUE);
        w.fixed64(bits);
      }
      if (ts != 0) {
        w.varint32(SAMPLE_TIMESTAMP);
        w.varint64(ts);
      }
    }
    for (Exemplar e : s.exemplars()) {
      w.lengthDelimited(EXEMPLAR, exemplarSize(e, symbols));
      writeLabels(w, e.labelRefs(), symbols);
      if (e.valueBits() != 0) {
        w.varint32(EXEMPLAR_VALUE);
        w.fixed64(e.valueBits());
      }
      if (e.timestamp() != 0) {
        w.varint32(EXEMPLAR_TIMESTAMP);
        w.varint64(e.timestamp());
      }
    }
    for (Histogram h : s.histograms()) {
      w.lengthDelimited(HISTOGRAM, HistogramWriter.size(h, false));
      HistogramWriter.write(w, h, false);
    }
  }

  private static int sampleSize(long valueBits, long timestamp) {
    return (valueBits != 0 ? 1 + 8 : 0) + (timestamp != 0 ? 1 + WireWriter.varint64Size(timestamp) : 0);
  }

  private static int exemplarSize(Exemplar e, SymbolBytes symbols) {
    return labelsSize(e.labelRefs(), symbols) + sampleSize(e.valueBits(), e.timestamp());
  }

  private static int labelsSize(int[] refs, SymbolBytes symbols) {
    int n = 0;
    for (int i = 0; i < refs.length; i += 2) {
      n += WireWriter.lengthDelimitedSize(LABEL, labelSize(symbols.get(refs[i]), symbols.get(refs[i + 1])));
    }
    return n;
  }

  private static int labelSize(byte[] name, byte[] value) {
    return stringSize(LABEL_NAME, name) + stringSize(LABEL_VALUE, value);
  }

  private static void writeLabels(WireWriter w, int[] refs, SymbolBytes symbols) {
    for (int i = 0; i < refs.length; i += 2) {
      byte[] name = symbols.get(refs[i]);
      byte[] value = symbols.get(refs[i + 1]);
      w.lengthDelimited(LABEL, labelSize(name, value));
      writeString(w, LABEL_NAME, name);
      writeString(w, LABEL_VALUE, value);
    }
  }

  /** Proto3 string field: omitted when empty. */
  private static int stringSize(int tag, byte[] utf8) {
    return utf8.length == 0 ? 0 : WireWriter.lengthDelimitedSize(tag, utf8.length);
  }

  private static void writeString(WireWriter w, int tag, byte[] utf8) {
    if (utf8.length != 0) {
      w.lengthDelimited(tag, utf8.length);
      w.bytes(utf8);
    }
  }

  /** Adds the family of {@code s} to {@code out} when the series carries metadata and it is new. */
  private void collectFamily(MetricBatch batch, Series s, Set<String> seen, List<FamilyEntry> out) {
    if (s.type() == MetricType.UNSPECIFIED && s.helpRef() == 0 && s.unitRef() == 0) {
      return;
    }
    String metricName = batch.labelValue(s, LabelSetValidator.METRIC_NAME);
    if (metricName == null) {
      return;
    }
    String family = MetricFamilies.familyName(metricName, s.type());
    if (!seen.add(family)) {
      return;
    }
    String help = batch.symbol(s.helpRef());
    String unit = batch.symbol(s.unitRef());
    if (cadence == null || cadence.due(family, s.type().code(), help, unit)) {
      out.add(new FamilyEntry(s.type().code(), family.getBytes(StandardCharsets.UTF_8),
          help.getBytes(StandardCharsets.UTF_8), unit.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * One {@code MetricMetadata{type, metric_family_name, help, unit}}; the type is the model's
   * number (UNSPECIFIED is UNKNOWN: the enums map 1:1 by number).
   */
  private record FamilyEntry(int type, byte[] family, byte[] help, byte[] unit) {
    int size() {
      return (type != 0 ? 1 + WireWriter.varint32Size(type) : 0) + stringSize(METADATA_FAMILY, family)
          + stringSize(METADATA_HELP, help) + stringSize(METADATA_UNIT, unit);
    }

    void write(WireWriter w) {
      if (type != 0) {
        w.varint32(METADATA_TYPE);
        w.varint32(type);
      }
      writeString(w, METADATA_FAMILY, family);
      writeString(w, METADATA_HELP, help);
      writeString(w, METADATA_UNIT, unit);
    }
  }
}
