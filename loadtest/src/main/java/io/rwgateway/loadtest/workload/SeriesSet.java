package io.rwgateway.loadtest.workload;

/**
 * The active series of one sender shard, labelled as {@code --label-shape} says ({@link
 * RealisticLabels}, or the synthetic shape below): the units {@code u} of the layout with
 * {@code u % shards == shard}, each with its label sets (one per member series) and a generation
 * that churn bumps. A unit's series share {@code series_id="<unit>-<generation>"}, so replacing a
 * unit ends its old series and starts new ones, the way a restarted pod does (synthetic shape:
 * {@code series_id="<unit>-<generation>"}; realistic: a new pod name and address). Label sets are built
 * once per generation, off the request path. Not thread-safe: one generator thread owns it.
 */
public final class SeriesSet {
  private final WorkloadSpec spec;
  private final TypeLayout layout;
  private final RealisticLabels realistic;
  private final int[] units;
  private final int[] generations;
  private final String[][][] labels;
  private final int seriesCount;
  private final double churnPhase;
  private long churnedUnits;
  private int churnCursor;

  public SeriesSet(WorkloadSpec spec, TypeLayout layout, int shard, int shards) {
    this.spec = spec;
    this.layout = layout;
    this.realistic = spec.labelShape().realistic() ? new RealisticLabels(spec, layout) : null;
    int n = 0;
    for (int u = shard; u < layout.units(); u += shards) {
      n++;
    }
    // Each shard rounds its churn down from a different phase, so the shards' sum is the global
    // floor (Hermite's identity: sum of floor(x + k/n) for k < n is floor(n x)).
    this.churnPhase = (double) shard / shards;
    this.units = new int[n];
    this.generations = new int[n];
    this.labels = new String[n][][];
    int series = 0;
    for (int i = 0; i < n; i++) {
      units[i] = shard + i * shards;
      labels[i] = buildLabels(i);
      series += labels[i].length;
    }
    this.seriesCount = series;
  }

  /** Units of this shard. */
  public int size() {
    return units.length;
  }

  /** Series of this shard (a unit may be several series). */
  public int seriesCount() {
    return seriesCount;
  }

  public int unit(int i) {
    return units[i];
  }

  public SeriesKind kind(int i) {
    return layout.kind(units[i]);
  }

  public int generation(int i) {
    return generations[i];
  }

  /** Label pairs (name, value, ...) of member series {@code member} of local unit {@code i}. */
  public String[] labels(int i, int member) {
    return labels[i][member];
  }

  /** The metric family name of local unit {@code i} (without _total, _bucket, ... suffixes). */
  public String familyName(int i) {
    if (realistic != null) {
      return realistic.familyName(units[i]);
    }
    return familyName(layout.kind(units[i]), layout.kindIndex(units[i]) / spec.seriesPerFamily());
  }

  /** The HELP text of local unit {@code i}'s family. */
  public String help(int i) {
    return realistic != null ? realistic.help(units[i]) : RequestGenerator.help(layout.kind(units[i]));
  }

  /** The {@code le} values of local unit {@code i}, a classic histogram (the last is +Inf). */
  public String[] bounds(int i) {
    return realistic != null ? realistic.bounds(units[i]) : ClassicBuckets.BOUNDS;
  }

  static String familyName(SeriesKind kind, int family) {
    return "rwlt_" + kind.flagName() + "_" + family;
  }

  public long churnedUnits() {
    return churnedUnits;
  }

  /**
   * Replaces as many units as {@code --churn-per-minute} asks for after {@code elapsedMillis}
   * since the start (cumulative, so rounding never drifts), in turn through the set.
   *
   * @return units replaced by this call
   */
  public int advanceTo(long elapsedMillis) {
    if (spec.churnPerMinute() <= 0 || units.length == 0) {
      return 0;
    }
    long due = (long) Math.floor(elapsedMillis / 60_000.0 * spec.churnPerMinute() / 100.0 * units.length + churnPhase);
    int replaced = 0;
    while (churnedUnits < due) {
      int i = churnCursor;
      churnCursor = (churnCursor + 1) % units.length;
      generations[i]++;
      labels[i] = buildLabels(i);
      churnedUnits++;
      replaced++;
    }
    return replaced;
  }

  private String[][] buildLabels(int i) {
    if (realistic != null) {
      return realistic.labels(units[i], generations[i]);
    }
    int u = units[i];
    SeriesKind kind = layout.kind(u);
    String family = familyName(i);
    String seriesId = u + "-" + generations[i];
    String instance = "target-" + (u % spec.effectiveTargets()) + ":9100";
    String[][] out = new String[kind.seriesPerUnit()][];
    for (int m = 0; m < out.length; m++) {
      String le = null;
      String leName = null;
      if (kind == SeriesKind.HISTOGRAM && m < ClassicBuckets.BOUNDS.length) {
        leName = "le";
        le = ClassicBuckets.BOUNDS[m];
      } else if (kind == SeriesKind.SUMMARY && m < ClassicBuckets.QUANTILES.length) {
        leName = "quantile";
        le = ClassicBuckets.QUANTILES[m];
      }
      int n = 4 + spec.extraLabels() + (le == null ? 0 : 1);
      String[] pairs = new String[2 * n];
      int k = 0;
      pairs[k++] = "__name__";
      pairs[k++] = family + kind.suffix(m);
      pairs[k++] = "job";
      pairs[k++] = "rwlt";
      pairs[k++] = "instance";
      pairs[k++] = instance;
      pairs[k++] = "series_id";
      pairs[k++] = seriesId;
      for (int j = 0; j < spec.extraLabels(); j++) {
        pairs[k++] = "label_" + j;
        pairs[k++] = "value_" + Math.floorMod(u + j + spec.seed(), (long) spec.labelCardinality());
      }
      if (le != null) {
        pairs[k++] = leName;
        pairs[k++] = le;
      }
      out[m] = pairs;
    }
    return out;
  }
}
