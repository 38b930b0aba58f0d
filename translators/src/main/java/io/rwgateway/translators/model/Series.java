package io.rwgateway.translators.model;

import java.util.Arrays;
import java.util.List;

/**
 * One time series, shaped like RW 2.0 {@code TimeSeries}: sorted label ref pairs, metadata refs,
 * and either float samples or native histograms (never both: a RW 1.0 series carrying both is
 * split on decode, RW 2.0 §"TimeSeries"), plus exemplars. A series may hold exemplars only, as
 * Prometheus sends them (remote-write.md §4.5); encoders deal with that.
 *
 * <p>Samples are columnar: {@code timestamps[i]}, {@code valueBits[i]} (raw IEEE-754 bits, so the
 * StaleNaN {@code 0x7ff0000000000002} is copied exactly) and {@code startTimestamps[i]} (0 = unset;
 * the whole array is {@code null} when every start timestamp is unset). Immutable: arrays are
 * owned by the series and never mutated after construction.
 */
public final class Series {
  private static final long[] NO_LONGS = new long[0];

  private final int[] labelRefs;
  private final MetricType type;
  private final int helpRef;
  private final int unitRef;
  private final long[] timestamps;
  private final long[] valueBits;
  private final long[] startTimestamps;
  private final List<Histogram> histograms;
  private final List<Exemplar> exemplars;

  public Series(int[] labelRefs, MetricType type, int helpRef, int unitRef, long[] timestamps,
      long[] valueBits, long[] startTimestamps, List<Histogram> histograms, List<Exemplar> exemplars) {
    this.labelRefs = labelRefs;
    this.type = type == null ? MetricType.UNSPECIFIED : type;
    this.helpRef = helpRef;
    this.unitRef = unitRef;
    this.timestamps = timestamps == null ? NO_LONGS : timestamps;
    this.valueBits = valueBits == null ? NO_LONGS : valueBits;
    this.startTimestamps = startTimestamps;
    this.histograms = histograms == null ? List.of() : histograms;
    this.exemplars = exemplars == null ? List.of() : exemplars;
    if (this.timestamps.length != this.valueBits.length
        || (startTimestamps != null && startTimestamps.length != this.timestamps.length)) {
      throw new IllegalArgumentException("sample columns differ in length");
    }
    if ((labelRefs.length & 1) != 0) {
      throw new IllegalArgumentException("label refs must come in pairs");
    }
  }

  /** Label (name, value) ref pairs, sorted by name. Do not mutate. */
  public int[] labelRefs() {
    return labelRefs;
  }

  public int labelCount() {
    return labelRefs.length >> 1;
  }

  public int labelNameRef(int i) {
    return labelRefs[2 * i];
  }

  public int labelValueRef(int i) {
    return labelRefs[2 * i + 1];
  }

  public MetricType type() {
    return type;
  }

  public int helpRef() {
    return helpRef;
  }

  public int unitRef() {
    return unitRef;
  }

  public int sampleCount() {
    return timestamps.length;
  }

  public long timestamp(int i) {
    return timestamps[i];
  }

  public long valueBits(int i) {
    return valueBits[i];
  }

  public double value(int i) {
    return Double.longBitsToDouble(valueBits[i]);
  }

  /** Start timestamp of sample {@code i}, 0 when unset. */
  public long startTimestamp(int i) {
    return startTimestamps == null ? 0 : startTimestamps[i];
  }

  public boolean hasStartTimestamps() {
    return startTimestamps != null;
  }

  public List<Histogram> histograms() {
    return histograms;
  }

  public List<Exemplar> exemplars() {
    return exemplars;
  }

  /** True when this series has no samples and no histograms, only exemplars. */
  public boolean isExemplarOnly() {
    return timestamps.length == 0 && histograms.isEmpty();
  }

  /** The same series with other metadata refs (used by the RW 1.0 metadata join). */
  public Series withMetadata(MetricType newType, int newHelpRef, int newUnitRef) {
    return new Series(labelRefs, newType, newHelpRef, newUnitRef, timestamps, valueBits,
        startTimestamps, histograms, exemplars);
  }

  /** The same series with another exemplar list. */
  public Series withExemplars(List<Exemplar> newExemplars) {
    return new Series(labelRefs, type, helpRef, unitRef, timestamps, valueBits, startTimestamps,
        histograms, newExemplars);
  }

  /**
   * The same samples and histograms under refs into another symbol table: for a stage that builds
   * a new batch (relabeling) without copying the sample columns, which both series then share.
   */
  public Series relinked(int[] newLabelRefs, int newHelpRef, int newUnitRef,
      List<Exemplar> newExemplars) {
    return new Series(newLabelRefs, type, newHelpRef, newUnitRef, timestamps, valueBits,
        startTimestamps, histograms, newExemplars);
  }

  /** The same series with other label ref pairs (same symbol table; must stay sorted by name). */
  public Series withLabelRefs(int[] newLabelRefs) {
    return new Series(newLabelRefs, type, helpRef, unitRef, timestamps, valueBits, startTimestamps,
        histograms, exemplars);
  }

  /** True when both series have the same label ref pairs (same batch assumed). */
  public boolean sameLabels(Series other) {
    return Arrays.equals(labelRefs, other.labelRefs);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Series s)) {
      return false;
    }
    return Arrays.equals(labelRefs, s.labelRefs)
        && type == s.type
        && helpRef == s.helpRef
        && unitRef == s.unitRef
        && Arrays.equals(timestamps, s.timestamps)
        && Arrays.equals(valueBits, s.valueBits)
        && Arrays.equals(startTimestampsOrZeros(), s.startTimestampsOrZeros())
        && histograms.equals(s.histograms)
        && exemplars.equals(s.exemplars);
  }

  private long[] startTimestampsOrZeros() {
    return startTimestamps == null ? new long[timestamps.length] : startTimestamps;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labelRefs) + Arrays.hashCode(timestamps);
  }

  @Override
  public String toString() {
    return "Series{refs=" + Arrays.toString(labelRefs) + ", type=" + type + ", samples="
        + timestamps.length + ", histograms=" + histograms.size() + ", exemplars="
        + exemplars.size() + "}";
  }
}
