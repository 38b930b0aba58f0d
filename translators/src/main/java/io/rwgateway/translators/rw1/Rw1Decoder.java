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
import io.rwgateway.translators.model.GenerationFullException;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.model.SymbolGeneration;
import io.rwgateway.translators.model.SymbolTableBuilder;
import io.rwgateway.translators.wire.HistogramReader;
import io.rwgateway.translators.wire.LongList;
import io.rwgateway.translators.wire.WireReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 *       decoded, and every series gets type, help and unit from the store (§3.3.3), asked once
 *       per metric name and request ({@link MetadataMemo}). A metadata-only request, as
 *       Prometheus sends every minute, yields an empty batch.
 *   <li>Label names and values become ids of the gateway's {@link SymbolDictionary} straight
 *       from the bytes, and the batch's symbol table holds those ids (docs/dictionary.md step 2).
 *       A request that meets a full generation starts over in the next one (once per
 *       generation); one with more distinct strings than a whole generation holds is refused
 *       ({@code too_many_symbols}).
 *   <li>Labels are read through {@link SeriesLabels}, which reuses what the previous series had
 *       at the same position when the bytes are the same; names equal to those of the previous,
 *       accepted series skip the name checks, whose answer cannot differ. The result is the same
 *       as reading every series on its own (docs/benchmarks.md has the figures).
 * </ul>
 *
 * <p>Keeps scratch buffers and uses a {@link StringInterner} (metadata and exemplar strings): not
 * thread-safe, use one per thread. The dictionary is shared.
 */
public final class Rw1Decoder {
  private static final String WHAT = "RW 1.0 WriteRequest";
  private static final byte[] METRIC_NAME_BYTES = LabelSetValidator.METRIC_NAME.getBytes(StandardCharsets.UTF_8);
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

  private final DecodeLimits limits;
  private final LabelSetValidator validator;
  private final StringInterner interner;
  private final SymbolDictionary dictionary;
  private final MetadataStore metadata;
  private final ExemplarCollector exemplars;
  private final HistogramReader histogramDecoder = new HistogramReader(false);

  // Scratch for the series being decoded. Labels are validated as slot indexes into `labels`, so
  // only a valid series' strings reach the batch's symbol table.
  private final SeriesLabels labels;
  private int[] slotIndexes = new int[64];
  private final LongList timestamps = new LongList(16);
  private final LongList values = new LongList(16);
  private final List<Histogram> histograms = new ArrayList<>();
  private final IntFunction<String> slotString;
  private final MetadataMemo metadataMemo;
  /** The id of {@code __name__} in the current request's generation. */
  private int metricNameId;
  /** Symbols of the last request: the next one is sized for as many (they rarely differ much). */
  private int lastSymbolCount = 256;

  /** A decoder with a dictionary of its own (tests, tools): the gateway shares one, see the other constructor. */
  public Rw1Decoder(DecodeLimits limits, StringInterner interner, MetadataStore metadata) {
    this(limits, interner, SymbolDictionary.standalone(), metadata);
  }

  public Rw1Decoder(DecodeLimits limits, StringInterner interner, SymbolDictionary dictionary,
      MetadataStore metadata) {
    this.limits = limits;
    this.validator = new LabelSetValidator(limits);
    this.interner = interner;
    this.dictionary = dictionary;
    this.metadata = metadata;
    this.labels = new SeriesLabels();
    this.slotString = labels::string;
    this.exemplars = new ExemplarCollector(new LabelReader(interner));
    this.metadataMemo = new MetadataMemo(metadata);
  }

  /** Decodes {@code buf[off, off+len)}, the snappy-decoded body of one request. */
  public DecodedRequest decode(byte[] buf, int off, int len) throws InvalidPayloadException {
    try {
      return dictionary.inGeneration(generation -> decodeIn(generation, buf, off, len));
    } catch (GenerationFullException e) {
      throw new InvalidPayloadException("too_many_symbols", "request has more distinct label strings than "
          + "the symbol dictionary holds (" + dictionary.maxSymbols() + ")");
    }
  }

