package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto;

/**
 * Native histograms between the generated classes and the model, for the generated-classes
 * baselines (fields 1-16 are the same in RW 1.0 and 2.0, 17 is RW 2.0 only). Indexed getters
 * throughout: the {@code get...List()} views box every element.
 */
final class ProtoHistograms {
  private ProtoHistograms() {}

  static Histogram fromRw1(Rw1Proto.Histogram h) {
    int[] negativeSpans = new int[2 * h.getNegativeSpansCount()];
    for (int i = 0; i < h.getNegativeSpansCount(); i++) {
      negativeSpans[2 * i] = h.getNegativeSpans(i).getOffset();
      negativeSpans[2 * i + 1] = h.getNegativeSpans(i).getLength();
    }
    int[] positiveSpans = new int[2 * h.getPositiveSpansCount()];
    for (int i = 0; i < h.getPositiveSpansCount(); i++) {
      positiveSpans[2 * i] = h.getPositiveSpans(i).getOffset();
      positiveSpans[2 * i + 1] = h.getPositiveSpans(i).getLength();
    }
    long[] negativeDeltas = new long[h.getNegativeDeltasCount()];
    for (int i = 0; i < negativeDeltas.length; i++) {
      negativeDeltas[i] = h.getNegativeDeltas(i);
    }
    long[] positiveDeltas = new long[h.getPositiveDeltasCount()];
    for (int i = 0; i < positiveDeltas.length; i++) {
      positiveDeltas[i] = h.getPositiveDeltas(i);
    }
    double[] negativeCounts = new double[h.getNegativeCountsCount()];
    for (int i = 0; i < negativeCounts.length; i++) {
      negativeCounts[i] = h.getNegativeCounts(i);
    }
    double[] positiveCounts = new double[h.getPositiveCountsCount()];
    for (int i = 0; i < positiveCounts.length; i++) {
      positiveCounts[i] = h.getPositiveCounts(i);
    }
    double[] customValues = new double[h.getCustomValuesCount()];
    for (int i = 0; i < customValues.length; i++) {
      customValues[i] = h.getCustomValues(i);
    }
    return new Histogram(h.getCountCase() == Rw1Proto.Histogram.CountCase.COUNT_FLOAT, h.getCountInt(),
        h.getCountFloat(), Double.doubleToRawLongBits(h.getSum()), h.getSchema(), h.getZeroThreshold(),
        h.getZeroCountInt(), h.getZeroCountFloat(), negativeSpans, negativeDeltas, negativeCounts,
        positiveSpans, positiveDeltas, positiveCounts, h.getResetHintValue(), h.getTimestamp(), customValues, 0);
  }

  static Histogram fromRw2(Rw2Proto.Histogram h) {
    int[] negativeSpans = new int[2 * h.getNegativeSpansCount()];
    for (int i = 0; i < h.getNegativeSpansCount(); i++) {
      negativeSpans[2 * i] = h.getNegativeSpans(i).getOffset();
      negativeSpans[2 * i + 1] = h.getNegativeSpans(i).getLength();
    }
    int[] positiveSpans = new int[2 * h.getPositiveSpansCount()];
    for (int i = 0; i < h.getPositiveSpansCount(); i++) {
      positiveSpans[2 * i] = h.getPositiveSpans(i).getOffset();
      positiveSpans[2 * i + 1] = h.getPositiveSpans(i).getLength();
    }
    long[] negativeDeltas = new long[h.getNegativeDeltasCount()];
    for (int i = 0; i < negativeDeltas.length; i++) {
      negativeDeltas[i] = h.getNegativeDeltas(i);
    }
    long[] positiveDeltas = new long[h.getPositiveDeltasCount()];
    for (int i = 0; i < positiveDeltas.length; i++) {
      positiveDeltas[i] = h.getPositiveDeltas(i);
    }
    double[] negativeCounts = new double[h.getNegativeCountsCount()];
    for (int i = 0; i < negativeCounts.length; i++) {
      negativeCounts[i] = h.getNegativeCounts(i);
    }
    double[] positiveCounts = new double[h.getPositiveCountsCount()];
    for (int i = 0; i < positiveCounts.length; i++) {
      positiveCounts[i] = h.getPositiveCounts(i);
    }
    double[] customValues = new double[h.getCustomValuesCount()];
    for (int i = 0; i < customValues.length; i++) {
      customValues[i] = h.getCustomValues(i);
    }
    return new Histogram(h.getCountCase() == Rw2Proto.Histogram.CountCase.COUNT_FLOAT, h.getCountInt(),
        h.getCountFloat(), Double.doubleToRawLongBits(h.getSum()), h.getSchema(), h.getZeroThreshold(),
        h.getZeroCountInt(), h.getZeroCountFloat(), negativeSpans, negativeDeltas, negativeCounts,
        positiveSpans, positiveDeltas, positiveCounts, h.getResetHintValue(), h.getTimestamp(), customValues,
        h.getStartTimestamp());
  }

  static Rw2Proto.Histogram toRw2(Histogram h) {
    Rw2Proto.Histogram.Builder b = Rw2Proto.Histogram.newBuilder();
    if (h.isFloat()) {
      b.setCountFloat(h.countFloat());
      if (Double.doubleToRawLongBits(h.zeroCountFloat()) != 0) {
        b.setZeroCountFloat(h.zeroCountFloat());
      }
    } else {
      b.setCountInt(h.countInt());
      if (h.zeroCountInt() != 0) {
        b.setZeroCountInt(h.zeroCountInt());
      }
    }
    b.setSum(h.sum()).setSchema(h.schema()).setZeroThreshold(h.zeroThreshold());
    int[] spans = h.negativeSpans();
    for (int i = 0; i < spans.length; i += 2) {
      b.addNegativeSpans(Rw2Proto.BucketSpan.newBuilder().setOffset(spans[i]).setLength(spans[i + 1]));
    }
    spans = h.positiveSpans();
    for (int i = 0; i < spans.length; i += 2) {
      b.addPositiveSpans(Rw2Proto.BucketSpan.newBuilder().setOffset(spans[i]).setLength(spans[i + 1]));
    }
    for (long d : h.negativeDeltas()) {
      b.addNegativeDeltas(d);
    }
    for (double c : h.negativeCounts()) {
      b.addNegativeCounts(c);
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
    return b.setResetHintValue(h.resetHint()).setTimestamp(h.timestamp()).setStartTimestamp(h.startTimestamp())
        .build();
  }
}
