package io.rwgateway.loadtest.run;

/**
 * Open-loop schedule for {@code --rate}: each request's intended send time follows from the
 * samples sent before it, whatever the target's latency. When the target falls behind, intended
 * times drift into the past and latency measured from them grows: that is the coordinated
 * omission correction (as wrk2 does), reported apart from the plain service time.
 * Single-threaded (the sender event loop).
 */
final class Pacer {
  private final double nanosPerSample;
  private long next;

  Pacer(double samplesPerSecond, long startNanos) {
    this.nanosPerSample = 1e9 / samplesPerSecond;
    this.next = startNanos;
  }

  /** The intended send time of a request of {@code samples} samples (may be in the past). */
  long reserve(long samples) {
    long at = next;
    next += (long) (samples * nanosPerSample);
    return at;
  }
}