  private DecodedRequest decodeIn(SymbolGeneration generation, byte[] buf, int off, int len)
      throws InvalidPayloadException {
    WireReader r = new WireReader(buf, off, len, WHAT);
    SymbolTableBuilder symbols = new SymbolTableBuilder(generation, lastSymbolCount);
    labels.startRequest(generation);
    metadataMemo.startRequest(generation);
    metricNameId = generation.internInBatch(METRIC_NAME_BYTES, 0, METRIC_NAME_BYTES.length);
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
      metadataMemo.invalidate();
      if (!series.isEmpty()) {
        rejoin(series, symbols); // they were joined before this request's entries were stored
      }
    }
    lastSymbolCount = symbols.size();
    MetricBatch batch = series.isEmpty() ? MetricBatch.EMPTY : new MetricBatch(symbols.build(), series);
    return new DecodedRequest(batch, rejections, metadataEntries);
  }

  private void readSeries(WireReader r, SymbolTableBuilder symbols, List<Series> out, Rejections rejections)
      throws InvalidPayloadException {
    labels.startSeries();
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
          labels.read(r);
          r.exit(outer);
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
      labels.finishSeries(false);
      return;
    }
    int[] refs;
    try {
      if (!labels.utf8() || !exemplars.valid()) {
        throw new SeriesRejectedException("invalid_utf8", "series has a label that is not valid UTF-8");
      }
      refs = validatedSlots();
      // Native histograms are validated as Prometheus' v1 receiver does (remote-write.md §2.4, §5);
      // one invalid histogram refuses its series through the catch below.
      for (int i = 0; i < histograms.size(); i++) {
        io.rwgateway.translators.codec.HistogramValidator.validate(histograms.get(i));
      }
    } catch (SeriesRejectedException e) {
      labels.finishSeries(false);
      rejections.reject(e.reason(), e.getMessage(), samples, histograms.size(), exemplars.count());
      return;
    }
    boolean inOrder = isIdentity(refs, 2 * labels.count());
    addSeries(refs, symbols, out);
    labels.finishSeries(inOrder);
  }

  /**
   * The series' label slots, checked, sorted and without empty values ({@link LabelSetValidator}).
   * When the names are those of the previous series, which passed with every label kept in
   * order, the name checks would pass again the same way: only the values are looked at.
   */
  private int[] validatedSlots() throws SeriesRejectedException {
    int n = labels.count();
    if (labels.namesAsAcceptedBefore() && valuesNonEmptyWithinLimit(n)) {
      int[] slots = new int[2 * n];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = i;
      }
      return slots;
    }
    if (slotIndexes.length < 2 * n) {
      slotIndexes = new int[Math.max(4 * n, 2 * slotIndexes.length)];
    }
    for (int i = 0; i < 2 * n; i++) {
      slotIndexes[i] = i;
    }
    return validator.validate(slotIndexes, n, slotString);
  }

  private boolean valuesNonEmptyWithinLimit(int n) {
    int max = limits.maxLabelValueLength();
    for (int i = 0; i < n; i++) {
      if (!labels.nonEmptyWithin(2 * i + 1, max)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentity(int[] slots, int expectedLength) {
    if (slots.length != expectedLength) {
      return false;
    }
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != i) {
        return false;
      }
    }
    return true;
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

  /** Turns the validated label slots into symbol refs and appends the series (or two, §3.3.2). */
  private void addSeries(int[] refs, SymbolTableBuilder symbols, List<Series> out) {
    int metricName = -1;
    for (int i = 0; i < refs.length; i += 2) {
      int nameSlot = refs[i];
      int valueSlot = refs[i + 1];
      if (metricName < 0 && labels.id(nameSlot) == metricNameId) {
        metricName = labels.id(valueSlot);
      }
      refs[i] = labels.ref(nameSlot, symbols);
      refs[i + 1] = labels.ref(valueSlot, symbols);
    }
    MetricType type = MetricType.UNSPECIFIED;
    int helpRef = 0;
    int unitRef = 0;
    if (metricName >= 0) {
      MetadataMemo.Joined m = metadataMemo.join(metricName, symbols);
      type = m.type;
      helpRef = m.helpRef;
      unitRef = m.unitRef;
    }
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
