package io.rwgateway.gateway.egress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory bound of one backend route (architecture.md "Delivery semantics"): bytes held for it
 * from admission (an estimate while a batch is accumulated) until its encoded request is delivered
 * or dropped. Thread-safe.
 */
public final class ByteBudget {
  private final long maxBytes;
  private final AtomicLong used = new AtomicLong();

  public ByteBudget(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Reserves {@code bytes} if they fit under the bound, or if nothing is held at all: a batch
   * larger than the whole bound then waits for an empty queue instead of being refused for ever.
   * False leaves the budget unchanged.
   */
  public boolean tryReserve(long bytes) {
    while (true) {
      long u = used.get();
      if (u + bytes > maxBytes && u > 0) {
        return false;
      }
      if (used.compareAndSet(u, u + bytes)) {
        return true;
      }
    }
  }

  /** Reserves without checking: the route's on_full policy brings it back under the bound. */
  public void force(long bytes) {
    used.addAndGet(bytes);
  }

  public void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** No room left at all (nothing but an empty queue would take more). */
  public boolean full() {
    return used.get() >= maxBytes;
  }

  public boolean overBound() {
    return used.get() > maxBytes;
  }

  public long usedBytes() {
    return used.get();
  }

  public long maxBytes() {
    return maxBytes;
  }
}
