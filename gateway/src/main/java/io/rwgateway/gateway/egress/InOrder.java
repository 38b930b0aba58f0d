package io.rwgateway.gateway.egress;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs the steps of one shard in the order of their sequence numbers, whatever order they finish
 * encoding in: flushes are taken in order under the accumulator's lock, encoded outside it (in
 * parallel, on whichever ingest thread took them) and queued here in order, so two flushes of one
 * shard never reach the backend reversed (remote-write.md §1.6) and no core waits for an encode.
 * Thread-safe; the step itself runs under this lock, so it must be short (a queue append).
 */
final class InOrder {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(InOrder.class.getName());
  private final Map<Long, Runnable> early = new HashMap<>();
  private long next;

  synchronized void complete(long seq, Runnable step) {
    early.put(seq, step);
    Runnable r;
    while ((r = early.remove(next)) != null) {
      next++;
      try {
        r.run();
      } catch (RuntimeException e) {
        // A step that throws is a bug; the steps after it must still run, or the shard stalls.
        LOG.severe("cannot queue an encoded request: " + e);
      }
    }
  }

  /** Sequence numbers completed so far (all below this have run). */
  synchronized long completed() {
    return next;
  }
}
