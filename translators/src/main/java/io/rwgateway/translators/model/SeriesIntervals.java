package io.rwgateway.translators.model;

/**
 * The scrape interval the gateway sees: the median gap between consecutive samples of a series,
 * over a consistent sample of the series (chosen by their metric name and last label value, then
 * followed by their full {@link LabelSetHash}). This is what decides how much
 * a window of {@code batch.max_delay} can merge (docs/benchmarks.md "Egress grid"): a series
 * scraped every 15 s has one sample in a 5 s window and four in a 60 s one.
 *
 * <p>Memory is fixed: a direct-mapped table of the sampled series' last timestamps ({@code
 * SLOTS} entries, 1.5 MiB) and a histogram of gaps. When more sampled series collide in the table
 * than it can follow, the sample is halved, so the cost per series does not grow with the number
 * of series. Gaps are counted in 16 sub-buckets per power of two of milliseconds, with their sum,
 * so the median is the mean gap of the bucket that holds it (exact when a scrape interval is
 * steady); it is taken over the current and the previous period ({@link #roll}). Thread-safe.
 */
public final class SeriesIntervals {
  static final int SLOTS = 1 << 16;
  private static final int SUB_BITS = 4;
  private static final int MAX_SHIFT = 16;
  /** Gaps up to 2^35 ms; longer ones land in the last bucket (they are not a scrape interval). */
  private static final int BUCKETS = (33 << SUB_BITS);

  private final long[] keys = new long[SLOTS];
  private final long[] last = new long[SLOTS];
  private long[] current = new long[BUCKETS];
  private long[] previous = new long[BUCKETS];
  private long[] currentSum = new long[BUCKETS];
  private long[] previousSum = new long[BUCKETS];
  private int shift;
  private long lookups;
  private long evictions;

  /** @param initialShift the first sample is 1 series in 2^initialShift */
  public SeriesIntervals(int initialShift) {
    this.shift = initialShift;
  }

  public SeriesIntervals() {
    this(2);
  }

  /** Notes the samples of a batch that was accepted. */
  public void observe(MetricBatch batch) {
    int s = shift;
    for (Series series : batch.series()) {
      int n = series.sampleCount();
      int h = series.histograms().size();
      if (n == 0 && h == 0) {
        continue;
      }
      // The sample is chosen on a cheap key (two cached String hashes), so the series left out,
      // most of them, cost no full label hash: this runs on the ingest path of every request.
      if (!LabelSetHash.sampled(quickKey(batch, series), s)) {
        continue;
      }
      long hash = LabelSetHash.of(batch, series);
      synchronized (this) {
        if (s != shift) {
          return;
        }
        for (int i = 0; i < n; i++) {
          note(hash, series.timestamp(i));
        }
        for (int i = 0; i < h; i++) {
          note(hash, series.histograms().get(i).timestamp());
        }
      }
    }
  }

  /** The metric name's and the last label value's hashes, mixed: the same for a series every time. */
  private static long quickKey(MetricBatch batch, Series series) {
    int n = series.labelCount();
    if (n == 0) {
      return 0;
    }
    long k = batch.symbol(series.labelValueRef(0)).hashCode() * 0x9E3779B97F4A7C15L
        + batch.symbol(series.labelValueRef(n - 1)).hashCode();
    k *= 0xBF58476D1CE4E5B9L;
    return k ^ (k >>> 31);
  }

  private void note(long hash, long timestamp) {
    int slot = (int) (hash >>> 40) & (SLOTS - 1);
    lookups++;
    if (keys[slot] == hash) {
      long gap = timestamp - last[slot];
      if (gap > 0) {
        int b = bucket(gap);
        current[b]++;
        currentSum[b] += gap;
        last[slot] = timestamp;
      }
      return;
    }
    if (keys[slot] != 0) {
      evictions++;
    }
    keys[slot] = hash;
    last[slot] = timestamp;
    if (lookups >= SLOTS && evictions * 4 > lookups && shift < MAX_SHIFT) {
      // More sampled series than the table follows: sample half as many, start afresh.
      shift++;
      java.util.Arrays.fill(keys, 0L);
      lookups = 0;
      evictions = 0;
    }
  }

  static int bucket(long gapMillis) {
    int exp = 63 - Long.numberOfLeadingZeros(gapMillis);
    if (exp < SUB_BITS) {
      return (int) gapMillis;
    }
    int sub = (int) (gapMillis >>> (exp - SUB_BITS)) & ((1 << SUB_BITS) - 1);
    int index = ((exp - SUB_BITS + 1) << SUB_BITS) | sub;
    return Math.min(index, BUCKETS - 1);
  }

  /** Starts a new period: the median then covers this one and the one before. */
  public synchronized void roll() {
    long[] old = previous;
    previous = current;
    java.util.Arrays.fill(old, 0L);
    current = old;
    old = previousSum;
    previousSum = currentSum;
    java.util.Arrays.fill(old, 0L);
    currentSum = old;
  }

  /** The median gap between samples of a series, in seconds; NaN before two samples of a series. */
  public synchronized double medianSeconds() {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += current[i] + previous[i];
    }
    if (total == 0) {
      return Double.NaN;
    }
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += current[i] + previous[i];
      if (seen * 2 >= total) {
        return (double) (currentSum[i] + previousSum[i]) / (current[i] + previous[i]) / 1000.0;
      }
    }
    return Double.NaN;
  }

  /** The current sample: 1 series in 2^shift. */
  public synchronized int sampleShift() {
    return shift;
  }
}
