package io.rwgateway.translators.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a batch as text, one line per series, independent of symbol numbering, so batches with
 * different symbol tables can be compared (round-trip tests) and logged. Sample values are printed
 * with their raw bits when they are NaN, so a StaleNaN is told apart from an ordinary NaN.
 */
public final class BatchText {
  private BatchText() {}

  /** One line per series, in batch order. */
  public static List<String> lines(MetricBatch batch) {
    List<String> out = new ArrayList<>(batch.series().size());
    for (Series s : batch.series()) {
      out.add(line(batch, s));
    }
    return out;
  }

  public static String line(MetricBatch batch, Series s) {
    StringBuilder sb = new StringBuilder(batch.labelsText(s));
    if (s.type() != MetricType.UNSPECIFIED || s.helpRef() != 0 || s.unitRef() != 0) {
      sb.append(" meta(").append(s.type()).append(", help=\"").append(batch.symbol(s.helpRef()))
          .append("\", unit=\"").append(batch.symbol(s.unitRef())).append("\")");
    }
    for (int i = 0; i < s.sampleCount(); i++) {
      sb.append(' ').append(valueText(s.valueBits(i))).append('@').append(s.timestamp(i));
      if (s.startTimestamp(i) != 0) {
        sb.append("(st=").append(s.startTimestamp(i)).append(')');
      }
    }
    for (Histogram h : s.histograms()) {
      sb.append(' ').append(h);
    }
    for (Exemplar e : s.exemplars()) {
      sb.append(" exemplar{");
      int[] refs = e.labelRefs();
      for (int i = 0; i < refs.length; i += 2) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(batch.symbol(refs[i])).append("=\"").append(batch.symbol(refs[i + 1])).append('"');
      }
      sb.append("} ").append(valueText(e.valueBits())).append('@').append(e.timestamp());
    }
    return sb.toString();
  }

  private static String valueText(long bits) {
    double v = Double.longBitsToDouble(bits);
    return Double.isNaN(v) ? "NaN(0x" + Long.toHexString(bits) + ")" : Double.toString(v);
  }
}
