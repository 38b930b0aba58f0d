package io.rwgateway.translators.rw1;

import io.rwgateway.translators.metadata.FamilyMetadata;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.util.ArrayList;
import java.util.List;

/**
 * The test oracle: what a RW 1.0 request parsed by the generated classes should decode to,
 * built independently of the hand-written decoder (through {@link MetricBatchBuilder}) and
 * rendered with {@link BatchText} so symbol numbering does not matter. Applies the decoder's
 * documented rules: empty values dropped, labels sorted, mixed series split (samples first, with
 * the exemplars), empty series dropped, metadata from {@code store}. Assumes valid labels.
 */
final class ProtoOracle {
  private ProtoOracle() {}

  static List<String> lines(Rw1Proto.WriteRequest req, MetadataStore store) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (Rw1Proto.TimeSeries ts : req.getTimeseriesList()) {
      boolean hasSamples = ts.getSamplesCount() > 0;
      boolean hasHistograms = ts.getHistogramsCount() > 0;
      if (hasSamples || !hasHistograms && ts.getExemplarsCount() > 0) {
        MetricBatchBuilder.SeriesBuilder s = series(b, ts, store);
        for (Rw1Proto.Sample sample : ts.getSamplesList()) {
          s.sampleBits(sample.getTimestamp(), Double.doubleToRawLongBits(sample.getValue()), 0);
        }
        addExemplars(s, ts);
        s.add();
      }
      if (hasHistograms) {
        MetricBatchBuilder.SeriesBuilder s = series(b, ts, store);
        for (Rw1Proto.Histogram h : ts.getHistogramsList()) {
          s.histogram(toModel(h));
        }
        if (!hasSamples) {
          addExemplars(s, ts);
        }
        s.add();
      }
    }
    return BatchText.lines(b.build());
  }

  private static MetricBatchBuilder.SeriesBuilder series(MetricBatchBuilder b, Rw1Proto.TimeSeries ts,
      MetadataStore store) {
    List<String> pairs = new ArrayList<>();
    String name = null;
    for (Rw1Proto.Label l : ts.getLabelsList()) {
      if (!l.getValue().isEmpty()) {
        pairs.add(l.getName());
        pairs.add(l.getValue());
      }
      if (l.getName().equals("__name__")) {
        name = l.getValue();
      }
    }
    MetricBatchBuilder.SeriesBuilder s = b.series(pairs.toArray(new String[0]));
    FamilyMetadata m = name == null ? null : store.resolve(name);
    if (m != null) {
      s.type(m.type()).help(m.help()).unit(m.unit());
    }
    return s;
  }

  private static void addExemplars(MetricBatchBuilder.SeriesBuilder s, Rw1Proto.TimeSeries ts) {
    for (Rw1Proto.Exemplar e : ts.getExemplarsList()) {
      String[] labels = new String[2 * e.getLabelsCount()];
      for (int i = 0; i < e.getLabelsCount(); i++) {
        labels[2 * i] = e.getLabels(i).getName();
        labels[2 * i + 1] = e.getLabels(i).getValue();
      }
      s.exemplar(e.getTimestamp(), e.getValue(), labels);
    }
  }

  static Histogram toModel(Rw1Proto.Histogram h) {
    boolean isFloat = h.getCountCase() == Rw1Proto.Histogram.CountCase.COUNT_FLOAT;
    return new Histogram(isFloat, h.getCountInt(), h.getCountFloat(), Double.doubleToRawLongBits(h.getSum()),
        h.getSchema(), h.getZeroThreshold(), h.getZeroCountInt(), h.getZeroCountFloat(),
        spans(h.getNegativeSpansList()), longs(h.getNegativeDeltasList()), doubles(h.getNegativeCountsList()),
        spans(h.getPositiveSpansList()), longs(h.getPositiveDeltasList()), doubles(h.getPositiveCountsList()),
        h.getResetHintValue(), h.getTimestamp(), doubles(h.getCustomValuesList()), 0);
  }

  /** The v1 message for a model histogram (start timestamp has no v1 field). */
  static Rw1Proto.Histogram toProto(Histogram h) {
    Rw1Proto.Histogram.Builder b = Rw1Proto.Histogram.newBuilder();
    if (h.isFloat()) {
      b.setCountFloat(h.countFloat());
    } else {
      b.setCountInt(h.countInt());
    }
    b.setSum(h.sum()).setSchema(h.schema()).setZeroThreshold(h.zeroThreshold());
    if (h.isFloat() && Double.doubleToRawLongBits(h.zeroCountFloat()) != 0) {
      b.setZeroCountFloat(h.zeroCountFloat());
    } else if (!h.isFloat() && h.zeroCountInt() != 0) {
      b.setZeroCountInt(h.zeroCountInt());
    }
    for (int i = 0; i < h.negativeSpans().length; i += 2) {
      b.addNegativeSpans(span(h.negativeSpans()[i], h.negativeSpans()[i + 1]));
    }
    for (long d : h.negativeDeltas()) {
      b.addNegativeDeltas(d);
    }
    for (double c : h.negativeCounts()) {
      b.addNegativeCounts(c);
    }
    for (int i = 0; i < h.positiveSpans().length; i += 2) {
      b.addPositiveSpans(span(h.positiveSpans()[i], h.positiveSpans()[i + 1]));
    }
    for (long d : h.positiveDeltas()) {
      b.addPositiveDeltas(d);
    }
    for (double c : h.positiveCounts()) {
      b.addPositiveCounts(c);
    }
    for (double v : h.customValues()) {
      b.addCustomValues(v);
    }
    return b.setResetHintValue(h.resetHint()).setTimestamp(h.timestamp()).build();
  }

  static Rw1Proto.BucketSpan span(int offset, int length) {
    return Rw1Proto.BucketSpan.newBuilder().setOffset(offset).setLength(length).build();
  }

  static Rw1Proto.MetricMetadata.MetricType protoType(MetricType t) {
    return Rw1Proto.MetricMetadata.MetricType.forNumber(t.code());
  }

  private static int[] spans(List<Rw1Proto.BucketSpan> spans) {
    int[] out = new int[2 * spans.size()];
    for (int i = 0; i < spans.size(); i++) {
      out[2 * i] = spans.get(i).getOffset();
      out[2 * i + 1] = spans.get(i).getLength();
    }
    return out;
  }

  private static long[] longs(List<Long> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static double[] doubles(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
