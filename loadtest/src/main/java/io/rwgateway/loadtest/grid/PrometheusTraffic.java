package io.rwgateway.loadtest.grid;

import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.loadtest.workload.RequestGenerator;
import io.rwgateway.loadtest.workload.Rw1MetadataEncoder;
import io.rwgateway.loadtest.workload.SeriesSet;
import io.rwgateway.loadtest.workload.TypeLayout;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import io.rwgateway.translators.rw1.Rw1Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a Prometheus 2.42 with the default remote-write queue sends for {@code series} active series,
 * built from the loadtest workload ({@link SeriesSet}, {@link RequestGenerator}) through its public
 * API: the series are split into targets ({@code seriesPerTarget} each, one {@code instance} per
 * target), a scrape of a target is one round of its generator stamped with the scrape time, cut
 * into RW 1.0 requests of at most {@value #SAMPLES_PER_SEND} samples ({@code max_samples_per_send})
 * sent as the scrape happens; the metadata of every family goes in metadata-only requests of at most
 * {@value #SAMPLES_PER_SEND} entries (metadata_config.max_samples_per_send), every minute.
 *
 * <p>The clock is virtual: {@link #scrape} stamps the samples with the time it is given. Not
 * thread-safe.
 */
final class PrometheusTraffic {
  /** Prometheus 2.42 queue_config.max_samples_per_send and metadata_config.max_samples_per_send. */
  static final int SAMPLES_PER_SEND = 500;
  /** Virtual wall-clock origin of the sample timestamps (2026-01-01T00:00:00Z). */
  static final long EPOCH_MILLIS = 1_767_225_600_000L;

  private final int series;
  private final int targets;
  private final RequestGenerator[] generators;
  private final int[] seriesOfTarget;
  private final List<Payload> metadata;
  private long nowMillis = EPOCH_MILLIS;

  PrometheusTraffic(int series, int seriesPerTarget) {
    this.series = series;
    this.targets = Math.max(1, (series + seriesPerTarget - 1) / seriesPerTarget);
    WorkloadSpec base = WorkloadSpec.of(series);
    WorkloadSpec spec = new WorkloadSpec(series, base.extraLabels(), base.labelCardinality(), targets,
        base.seriesPerFamily(), base.mix(), 0, 0, true, SAMPLES_PER_SEND, base.seed(), base.labelShape(),
        base.idlePercent());
    TypeLayout layout = new TypeLayout(series, spec.mix());
    this.generators = new RequestGenerator[targets];
    this.seriesOfTarget = new int[targets];
    for (int t = 0; t < targets; t++) {
      // The units of shard t of `targets` all carry instance="target-t": one shard is one target.
      SeriesSet set = new SeriesSet(spec, layout, t, targets);
      generators[t] = new RequestGenerator(spec, set, new Rw1Encoder(), false, () -> nowMillis);
      seriesOfTarget[t] = set.seriesCount();
    }
    List<Rw1MetadataEncoder.Family> families = RequestGenerator.families(spec, layout);
    this.metadata = new ArrayList<>();
    for (int i = 0; i < families.size(); i += SAMPLES_PER_SEND) {
      metadata.add(Rw1MetadataEncoder.encode(families.subList(i, Math.min(families.size(), i + SAMPLES_PER_SEND))));
    }
  }

  int series() {
    return series;
  }

  int targets() {
    return targets;
  }

  /** One scrape of target {@code t} at virtual time {@code millis} (since {@link #EPOCH_MILLIS}): its requests, in order. */
  void scrape(int t, long millis, Consumer<Payload> send) {
    nowMillis = EPOCH_MILLIS + millis;
    int left = seriesOfTarget[t];
    while (left > 0) {
      Payload p = generators[t].next();
      left -= p.series();
      send.accept(p);
    }
  }

  /** The metadata-only requests Prometheus sends every minute. */
  List<Payload> metadataRequests() {
    return metadata;
  }

  int families() {
    int n = 0;
    for (Payload p : metadata) {
      n += p.metadata();
    }
    return n;
  }
}
