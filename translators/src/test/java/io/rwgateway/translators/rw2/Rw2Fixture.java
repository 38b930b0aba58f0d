package io.rwgateway.translators.rw2;

import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds RW 2.0 requests with the generated classes (the test oracle), interning strings as a
 * sender would, and converts histograms between the generated and the model form.
 */
final class Rw2Fixture {
  private final List<String> symbols = new ArrayList<>();
  private final Map<String, Integer> refs = new HashMap<>();
  private final List<Rw2Proto.TimeSeries> series = new ArrayList<>();

  Rw2Fixture() {
    ref("");
  }

  int ref(String s) {
    return refs.computeIfAbsent(s, k -> {
      symbols.add(k);
      return symbols.size() - 1;
    });
  }

  /** A series with these labels, refs in the order given (not sorted). */
  Rw2Proto.TimeSeries.Builder series(String... labelPairs) {
    Rw2Proto.TimeSeries.Builder b = Rw2Proto.TimeSeries.newBuilder();
    for (String s : labelPairs) {
      b.addLabelsRefs(ref(s));
    }
    return b;
  }

  Rw2Proto.Exemplar exemplar(double value, long ts, String... labelPairs) {
    Rw2Proto.Exemplar.Builder b = Rw2Proto.Exemplar.newBuilder().setValue(value).setTimestamp(ts);
    for (String s : labelPairs) {
      b.addLabelsRefs(ref(s));
    }
    return b.build();
  }

  Rw2Proto.Metadata metadata(Rw2Proto.Metadata.MetricType type, String help, String unit) {
    return Rw2Proto.Metadata.newBuilder().setType(type).setHelpRef(ref(help)).setUnitRef(ref(unit)).build();
  }

  static Rw2Proto.Sample sample(double value, long ts) {
    return Rw2Proto.Sample.newBuilder().setValue(value).setTimestamp(ts).build();
  }

  static Rw2Proto.Sample sample(double value, long ts, long st) {
    return Rw2Proto.Sample.newBuilder().setValue(value).setTimestamp(ts).setStartTimestamp(st).build();
  }

  Rw2Fixture add(Rw2Proto.TimeSeries.Builder ts) {
    series.add(ts.build());
    return this;
  }

  Rw2Proto.Request request() {
    return Rw2Proto.Request.newBuilder().addAllSymbols(symbols).addAllTimeseries(series).build();
  }

  byte[] bytes() {
    return request().toByteArray();
  }

  static Rw2Proto.Histogram toProto(Histogram h) {
    Rw2Proto.Histogram.Builder b = Rw2Proto.Histogram.newBuilder();
    if (h.isFloat()) {
      b.setCountFloat(h.countFloat());
      if (h.zeroCountFloat() != 0) {
        b.setZeroCountFloat(h.zeroCountFloat());
      }
    } else {
      b.setCountInt(h.countInt());
      if (h.zeroCountInt() != 0) {
        b.setZeroCountInt(h.zeroCountInt());
      }
    }
    b.setSum(h.sum()).setSchema(h.schema()).setZeroThreshold(h.zeroThreshold())
        .setResetHintValue(h.resetHint()).setTimestamp(h.timestamp()).setStartTimestamp(h.startTimestamp());
    addSpans(h.negativeSpans(), b::addNegativeSpans);
    addSpans(h.positiveSpans(), b::addPositiveSpans);
    for (long d : h.negativeDeltas()) {
      b.addNegativeDeltas(d);
    }
    for (long d : h.positiveDeltas()) {
      b.addPositiveDeltas(d);
    }
    for (double c : h.negativeCounts()) {
      b.addNegativeCounts(c);
    }
    for (double c : h.positiveCounts()) {
      b.addPositiveCounts(c);
    }
    for (double c : h.customValues()) {
      b.addCustomValues(c);
    }
    return b.build();
  }

  private static void addSpans(int[] spans, java.util.function.Consumer<Rw2Proto.BucketSpan> add) {
    for (int i = 0; i < spans.length; i += 2) {
      add.accept(Rw2Proto.BucketSpan.newBuilder().setOffset(spans[i]).setLength(spans[i + 1]).build());
    }
  }

  static Histogram fromProto(Rw2Proto.Histogram p) {
    boolean isFloat = p.getCountCase() == Rw2Proto.Histogram.CountCase.COUNT_FLOAT;
    return new Histogram(isFloat, p.getCountInt(), p.getCountFloat(), Double.doubleToRawLongBits(p.getSum()),
        p.getSchema(), p.getZeroThreshold(), p.getZeroCountInt(), p.getZeroCountFloat(),
        spans(p.getNegativeSpansList()), longs(p.getNegativeDeltasList()), doubles(p.getNegativeCountsList()),
        spans(p.getPositiveSpansList()), longs(p.getPositiveDeltasList()), doubles(p.getPositiveCountsList()),
        p.getResetHintValue(), p.getTimestamp(), doubles(p.getCustomValuesList()), p.getStartTimestamp());
  }

  private static int[] spans(List<Rw2Proto.BucketSpan> spans) {
    int[] out = new int[spans.size() * 2];
    for (int i = 0; i < spans.size(); i++) {
      out[2 * i] = spans.get(i).getOffset();
      out[2 * i + 1] = spans.get(i).getLength();
    }
    return out;
  }

  private static long[] longs(List<Long> l) {
    return l.stream().mapToLong(Long::longValue).toArray();
  }

  private static double[] doubles(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
