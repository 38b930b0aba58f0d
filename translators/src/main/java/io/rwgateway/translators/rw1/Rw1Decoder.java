package io.rwgateway.translators.rw1;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.LabelSetValidator;
import io.rwgateway.translators.codec.Rejections;
import io.rwgateway.translators.codec.SeriesRejectedException;
import io.rwgateway.translators.metadata.FamilyMetadata;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.model.SymbolTableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Decodes a RW 1.0 {@code prometheus.WriteRequest} (already snappy-decoded) straight from its
 * bytes into a {@link MetricBatch}: no generated message objects, label bytes interned once
 * (architecture.md, "Performance principles").
 *
 * <ul>
 *   <li>Malformed protobuf anywhere fails the whole request ({@code bad_protobuf}, answered 400,
 *       remote-write.md §5). Unknown fields of every message are skipped, and so is the reserved
 *       field 2 of WriteRequest (Cortex "source").
 *   <li>Each series' labels are validated by {@link LabelSetValidator} (sorted, empty values
 *       dropped, no duplicate, a {@code __name__}, limits) and must be UTF-8; an invalid series
 *       is skipped and counted in {@link Rejections}, the rest is kept (§1.7 partial ingest).
 *   <li>A TimeSeries with both samples and histograms becomes two series with the same labels
 *       (§3.3.2); its exemplars stay with the samples. Exemplar-only series, as Prometheus sends
 *       them (§4.5), are kept as such. A TimeSeries with nothing in it has nothing to write and
 *       is dropped without counting.
 *   <li>{@code metadata} entries go to the {@link MetadataStore} once the whole request has
 *       decoded, and every series gets type, help and unit from the store (§3.3.3). A
 *       metadata-only request, as Prometheus sends every minute, yields an empty batch.
 * </ul>
 *
 * <p>Keeps scratch buffers and uses a {@link StringInterner}: not thread-safe, use one per thread.
 */
public final class Rw1Decoder {
  private static final String WHAT = "RW 1.0 WriteRequest";
  private static final int TIMESERIES = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int METADATA = 3 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int LABEL = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int SAMPLE = 2 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int EXEMPLAR = 3 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int HISTOGRAM = 4 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int SAMPLE_VALUE = 1 << 3 | WireReader.FIXED64;
  private static final int SAMPLE_TIMESTAMP = 2 << 3 | WireReader.VARINT;
  private static final int METADATA_TYPE = 1 << 3 | WireReader.VARINT;
  private static final int METADATA_FAMILY = 2 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int METADATA_HELP = 4 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int METADATA_UNIT = 5 << 3 | WireReader.LENGTH_DELIMITED;

  private final LabelSetValidator validator;
  private final StringInterner interner;
  private final MetadataStore metadata;
  private final LabelReader label;
  private final ExemplarCollector exemplars;
  private final HistogramDecoder histogramDecoder = new HistogramDecoder();

  // Scratch for the series being decoded. Labels are validated as indexes into labelStrings, so
  // only a valid series' strings reach the batch's symbol table.
  private String[] labelStrings = new String[64];
  private int[] labelIndexes = new int[64];
  private int labelCount;
  private boolean labelsUtf8;
  private final LongList timestamps = new LongList(16);
  private final LongList values = new LongList(16);
  private final List<Histogram> histograms = new ArrayList<>();
  private final IntFunction<String> labelString = i -> labelStrings[i];

  public Rw1Decoder(DecodeLimits limits, StringInterner interner, MetadataStore metadata) {
    this.validator = new LabelSetValidator(limits);
    this.interner = interner;
    this.metadata = metadata;
    this.label = new LabelReader(interner);
    this.exemplars = new ExemplarCollector(label);
  }

