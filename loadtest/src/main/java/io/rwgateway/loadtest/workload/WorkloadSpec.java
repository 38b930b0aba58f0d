package io.rwgateway.loadtest.workload;

/**
 * What to generate, from the {@code run} flags.
 *
 * @param series            active series (wire series, as Prometheus counts them)
 * @param extraLabels       labels beyond __name__, job, instance, series_id
 * @param labelCardinality  distinct values of each extra label
 * @param targets           distinct {@code instance} values; 0: one per about 500 series (realistic shapes) or 10 (synthetic)
 * @param seriesPerFamily   units sharing one metric name (they differ by series_id)
 * @param mix               share of each kind
 * @param churnPerMinute    percent of the series replaced by new ones per minute
 * @param exemplarPercent   percent of counter and bucket samples that carry an exemplar
 * @param metadata          send metadata (RW 1.0: separate request per minute; RW 2.0: per series)
 * @param samplesPerRequest most samples (float or native histogram) in one request
 * @param seed              varies label values and exemplar choice between runs
 * @param labelShape        how series are labelled (realistic Kubernetes or static scrape, or the old synthetic shape)
 * @param idlePercent       percent of units whose values never change (an error counter that stays 0, a histogram of an unused handler)
 */
public record WorkloadSpec(int series, int extraLabels, int labelCardinality, int targets,
    int seriesPerFamily, TypeMix mix, double churnPerMinute, double exemplarPercent, boolean metadata,
    int samplesPerRequest, long seed, LabelShape labelShape, double idlePercent) {

  /** Series per target when {@code --targets} is automatic with realistic labels (a scraped pod exposes hundreds). */
  public static final int SERIES_PER_TARGET = 500;
  /**
   * Units whose values never change, with realistic shapes: 73% of the series of the captured
   * Prometheus traffic kept their value over 8 scrapes (docs/labels-comparison.md).
   */
  public static final double DEFAULT_IDLE_PERCENT = 70;

  public WorkloadSpec {
    require(series > 0, "--series must be > 0");
    require(extraLabels >= 0 && extraLabels <= 24, "--labels must be in 0..24 (receivers cap series at 30 labels)");
    require(labelCardinality > 0, "--label-cardinality must be > 0");
    require(targets >= 0, "--targets must be >= 0 (0: automatic)");
    require(labelShape != null, "--label-shape is required");
    require(idlePercent >= 0 && idlePercent <= 100, "--idle-series must be in 0..100");
    require(seriesPerFamily > 0, "--series-per-metric must be > 0");
    require(churnPerMinute >= 0, "--churn-per-minute must be >= 0");
    require(exemplarPercent >= 0 && exemplarPercent <= 100, "--exemplars must be in 0..100");
    require(samplesPerRequest > 0, "--samples-per-request must be > 0");
  }

  /** Defaults for everything but the series count (tests and examples). */
  public static WorkloadSpec of(int series) {
    return new WorkloadSpec(series, 0, 10, 0, 10, TypeMix.DEFAULT, 0, 0, false, 2000, 1, LabelShape.KUBERNETES, DEFAULT_IDLE_PERCENT);
  }

  public WorkloadSpec withMix(TypeMix m) {
    return new WorkloadSpec(series, extraLabels, labelCardinality, targets, seriesPerFamily, m,
        churnPerMinute, exemplarPercent, metadata, samplesPerRequest, seed, labelShape, idlePercent);
  }

  public WorkloadSpec withChurn(double percentPerMinute) {
    return new WorkloadSpec(series, extraLabels, labelCardinality, targets, seriesPerFamily, mix,
        percentPerMinute, exemplarPercent, metadata, samplesPerRequest, seed, labelShape, idlePercent);
  }

  public WorkloadSpec withLabels(int extra, int cardinality) {
    return new WorkloadSpec(series, extra, cardinality, targets, seriesPerFamily, mix,
        churnPerMinute, exemplarPercent, metadata, samplesPerRequest, seed, labelShape, idlePercent);
  }

  public WorkloadSpec withRequests(int samples, double exemplars, boolean meta) {
    return new WorkloadSpec(series, extraLabels, labelCardinality, targets, seriesPerFamily, mix,
        churnPerMinute, exemplars, meta, samples, seed, labelShape, idlePercent);
  }

  public WorkloadSpec withLabelShape(LabelShape shape) {
    return new WorkloadSpec(series, extraLabels, labelCardinality, targets, seriesPerFamily, mix,
        churnPerMinute, exemplarPercent, metadata, samplesPerRequest, seed, shape,
        !shape.realistic() ? 0 : labelShape.realistic() ? idlePercent : DEFAULT_IDLE_PERCENT);
  }

  public WorkloadSpec withIdle(double percent) {
    return new WorkloadSpec(series, extraLabels, labelCardinality, targets, seriesPerFamily, mix,
        churnPerMinute, exemplarPercent, metadata, samplesPerRequest, seed, labelShape, percent);
  }

  public WorkloadSpec withTargets(int t) {
    return new WorkloadSpec(series, extraLabels, labelCardinality, t, seriesPerFamily, mix,
        churnPerMinute, exemplarPercent, metadata, samplesPerRequest, seed, labelShape, idlePercent);
  }

  public WorkloadSpec withSeed(long s) {
    return new WorkloadSpec(series, extraLabels, labelCardinality, targets, seriesPerFamily, mix,
        churnPerMinute, exemplarPercent, metadata, samplesPerRequest, s, labelShape, idlePercent);
  }

  /** The targets to spread series over: {@link #targets} or, when 0, one per about 500 series (realistic) or 10. */
  public int effectiveTargets() {
    if (targets > 0) {
      return targets;
    }
    return labelShape.realistic() ? Math.max(1, (series + SERIES_PER_TARGET / 2) / SERIES_PER_TARGET) : 10;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
