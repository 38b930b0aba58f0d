package io.rwgateway.gateway.egress;

import java.util.List;

/**
 * The encoded requests of one backend route, waiting or in flight, one FIFO per shard (the OTel
 * Collector's exporterhelper queue; Prometheus' per-shard queues). A shard's requests leave in the
 * order they came, one at a time, which keeps per-series sample order (remote-write.md §1.6).
 * The memory queue is the first implementation; a disk queue plugs in behind the same methods.
 * Implementations are thread-safe: requests arrive from ingest threads, leave on the route's context.
 */
public interface RequestQueue {
  /** Adds a request at the tail of {@code shard}'s FIFO. */
  void add(int shard, OutgoingRequest request);

  /** The head of {@code shard} now marked in flight, or null when the shard is empty or its head already is. */
  OutgoingRequest take(int shard);

  /** The in-flight head of {@code shard} is done with (delivered or dropped): removes it. */
  void done(int shard);

  /** Replaces the in-flight head of {@code shard} by {@code parts}, in order; the first is not in flight. */
  void replaceHead(int shard, List<OutgoingRequest> parts);

  /** Removes and returns the oldest request of any shard that is not in flight, or null when none. */
  OutgoingRequest evictOldest();

  /** Removes and returns every request that is not in flight. */
  List<OutgoingRequest> removeWaiting();

  /** Requests waiting or in flight. */
  int size();

  /** What the requests waiting or in flight carry. */
  Counts counts();
}
