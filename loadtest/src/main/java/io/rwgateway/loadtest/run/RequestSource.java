package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.Payload;

/**
 * Where the senders take ready requests from: the live generators ({@link PayloadProducer}) or
 * requests encoded before the run ({@link ReplayProducer}).
 */
interface RequestSource extends AutoCloseable {

  /** One shard's ready requests, polled by its sender only. */
  interface Shard {
    /** The next request, or null when none is ready (the sender counts it as generator-starved). */
    Payload poll();
  }

  Shard shard(int shard);

  /** Requests encoded and not yet taken (progress line). */
  int queued();

  /** CPU time spent encoding so far. */
  long cpuNanos();

  @Override
  void close() throws InterruptedException;
}
