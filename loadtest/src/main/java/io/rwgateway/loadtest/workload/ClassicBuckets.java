package io.rwgateway.loadtest.workload;

/** Bucket bounds and quantiles of generated classic histograms and summaries. */
final class ClassicBuckets {
  /** le values, the last one +Inf (Prometheus' default buckets thinned to 8). */
  static final String[] BOUNDS = {"0.005", "0.01", "0.05", "0.1", "0.5", "1", "5", "+Inf"};
  static final String[] QUANTILES = {"0.5", "0.9", "0.99"};

  private ClassicBuckets() {}
}
