package io.rwgateway.gateway.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.gateway.egress.EncodingGroup;
import io.rwgateway.gateway.egress.OutgoingRequest;
import io.rwgateway.gateway.egress.RequestSink;
import io.rwgateway.gateway.egress.RouteStage;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.model.LabelSetHash;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.rw2.Rw2Encoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * What a longer {@code batch.max_delay} would save on the traffic the gateway receives, for the
 * configuration without a RW 2.0 backend (issue 10: "at max_delay 60s: 0.31x"). The saving
 * depends on how many scrapes of a series a window holds, so it is measured, not modelled: a
 * consistent 1-in-8 sample of the series (by label hash) goes through real encoding groups with
 * {@code max_delay} 5 s (the default), 15 s, 30 s and 60 s, and each projection is the full
 * estimate's ratio scaled by its bytes per sample against the 5 s sample's. The sample keeps the
 * cost and memory at an eighth per window (each window flushes early at an eighth of the default
 * window bytes, as the default queue would make a real route do).
 */
public final class WindowProjection {
  static final int SAMPLE_SHIFT = 3;
  static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(15),
      Duration.ofSeconds(30), Duration.ofSeconds(60));

  private final List<Window> windows = new ArrayList<>();
  private final DoubleSupplier baselineRatio;

  /** One projected window length: its encoding group and what it wrote. */
  private static final class Window implements RequestSink {
    final Duration delay;
    final EncodingGroup group;
    final LongAdder bytes = new LongAdder();
    final LongAdder items = new LongAdder();

    Window(Duration delay, BatchConfig defaults, long windowBytes, LongSupplier nanoClock) {
      this.delay = delay;
      BatchConfig batch = new BatchConfig(defaults.maxSamples(), defaults.maxBytes(), delay);
      Rw2Encoder encoder = new Rw2Encoder();
      this.group = new EncodingGroup(() -> encoder, OutgoingRequest.WireFormat.RW2, new RouteStage(null, null), batch, 1,
          MetadataDetail.FULL, List.of(this), windowBytes, EncodingGroup.TENANT_IDLE_NANOS, nanoClock);
    }

    @Override
    public void enqueue(int shard, OutgoingRequest request, long estimatedBytes) {
      bytes.add(request.bytes());
      items.add(request.encoded().samples() + request.encoded().histograms());
    }

    @Override
    public void discard(long estimatedBytes) {
      // No queue behind a projection.
    }

    /** Compressed bytes per sample written so far; NaN before the first flush. */
    double bytesPerItem() {
      long n = items.sum();
      return n == 0 ? Double.NaN : (double) bytes.sum() / n;
    }
  }

  /**
   * @param defaults      the default batching (the estimate's)
   * @param windowBytes   the default window's early-flush size; each projection gets an eighth
   * @param baselineRatio the full estimate's ratio (estimated RW 2.0 bytes / received bytes)
   */
  public WindowProjection(BatchConfig defaults, long windowBytes, DoubleSupplier baselineRatio, GatewayMetrics metrics) {
    this(defaults, windowBytes, baselineRatio, metrics, System::nanoTime);
  }

  /** @param nanoClock the windows' clock (tests run them in virtual time) */
  WindowProjection(BatchConfig defaults, long windowBytes, DoubleSupplier baselineRatio, GatewayMetrics metrics,
      LongSupplier nanoClock) {
    this.baselineRatio = baselineRatio;
    for (Duration d : DELAYS) {
      Window w = new Window(d, defaults, Math.max(1, windowBytes >> SAMPLE_SHIFT), nanoClock);
      windows.add(w);
      Gauge.builder(GatewayMetrics.PREFIX + "estimated_rw2_ratio", () -> ratio(w))
          .description("Estimated RW 2.0 bytes / received bytes if batch.max_delay were this long "
              + "(measured on a 1-in-8 sample of the series; no RW 2.0 backend configured)")
          .tag("max_delay", label(d)).register(metrics.registry());
    }
  }

  /** Takes the sampled series of an accepted batch. */
  public void add(MetricBatch batch, long estimatedBytes) {
    MetricBatch sample = batch.filter(s -> LabelSetHash.sampled(LabelSetHash.of(batch, s), SAMPLE_SHIFT));
    if (sample.isEmpty()) {
      return;
    }
    long share = Math.max(1, estimatedBytes * sample.series().size() / batch.series().size());
    for (Window w : windows) {
      w.group.add(sample, share);
    }
  }

  public void flushDue() {
    for (Window w : windows) {
      w.group.flushDue();
    }
  }

  private double ratio(Window w) {
    double base = windows.get(0).bytesPerItem();
    double mine = w.bytesPerItem();
    double full = baselineRatio.getAsDouble();
    return Double.isNaN(base) || Double.isNaN(mine) || base == 0 ? Double.NaN : full * mine / base;
  }

  /** "at max_delay 15s: 0.61x, 30s: 0.45x, 60s: 0.33x", or null until the 60 s window has flushed. */
  public String summary() {
    StringBuilder sb = new StringBuilder("estimate at max_delay");
    for (int i = 1; i < windows.size(); i++) {
      double r = ratio(windows.get(i));
      if (Double.isNaN(r)) {
        return null;
      }
      sb.append(i == 1 ? " " : ", ").append(label(windows.get(i).delay)).append(String.format(Locale.ROOT, ": %.2fx", r));
    }
    return sb.toString();
  }

  private static String label(Duration d) {
    return d.toSeconds() + "s";
  }
}
