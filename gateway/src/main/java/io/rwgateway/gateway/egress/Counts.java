package io.rwgateway.gateway.egress;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.model.MetricBatch;

/**
 * What a piece of data carries, in the units every delivery counter uses: float samples, native
 * histogram samples and exemplars. Accounting is done with these so that, per backend, accepted =
 * delivered + dropped (by reason) + still queued holds exactly.
 */
public record Counts(long samples, long histograms, long exemplars) {
  public static final Counts ZERO = new Counts(0, 0, 0);

  public static Counts of(EncodedRequest r) {
    return new Counts(r.samples(), r.histograms(), r.exemplars());
  }

  public static Counts of(MetricBatch b) {
    return new Counts(b.sampleCount(), b.histogramCount(), b.exemplarCount());
  }

  public static Counts of(Iterable<MetricBatch> batches) {
    Counts c = ZERO;
    for (MetricBatch b : batches) {
      c = c.plus(of(b));
    }
    return c;
  }

  public Counts plus(Counts o) {
    return new Counts(samples + o.samples, histograms + o.histograms, exemplars + o.exemplars);
  }

  public Counts minus(Counts o) {
    return new Counts(samples - o.samples, histograms - o.histograms, exemplars - o.exemplars);
  }

  /** Each field clamped to [0, limit's field]: for counts a backend reports about what it was sent. */
  public Counts clampTo(Counts limit) {
    return new Counts(clamp(samples, limit.samples), clamp(histograms, limit.histograms),
        clamp(exemplars, limit.exemplars));
  }

  private static long clamp(long v, long max) {
    return Math.max(0, Math.min(v, max));
  }

  public boolean isZero() {
    return samples == 0 && histograms == 0 && exemplars == 0;
  }

  public long items() {
    return samples + histograms + exemplars;
  }
}
