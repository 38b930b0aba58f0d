package io.rwgateway.translators.rw2;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.HistogramValidator;
import io.rwgateway.translators.codec.LabelSetValidator;
import io.rwgateway.translators.codec.SeriesRejectedException;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Turns what {@link Rw2SeriesReader} read into a model {@link Series}, or refuses the series with
 * a reason (remote-write.md §2.4, §5 "Receiver"). Checks, in order: label refs (even length, in
 * range, valid UTF-8), the label set ({@link LabelSetValidator}), content, metadata refs, exemplar
 * label refs, histograms ({@link HistogramValidator}).
 *
 * <p>Content rules: a series with both samples and histograms is refused
 * ({@code samples_and_histograms}): the spec says MUST NOT, and splitting it would guess at what
 * the sender meant. A series with exemplars only is accepted (what Prometheus senders produce,
 * §4.5); one with nothing at all is refused ({@code no_samples}). The rc.0-rc.3 field 6 is the
 * start timestamp of every sample and histogram whose own start timestamp is 0 (§4.6).
 */
final class Rw2SeriesBuilder {
  static final String INVALID_LABEL_REFS = "invalid_label_refs";
  static final String INVALID_METADATA_REFS = "invalid_metadata_refs";
  static final String INVALID_UTF8 = "invalid_utf8";
  static final String SAMPLES_AND_HISTOGRAMS = "samples_and_histograms";
  static final String NO_SAMPLES = "no_samples";

  private final LabelSetValidator labelValidator;
  private final Rw2Symbols symbols;
  private final IntFunction<String> lookup;
  private int[] pairs = new int[64];

  /** @param symbols the decoder's table, refilled for every request */
  Rw2SeriesBuilder(DecodeLimits limits, Rw2Symbols symbols) {
    this.labelValidator = new LabelSetValidator(limits);
    this.symbols = symbols;
    this.lookup = symbols::get; // one lambda per decoder, not one per series
  }

  Series build(Rw2SeriesReader r) throws SeriesRejectedException {
    int[] labels = labels(r);
    int samples = r.sampleCount();
    if (samples > 0 && !r.histograms.isEmpty()) {
      throw new SeriesRejectedException(SAMPLES_AND_HISTOGRAMS, "cannot accept series with "
          + samples + " samples and " + r.histograms.size() + " histograms: RW 2.0 forbids both in one series");
    }
    if (samples == 0 && r.histograms.isEmpty() && r.exemplars.isEmpty()) {
      throw new SeriesRejectedException(NO_SAMPLES, "cannot accept series: no samples, histograms or exemplars");
    }
    int helpRef = metadataRef(r.helpRef, "help_ref", symbols);
    int unitRef = metadataRef(r.unitRef, "unit_ref", symbols);
    List<Exemplar> exemplars = exemplars(r.exemplars, symbols);
    List<Histogram> histograms = histograms(r.histograms, r.createdTimestamp);
    long[] starts = null;
    if (samples > 0 && (r.anyStartTimestamp || r.createdTimestamp != 0)) {
      starts = r.startTimestamps.toArray();
      if (r.createdTimestamp != 0) {
        for (int i = 0; i < starts.length; i++) {
          if (starts[i] == 0) {
            starts[i] = r.createdTimestamp;
          }
        }
      }
    }
    return new Series(labels, MetricType.fromCode(r.metricType), helpRef, unitRef,
        samples == 0 ? null : r.timestamps.toArray(), samples == 0 ? null : r.valueBits.toArray(),
        starts, histograms, exemplars);
  }

  private int[] labels(Rw2SeriesReader r) throws SeriesRejectedException {
    int n = r.labelRefs.size();
    if ((n & 1) != 0) {
      throw new SeriesRejectedException(INVALID_LABEL_REFS,
          "cannot resolve series labels (" + n + " refs): labels_refs must have even length");
    }
    if (pairs.length < n) {
      pairs = new int[Math.max(n, pairs.length * 2)];
    }
    mapRefs(r.labelRefs.raw(), n, pairs, symbols, "series");
    return labelValidator.validate(pairs, n / 2, lookup);
  }

  /** Checks wire refs and writes the batch refs to {@code out}; in place when it is {@code refs}. */
  private static void mapRefs(int[] refs, int n, int[] out, Rw2Symbols symbols, String what)
      throws SeriesRejectedException {
    for (int i = 0; i < n; i++) {
      int ref = symbols.resolve(refs[i]);
      if (ref < 0) {
        throw new SeriesRejectedException(INVALID_LABEL_REFS, "cannot resolve " + what + " label ref "
            + Integer.toUnsignedString(refs[i]) + " (" + symbols.senderCount() + " symbols): out of range");
      }
      if (symbols.isInvalidUtf8(ref)) {
        throw new SeriesRejectedException(INVALID_UTF8, "cannot accept " + what
            + " label: symbol " + Integer.toUnsignedString(refs[i]) + " is not valid UTF-8");
      }
      out[i] = ref;
    }
  }

  private static int metadataRef(int wireRef, String field, Rw2Symbols symbols)
      throws SeriesRejectedException {
    if (wireRef == 0) {
      // 0 is "unset" (remote-write.md §2.3: help_ref 0 -> no help), also when a lenient table
      // is shifted: an omitted proto3 field reads as 0 whatever the sender's symbols[0] is.
      return 0;
    }
    int ref = symbols.resolve(wireRef);
    if (ref < 0) {
      throw new SeriesRejectedException(INVALID_METADATA_REFS, "cannot resolve metadata " + field + " "
          + Integer.toUnsignedString(wireRef) + " (" + symbols.senderCount() + " symbols): out of range");
    }
    if (symbols.isInvalidUtf8(ref)) {
      throw new SeriesRejectedException(INVALID_UTF8,
          "cannot accept metadata: " + field + " symbol " + Integer.toUnsignedString(wireRef) + " is not valid UTF-8");
    }
    return ref;
  }

  private static List<Exemplar> exemplars(List<Exemplar> read, Rw2Symbols symbols)
      throws SeriesRejectedException {
    if (read.isEmpty()) {
      return List.of();
    }
    for (Exemplar e : read) {
      int[] refs = e.labelRefs(); // owned by the exemplar, not yet published: mapped in place
      if ((refs.length & 1) != 0) {
        throw new SeriesRejectedException(INVALID_LABEL_REFS,
            "cannot resolve exemplar labels (" + refs.length + " refs): labels_refs must have even length");
      }
      mapRefs(refs, refs.length, refs, symbols, "exemplar");
    }
    return List.copyOf(read);
  }

  private static List<Histogram> histograms(List<Histogram> read, long createdTimestamp)
      throws SeriesRejectedException {
    if (read.isEmpty()) {
      return List.of();
    }
    List<Histogram> out = new ArrayList<>(read.size());
    for (Histogram h : read) {
      HistogramValidator.validate(h);
      out.add(createdTimestamp != 0 && h.startTimestamp() == 0 ? h.withStartTimestamp(createdTimestamp) : h);
    }
    return List.copyOf(out);
  }
}
