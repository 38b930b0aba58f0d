package io.rwgateway.translators.otlp;

import java.util.Arrays;

/**
 * Native histogram buckets in RW's sparse layout (otlp.md §2.4, §2.5): fed bucket indexes in
 * ascending order with their counts, it skips empty buckets, starts a span at every gap (the OTel
 * spec's example: counts 10,0,0,20,5,2 → spans {0,1},{2,3}, deltas 10,10,-15,-3; never zero-filled,
 * so a wide gap cannot blow up a point), and delta-encodes the counts across spans. Consecutive
 * entries with the same index (exponential buckets merged by down-scaling) are summed.
 */
final class BucketSpans {
  private int[] spans = new int[8];
  private int spanInts;
  private long[] deltas = new long[16];
  private int deltaCount;
  private long pendingIndex;
  private long pendingCount;
  private boolean pending;
  private long lastIndex;
  private long lastCount;
  private boolean any;

  /** Adds {@code count} to bucket {@code index}; indexes must not decrease. */
  void add(long index, long count) {
    if (pending && index == pendingIndex) {
      pendingCount += count;
      return;
    }
    flush();
    pendingIndex = index;
    pendingCount = count;
    pending = true;
  }

  private void flush() {
    if (!pending || pendingCount == 0) {
      pending = false;
      return;
    }
    pending = false;
    if (!any) {
      span((int) pendingIndex);
    } else if (pendingIndex == lastIndex + 1) {
      spans[spanInts - 1]++;
    } else {
      span((int) (pendingIndex - lastIndex - 1));
    }
    if (deltaCount == deltas.length) {
      deltas = Arrays.copyOf(deltas, deltaCount * 2);
    }
    deltas[deltaCount++] = pendingCount - lastCount;
    lastCount = pendingCount;
    lastIndex = pendingIndex;
    any = true;
  }

  private void span(int offset) {
    if (spanInts + 2 > spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    spans[spanInts++] = offset;
    spans[spanInts++] = 1;
  }

  /** Flat (offset, length) pairs; call after the last {@link #add}. */
  int[] spans() {
    flush();
    return Arrays.copyOf(spans, spanInts);
  }

  long[] deltas() {
    flush();
    return Arrays.copyOf(deltas, deltaCount);
  }
}
