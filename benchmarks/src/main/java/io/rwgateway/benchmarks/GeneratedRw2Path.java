package io.rwgateway.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.HistogramValidator;
import io.rwgateway.translators.codec.LabelSetValidator;
import io.rwgateway.translators.codec.Rejections;
import io.rwgateway.translators.codec.SeriesRejectedException;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.SymbolTable;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The baseline RW 2.0 decode: {@code Rw2Proto.Request.parseFrom} and then the same canonical
 * {@link MetricBatch} the hand-written {@code Rw2Decoder} makes, under the same per-series rules
 * (label refs even and in range, labels checked by {@link LabelSetValidator}, samples and
 * histograms never together, something to write, metadata and exemplar refs in range, histograms
 * checked, the rc field 6 as start timestamp fallback). The request's symbols become the batch's
 * table as they are, with an "" put in front when the sender's table lacks it, as the hand decoder
 * does. Invalid UTF-8 fails the whole parse here (protobuf-java checks proto3 strings); the
 * workloads have none. Not thread-safe.
 */
public final class GeneratedRw2Path {
  private final LabelSetValidator validator;
  private int[] pairs = new int[64];

  public GeneratedRw2Path(DecodeLimits limits) {
    this.validator = new LabelSetValidator(limits);
  }

  /** Parses only: the cost of the generated classes alone (the second baseline). */
  public static Rw2Proto.Request parse(byte[] body) throws InvalidProtocolBufferException {
    return Rw2Proto.Request.parseFrom(body);
  }

  public DecodedRequest decode(byte[] body) throws InvalidProtocolBufferException {
    Rw2Proto.Request request = parse(body);
    List<String> wire = request.getSymbolsList();
    int shift = !wire.isEmpty() && wire.get(0).isEmpty() ? 0 : 1;
    List<String> table = wire;
    if (shift == 1) {
      table = new ArrayList<>(wire.size() + 1);
      table.add("");
      table.addAll(wire);
    }
    SymbolTable symbols = SymbolTable.of(table);
    IntFunction<String> lookup = symbols::get;
    int senderCount = wire.size();
    int n = request.getTimeseriesCount();
    List<Series> series = new ArrayList<>(n);
    Rejections rejections = new Rejections();
    for (int i = 0; i < n; i++) {
      Rw2Proto.TimeSeries ts = request.getTimeseries(i);
      try {
        series.add(build(ts, lookup, senderCount, shift));
      } catch (SeriesRejectedException e) {
        rejections.reject(e.reason(), e.getMessage(), ts.getSamplesCount(), ts.getHistogramsCount(),
            ts.getExemplarsCount());
      }
    }
    return new DecodedRequest(new MetricBatch(symbols, series), rejections, 0);
  }

  private Series build(Rw2Proto.TimeSeries ts, IntFunction<String> symbols, int senderCount, int shift)
      throws SeriesRejectedException {
    int refCount = ts.getLabelsRefsCount();
    if ((refCount & 1) != 0) {
      throw new SeriesRejectedException("invalid_label_refs", "labels_refs must have even length");
    }
    if (pairs.length < refCount) {
      pairs = new int[2 * refCount];
    }
    for (int j = 0; j < refCount; j++) {
      pairs[j] = resolve(ts.getLabelsRefs(j), senderCount, shift, "invalid_label_refs");
    }
    int[] labels = validator.validate(pairs, refCount / 2, symbols);
    int samples = ts.getSamplesCount();
    int histogramCount = ts.getHistogramsCount();
    if (samples > 0 && histogramCount > 0) {
      throw new SeriesRejectedException("samples_and_histograms", "series has samples and histograms");
    }
    if (samples == 0 && histogramCount == 0 && ts.getExemplarsCount() == 0) {
      throw new SeriesRejectedException("no_samples", "series has nothing to write");
    }
    Rw2Proto.Metadata meta = ts.getMetadata();
    int helpRef = meta.getHelpRef() == 0 ? 0 : resolve(meta.getHelpRef(), senderCount, shift, "invalid_metadata_refs");
    int unitRef = meta.getUnitRef() == 0 ? 0 : resolve(meta.getUnitRef(), senderCount, shift, "invalid_metadata_refs");
    long created = ts.getCreatedTimestamp();
    long[] timestamps = null;
    long[] values = null;
    long[] starts = null;
    if (samples > 0) {
      timestamps = new long[samples];
      values = new long[samples];
      for (int j = 0; j < samples; j++) {
        Rw2Proto.Sample s = ts.getSamples(j);
        timestamps[j] = s.getTimestamp();
        values[j] = Double.doubleToRawLongBits(s.getValue());
        long st = s.getStartTimestamp() != 0 ? s.getStartTimestamp() : created;
        if (st != 0) {
          if (starts == null) {
            starts = new long[samples];
          }
          starts[j] = st;
        }
      }
    }
    return new Series(labels, MetricType.fromCode(meta.getTypeValue()), helpRef, unitRef, timestamps, values,
        starts, histograms(ts, created), exemplars(ts, senderCount, shift));
  }

  private static int resolve(int wireRef, int senderCount, int shift, String reason)
      throws SeriesRejectedException {
    long ref = wireRef & 0xffffffffL;
    if (ref >= senderCount) {
      throw new SeriesRejectedException(reason, "ref " + ref + " out of range (" + senderCount + " symbols)");
    }
    return (int) ref + shift;
  }

  private static List<Histogram> histograms(Rw2Proto.TimeSeries ts, long created) throws SeriesRejectedException {
    int n = ts.getHistogramsCount();
    if (n == 0) {
      return List.of();
    }
    List<Histogram> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Histogram h = ProtoHistograms.fromRw2(ts.getHistograms(i));
      HistogramValidator.validate(h);
      out.add(created != 0 && h.startTimestamp() == 0 ? h.withStartTimestamp(created) : h);
    }
    return List.copyOf(out);
  }

  private static List<Exemplar> exemplars(Rw2Proto.TimeSeries ts, int senderCount, int shift)
      throws SeriesRejectedException {
    int n = ts.getExemplarsCount();
    if (n == 0) {
      return List.of();
    }
    List<Exemplar> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Rw2Proto.Exemplar e = ts.getExemplars(i);
      if ((e.getLabelsRefsCount() & 1) != 0) {
        throw new SeriesRejectedException("invalid_label_refs", "exemplar labels_refs must have even length");
      }
      int[] refs = new int[e.getLabelsRefsCount()];
      for (int j = 0; j < refs.length; j++) {
        refs[j] = resolve(e.getLabelsRefs(j), senderCount, shift, "invalid_label_refs");
      }
      out.add(new Exemplar(refs, Double.doubleToRawLongBits(e.getValue()), e.getTimestamp()));
    }
    return List.copyOf(out);
  }
}
