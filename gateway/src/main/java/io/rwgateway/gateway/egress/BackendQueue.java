package io.rwgateway.gateway.egress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The byte bound of one backend (architecture.md "Delivery semantics"): memory held for this
 * backend, from the moment a batch is admitted (an estimate while it is being accumulated) to the
 * moment its encoded request is delivered or dropped. Admission reserves first; a full bound makes
 * ingest answer 429 instead of growing without limit. Thread-safe.
 */
public final class BackendQueue {
  private final long maxBytes;
  private final AtomicLong used = new AtomicLong();

  public BackendQueue(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Reserves {@code bytes} if they fit; false leaves the queue unchanged. */
  public boolean tryReserve(long bytes) {
    while (true) {
      long u = used.get();
      // An empty queue admits one batch larger than the bound, so no batch is refused forever.
      if (u > 0 && u + bytes > maxBytes) {
        return false;
      }
      if (used.compareAndSet(u, u + bytes)) {
        return true;
      }
    }
  }

  /** Swaps an estimate for the real size once a request is encoded; may pass the bound briefly. */
  public void adjust(long delta) {
    used.addAndGet(delta);
  }

  public void release(long bytes) {
    used.addAndGet(-bytes);
  }

  public long usedBytes() {
    return used.get();
  }

  public long maxBytes() {
    return maxBytes;
  }
}
