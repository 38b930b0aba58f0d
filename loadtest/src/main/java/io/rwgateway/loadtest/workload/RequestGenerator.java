package io.rwgateway.loadtest.workload;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatchBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns one shard's {@link SeriesSet} into encoded requests. A round is one sample of every
 * active series of the shard (one scrape), stamped with the generator's clock, never earlier than
 * the previous round + 1 ms so each series' timestamps increase. A request holds at most
 * {@code samplesPerRequest} samples and never spans two rounds. Values are functions of the round,
 * so counters only go up (until churn replaces the series) and histograms stay consistent.
 * Not thread-safe: one generator thread per shard.
 */
public final class RequestGenerator implements PayloadSource {
  private final WorkloadSpec spec;
  private final SeriesSet set;
  private final RequestEncoder encoder;
  private final boolean typedSeries;
  private final LongSupplier clock;
  private final long startMillis;
  private long round = -1;
  private long roundTimestamp;
  private int nextUnit;
  private int nextMember;

  /**
   * @param typedSeries put type and help on every series (RW 2.0 metadata, §2.1); RW 1.0 sends
   *                    metadata in its own requests instead
   */
  public RequestGenerator(WorkloadSpec spec, SeriesSet set, RequestEncoder encoder, boolean typedSeries,
      LongSupplier clock) {
    this.spec = spec;
    this.set = set;
    this.encoder = encoder;
    this.typedSeries = typedSeries;
    this.clock = clock;
    this.startMillis = clock.getAsLong();
    this.nextUnit = set.size();
  }

  @Override
  public SeriesSet seriesSet() {
    return set;
  }

  /** Rounds started so far. */
  public long rounds() {
    return round + 1;
  }

  @Override
  public Payload next() {
    if (set.size() == 0) {
      return null;
    }
    if (nextUnit >= set.size()) {
      startRound();
    }
    MetricBatchBuilder b = new MetricBatchBuilder();
    int points = 0;
    int series = 0;
    long exemplars = 0;
    while (nextUnit < set.size() && points < spec.samplesPerRequest()) {
      SeriesKind kind = set.kind(nextUnit);
      int members = kind.seriesPerUnit();
      while (nextMember < members && points < spec.samplesPerRequest()) {
        exemplars += addSeries(b, nextUnit, kind, nextMember);
        points++;
        series++;
        nextMember++;
      }
      if (nextMember >= members) {
        nextMember = 0;
        nextUnit++;
      }
    }
    EncodedRequest r = encoder.encode(List.of(b.build()));
    return new Payload(r.body(), r.uncompressedBytes(), r.samples(), r.histograms(), r.exemplars(), 0, series);
  }

  private void startRound() {
    round++;
    long now = clock.getAsLong();
    roundTimestamp = round == 0 ? now : Math.max(now, roundTimestamp + 1);
    set.advanceTo(now - startMillis);
    nextUnit = 0;
    nextMember = 0;
  }

  private int addSeries(MetricBatchBuilder b, int i, SeriesKind kind, int m) {
    MetricBatchBuilder.SeriesBuilder s = b.series(set.labels(i, m));
    if (typedSeries) {
      s.type(kind.type()).help(set.help(i));
    }
    int u = set.unit(i);
    long r = UnitValues.round(spec, kind, round, u);
    long ts = roundTimestamp;
    boolean exemplar = false;
    switch (kind) {
      case COUNTER -> {
        s.sample(ts, UnitValues.counter(r, u));
        exemplar = true;
      }
      case GAUGE -> s.sample(ts, UnitValues.gauge(spec, r, u));
      case NATIVE -> s.histogram(nativeHistogram(r, ts));
      case HISTOGRAM -> {
        long count = UnitValues.observations(r);
        int buckets = set.bounds(i).length;
        if (m < buckets) {
          s.sample(ts, (double) UnitValues.cumulativeBucket(count, m));
          exemplar = true;
        } else {
          s.sample(ts, m == buckets ? UnitValues.observationSum(count) : (double) count);
        }
      }
      case SUMMARY -> {
        long count = UnitValues.observations(r);
        int q = ClassicBuckets.QUANTILES.length;
        s.sample(ts, m < q ? UnitValues.quantile(spec, r, m) : m == q ? UnitValues.observationSum(count) : (double) count);
      }
    }
    int added = 0;
    if (exemplar && UnitValues.wantsExemplar(spec, u, m, round)) {
      s.exemplar(ts, UnitValues.EXEMPLAR_VALUE, "trace_id", UnitValues.traceId(u, m, round));
      added = 1;
    }
    s.add();
    return added;
  }

  /** An integer native histogram, schema 3, four populated buckets: count = zero count + buckets. */
  private static Histogram nativeHistogram(long r, long ts) {
    long count = UnitValues.nativeCount(r);
    long[] deltas = new long[UnitValues.NATIVE_BUCKETS];
    deltas[0] = UnitValues.nativePerBucket(r);
    return new Histogram(false, count, 0, Double.doubleToRawLongBits(UnitValues.nativeSum(count)),
        UnitValues.NATIVE_SCHEMA, UnitValues.NATIVE_ZERO_THRESHOLD, UnitValues.NATIVE_ZERO_COUNT, 0,
        null, null, null, new int[] {0, UnitValues.NATIVE_BUCKETS}, deltas, null, 0, ts, null, 0);
  }

  static String help(SeriesKind kind) {
    return "Generated " + kind.flagName() + " series (rw-loadtest).";
  }

  /** Metadata of every family of the layout, for the RW 1.0 metadata request. */
  public static List<Rw1MetadataEncoder.Family> families(WorkloadSpec spec, TypeLayout layout) {
    if (spec.labelShape().realistic()) {
      return new RealisticLabels(spec, layout).families();
    }
    List<Rw1MetadataEncoder.Family> out = new ArrayList<>();
    for (SeriesKind k : SeriesKind.values()) {
      int units = layout.unitsOf(k);
      int families = (units + spec.seriesPerFamily() - 1) / spec.seriesPerFamily();
      for (int f = 0; f < families; f++) {
        out.add(new Rw1MetadataEncoder.Family(SeriesSet.familyName(k, f), k.type().code(), help(k), ""));
      }
    }
    return out;
  }
}
