package io.rwgateway.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.HistogramValidator;
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
import io.rwgateway.translators.model.SymbolTableBuilder;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The baseline RW 1.0 decode: {@code Rw1Proto.WriteRequest.parseFrom} and then the same canonical
 * {@link MetricBatch} the hand-written {@code Rw1Decoder} makes, under the same rules (empty values
 * dropped, labels sorted and checked by the same {@link LabelSetValidator}, histograms by the same
 * {@link HistogramValidator}, mixed series split, metadata joined from the store). Written to be
 * as lean as the generated objects allow (scratch arrays reused, indexed getters, no boxing), so
 * the comparison measures the generated objects, not a careless conversion. One difference left:
 * invalid UTF-8 fails the whole parse (protobuf-java checks proto3 strings) where the hand decoder
 * rejects one series; the benchmark workloads are valid UTF-8. The metadata join is memoized per
 * request by metric name, as the hand decoder does. Not thread-safe.
 */
public final class GeneratedRw1Path {
  /** Memo entry for "the store knows nothing of this name". */
  private static final FamilyMetadata NONE = new FamilyMetadata(MetricType.UNSPECIFIED, "", "");

  private final LabelSetValidator validator;
  private final MetadataStore metadata;
  /** The metadata join by metric name within one request, as the hand decoder memoizes it. */
  private final HashMap<String, FamilyMetadata> joined = new HashMap<>();
  private String[] labelStrings = new String[64];
  private int[] labelIndexes = new int[64];
  private final IntFunction<String> labelString = i -> labelStrings[i];

  public GeneratedRw1Path(DecodeLimits limits, MetadataStore metadata) {
    this.validator = new LabelSetValidator(limits);
    this.metadata = metadata;
  }

  /** Parses only: the cost of the generated classes alone (the second baseline). */
  public static Rw1Proto.WriteRequest parse(byte[] body) throws InvalidProtocolBufferException {
    return Rw1Proto.WriteRequest.parseFrom(body);
  }

  public DecodedRequest decode(byte[] body) throws InvalidProtocolBufferException {
    Rw1Proto.WriteRequest request = parse(body);
    for (int i = 0; i < request.getMetadataCount(); i++) {
      Rw1Proto.MetricMetadata m = request.getMetadata(i);
      if (!m.getMetricFamilyName().isEmpty()) {
        metadata.put(m.getMetricFamilyName(),
            new FamilyMetadata(MetricType.fromCode(m.getTypeValue()), m.getHelp(), m.getUnit()));
      }
    }
    int n = request.getTimeseriesCount();
    joined.clear();
    SymbolTableBuilder symbols = new SymbolTableBuilder(256);
    List<Series> series = new ArrayList<>(n);
    Rejections rejections = new Rejections();
    for (int i = 0; i < n; i++) {
      addSeries(request.getTimeseries(i), symbols, series, rejections);
    }
    MetricBatch batch = series.isEmpty() ? MetricBatch.EMPTY : new MetricBatch(symbols.build(), series);
    return new DecodedRequest(batch, rejections, request.getMetadataCount());
  }

  private void addSeries(Rw1Proto.TimeSeries ts, SymbolTableBuilder symbols, List<Series> out,
      Rejections rejections) {
    int samples = ts.getSamplesCount();
    int histogramCount = ts.getHistogramsCount();
    int exemplarCount = ts.getExemplarsCount();
    if (samples == 0 && histogramCount == 0 && exemplarCount == 0) {
      return;
    }
    int labels = ts.getLabelsCount();
    if (2 * labels > labelStrings.length) {
      labelStrings = new String[4 * labels];
      labelIndexes = new int[4 * labels];
    }
    for (int j = 0; j < labels; j++) {
      Rw1Proto.Label l = ts.getLabels(j);
      labelStrings[2 * j] = l.getName();
      labelStrings[2 * j + 1] = l.getValue();
      labelIndexes[2 * j] = 2 * j;
      labelIndexes[2 * j + 1] = 2 * j + 1;
    }
    int[] refs;
    List<Histogram> histograms = new ArrayList<>(histogramCount);
    try {
      refs = validator.validate(labelIndexes, labels, labelString);
      for (int j = 0; j < histogramCount; j++) {
        Histogram h = ProtoHistograms.fromRw1(ts.getHistograms(j));
        HistogramValidator.validate(h);
        histograms.add(h);
      }
    } catch (SeriesRejectedException e) {
      rejections.reject(e.reason(), e.getMessage(), samples, histogramCount, exemplarCount);
      return;
    }
    String metricName = null;
    for (int j = 0; j < refs.length; j += 2) {
      String name = labelStrings[refs[j]];
      String value = labelStrings[refs[j + 1]];
      if (metricName == null && name.equals(LabelSetValidator.METRIC_NAME)) {
        metricName = value;
      }
      refs[j] = symbols.intern(name);
      refs[j + 1] = symbols.intern(value);
    }
    FamilyMetadata m = metricName == null ? null : resolve(metricName);
    MetricType type = m == null ? MetricType.UNSPECIFIED : m.type();
    int helpRef = m == null ? 0 : symbols.intern(m.help());
    int unitRef = m == null ? 0 : symbols.intern(m.unit());
    List<Exemplar> exemplars = exemplars(ts, symbols);
    if (samples > 0 || histogramCount == 0) {
      long[] timestamps = new long[samples];
      long[] values = new long[samples];
      for (int j = 0; j < samples; j++) {
        Rw1Proto.Sample s = ts.getSamples(j);
        timestamps[j] = s.getTimestamp();
        values[j] = Double.doubleToRawLongBits(s.getValue());
      }
      out.add(new Series(refs, type, helpRef, unitRef, timestamps, values, null, List.of(), exemplars));
    }
    if (histogramCount > 0) {
      out.add(new Series(refs, type, helpRef, unitRef, null, null, null, List.copyOf(histograms),
          samples > 0 ? List.of() : exemplars));
    }
  }

  private FamilyMetadata resolve(String metricName) {
    FamilyMetadata m = joined.get(metricName);
    if (m == null) {
      m = metadata.resolve(metricName);
      joined.put(metricName, m == null ? NONE : m);
    }
    return m == NONE ? null : m;
  }

  private static List<Exemplar> exemplars(Rw1Proto.TimeSeries ts, SymbolTableBuilder symbols) {
    int n = ts.getExemplarsCount();
    if (n == 0) {
      return List.of();
    }
    List<Exemplar> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Rw1Proto.Exemplar e = ts.getExemplars(i);
      int[] refs = new int[2 * e.getLabelsCount()];
      for (int j = 0; j < e.getLabelsCount(); j++) {
        refs[2 * j] = symbols.intern(e.getLabels(j).getName());
        refs[2 * j + 1] = symbols.intern(e.getLabels(j).getValue());
      }
      out.add(new Exemplar(refs, Double.doubleToRawLongBits(e.getValue()), e.getTimestamp()));
    }
    return out;
  }
}