  /** Decodes {@code buf[off, off+len)}, the snappy-decoded body of one request. */
  public DecodedRequest decode(byte[] buf, int off, int len) throws InvalidPayloadException {
    WireReader r = new WireReader(buf, off, len, WHAT);
    SymbolTableBuilder symbols = new SymbolTableBuilder(256);
    List<Series> series = new ArrayList<>();
    List<FamilyEntry> families = null;
    Rejections rejections = new Rejections();
    int metadataEntries = 0;
    while (r.hasMore()) {
      int tag = r.readTag();
      if (tag == TIMESERIES) {
        int outer = r.enter();
        readSeries(r, symbols, series, rejections);
        r.exit(outer);
      } else if (tag == METADATA) {
        int outer = r.enter();
        FamilyEntry entry = readMetadata(r);
        if (entry != null) {
          families = families == null ? new ArrayList<>() : families;
          families.add(entry);
        }
        r.exit(outer);
        metadataEntries++;
      } else {
        r.skip(tag); // unknown, or reserved 2
      }
    }
    if (families != null) {
      for (FamilyEntry e : families) {
        metadata.put(e.family(), e.metadata());
      }
      if (!series.isEmpty()) {
        rejoin(series, symbols); // they were joined before this request's entries were stored
      }
    }
    MetricBatch batch = series.isEmpty() ? MetricBatch.EMPTY : new MetricBatch(symbols.build(), series);
    return new DecodedRequest(batch, rejections, metadataEntries);
  }

  private void readSeries(WireReader r, SymbolTableBuilder symbols, List<Series> out, Rejections rejections)
      throws InvalidPayloadException {
    labelCount = 0;
    labelsUtf8 = true;
    timestamps.clear();
    values.clear();
    histograms.clear();
    exemplars.clear();
    while (r.hasMore()) {
      int tag = r.readTag();
      int outer;
      switch (tag) {
        case LABEL -> {
          outer = r.enter();
          label.read(r);
          r.exit(outer);
          addLabel();
        }
        case SAMPLE -> {
          outer = r.enter();
          readSample(r);
          r.exit(outer);
        }
        case EXEMPLAR -> {
          outer = r.enter();
          exemplars.read(r);
          r.exit(outer);
        }
        case HISTOGRAM -> {
          outer = r.enter();
          histograms.add(histogramDecoder.read(r));
          r.exit(outer);
        }
        default -> r.skip(tag);
      }
    }
    int samples = timestamps.size();
    if (samples == 0 && histograms.isEmpty() && exemplars.count() == 0) {
      return;
    }
    int[] refs;
    try {
      if (!labelsUtf8 || !exemplars.valid()) {
        throw new SeriesRejectedException("invalid_utf8", "series has a label that is not valid UTF-8");
      }
      refs = validator.validate(labelIndexes, labelCount, labelString);
      // Native histograms are validated as Prometheus' v1 receiver does (remote-write.md §2.4, §5);
      // one invalid histogram refuses its series through the catch below.
      for (int i = 0; i < histograms.size(); i++) {
        io.rwgateway.translators.codec.HistogramValidator.validate(histograms.get(i));
      }
    } catch (SeriesRejectedException e) {
      rejections.reject(e.reason(), e.getMessage(), samples, histograms.size(), exemplars.count());
      return;
    }
    addSeries(refs, symbols, out);
  }

  private void addLabel() {
    int i = 2 * labelCount;
    if (i + 2 > labelStrings.length) {
      labelStrings = Arrays.copyOf(labelStrings, labelStrings.length * 2);
      labelIndexes = Arrays.copyOf(labelIndexes, labelIndexes.length * 2);
    }
    labelStrings[i] = label.name;
    labelStrings[i + 1] = label.value;
    labelIndexes[i] = i;
    labelIndexes[i + 1] = i + 1;
    labelsUtf8 &= label.valid;
    labelCount++;
  }

