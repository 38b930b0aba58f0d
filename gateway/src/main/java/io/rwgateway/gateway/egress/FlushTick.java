package io.rwgateway.gateway.egress;

/**
 * How often the windows are checked against {@code max_delay} ({@link EncodingGroup#flushDue}). A
 * window flushes at the first check after its {@code max_delay}, so it lives up to one tick longer
 * and holds that much more traffic: with a quarter of {@code max_delay} (the former tick), a 1 s
 * window lived 1.25 s and held 25% more than {@code max_delay} says. A twentieth keeps the overrun
 * within 5% (50 ms at 1 s); at least 5 ms, and at most 250 ms, since each check takes every
 * shard's lock once.
 */
public final class FlushTick {
  static final long MIN_MILLIS = 5;
  static final long MAX_MILLIS = 250;

  private FlushTick() {}

  /** The check period for the smallest {@code max_delay} of the groups, in milliseconds. */
  public static long millis(long smallestMaxDelayMillis) {
    return Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, smallestMaxDelayMillis / 20));
  }
}
