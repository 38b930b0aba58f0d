package io.rwgateway.translators.metadata;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When an RW 1.0 request carries a family's {@code MetricMetadata} again. Prometheus sends
 * metadata on its own, once per {@code metadata_config.send_interval} (1 m by default;
 * remote-write.md §1.8), not with every request; an encoder that repeated every family's
 * HELP text in every request sent more bytes than it received (docs/benchmarks.md, "Egress
 * bytes"). So a family goes out the first time it is seen, again when its type, help or unit
 * changes, and otherwise once per interval. Metadata stays best effort, as in Prometheus: a
 * request that is finally dropped takes its metadata with it until the next interval.
 *
 * <p>Thread-safe. Bounded: past {@code maxFamilies} entries the memory is cleared, which only
 * means sending some metadata early.
 */
public final class MetadataCadence {
  /** Prometheus' default {@code metadata_config.send_interval} (remote-write.md §1.8). */
  public static final long PROMETHEUS_INTERVAL_NANOS = 60_000_000_000L;

  private final long intervalNanos;
  private final int maxFamilies;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Sent> sent = new ConcurrentHashMap<>();

  private record Sent(long atNanos, int type, String help, String unit) {}

  public MetadataCadence(long intervalNanos, int maxFamilies, LongSupplier nanoClock) {
    if (intervalNanos <= 0 || maxFamilies <= 0) {
      throw new IllegalArgumentException("cannot build metadata cadence: interval and size must be positive");
    }
    this.intervalNanos = intervalNanos;
    this.maxFamilies = maxFamilies;
    this.nanoClock = nanoClock;
  }

  public MetadataCadence(long intervalNanos) {
    this(intervalNanos, 100_000, System::nanoTime);
  }

  /** True when this family's metadata goes into the request being encoded now (and records it). */
  public boolean due(String family, int type, String help, String unit) {
    long now = nanoClock.getAsLong();
    Sent last = sent.get(family);
    if (last != null && now - last.atNanos < intervalNanos && last.type == type
        && Objects.equals(last.help, help) && Objects.equals(last.unit, unit)) {
      return false;
    }
    if (last == null && sent.size() >= maxFamilies) {
      sent.clear();
    }
    sent.put(family, new Sent(now, type, help, unit));
    return true;
  }
}