  private void readSample(WireReader r) throws InvalidPayloadException {
    long valueBits = 0;
    long timestamp = 0;
    while (r.hasMore()) {
      int tag = r.readTag();
      if (tag == SAMPLE_VALUE) {
        valueBits = r.readFixed64(); // raw bits: the StaleNaN 0x7ff0000000000002 survives (§1.6)
      } else if (tag == SAMPLE_TIMESTAMP) {
        timestamp = r.readVarint();
      } else {
        r.skip(tag);
      }
    }
    values.add(valueBits);
    timestamps.add(timestamp);
  }

  /** Turns the validated label indexes into symbol refs and appends the series (or two, §3.3.2). */
  private void addSeries(int[] refs, SymbolTableBuilder symbols, List<Series> out) {
    String metricName = null;
    for (int i = 0; i < refs.length; i += 2) {
      String name = labelStrings[refs[i]];
      String value = labelStrings[refs[i + 1]];
      if (metricName == null && name.equals(LabelSetValidator.METRIC_NAME)) {
        metricName = value;
      }
      refs[i] = symbols.intern(name);
      refs[i + 1] = symbols.intern(value);
    }
    FamilyMetadata m = metricName == null ? null : metadata.resolve(metricName);
    MetricType type = m == null ? MetricType.UNSPECIFIED : m.type();
    int helpRef = m == null ? 0 : symbols.intern(m.help());
    int unitRef = m == null ? 0 : symbols.intern(m.unit());
    List<Exemplar> exemplarList = exemplars.build(symbols);
    boolean hasSamples = timestamps.size() > 0;
    if (hasSamples || histograms.isEmpty()) {
      out.add(new Series(refs, type, helpRef, unitRef, timestamps.toArray(), values.toArray(), null,
          List.of(), exemplarList));
    }
    if (!histograms.isEmpty()) {
      out.add(new Series(refs, type, helpRef, unitRef, null, null, null, List.copyOf(histograms),
          hasSamples ? List.of() : exemplarList));
    }
  }

  /** One {@code MetricMetadata}, or null when it names no family or is not UTF-8 (skipped). */
  private FamilyEntry readMetadata(WireReader r) throws InvalidPayloadException {
    long type = 0;
    String family = "";
    String help = "";
    String unit = "";
    boolean utf8 = true;
    while (r.hasMore()) {
      int tag = r.readTag();
      switch (tag) {
        case METADATA_TYPE -> type = r.readVarint();
        case METADATA_FAMILY -> family = string(r);
        case METADATA_HELP -> help = string(r);
        case METADATA_UNIT -> unit = string(r);
        default -> r.skip(tag);
      }
      utf8 &= family != null && help != null && unit != null;
    }
    if (!utf8 || family.isEmpty()) {
      return null;
    }
    // Type numbers map 1:1 (§3.2.5); a number from a newer sender reads as UNSPECIFIED.
    MetricType t = type >= 0 && type < Integer.MAX_VALUE ? MetricType.fromCode((int) type) : MetricType.UNSPECIFIED;
    return new FamilyEntry(family, new FamilyMetadata(t, help, unit));
  }

  /** A length-delimited string, or null when it is not UTF-8. */
  private String string(WireReader r) throws InvalidPayloadException {
    int len = r.readLength();
    int off = r.position();
    r.skipBytes(len);
    return interner.intern(r.buffer(), off, len);
  }

  /** Joins metadata again after a request carried entries and series together (rare). */
  private void rejoin(List<Series> series, SymbolTableBuilder symbols) {
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String metricName = null;
      for (int j = 0; j < s.labelCount() && metricName == null; j++) {
        if (symbols.get(s.labelNameRef(j)).equals(LabelSetValidator.METRIC_NAME)) {
          metricName = symbols.get(s.labelValueRef(j));
        }
      }
      FamilyMetadata m = metricName == null ? null : metadata.resolve(metricName);
      if (m != null) {
        series.set(i, s.withMetadata(m.type(), symbols.intern(m.help()), symbols.intern(m.unit())));
      }
    }
  }

  private record FamilyEntry(String family, FamilyMetadata metadata) {}
}
