package io.rwgateway.gateway.egress;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RequestQueue} in memory. Its byte bound is kept by the route's {@link ByteBudget}, which
 * also covers the batches still being accumulated; this class only keeps order. Each request gets
 * a sequence number on arrival so that eviction takes the oldest across shards.
 */
public final class MemoryRequestQueue implements RequestQueue {
  private record Entry(long seq, OutgoingRequest request) {}

  private final ArrayDeque<Entry>[] shards;
  private final boolean[] inFlight;
  private long nextSeq;
  private int size;
  private long samples;
  private long histograms;
  private long exemplars;

  @SuppressWarnings("unchecked")
  public MemoryRequestQueue(int shardCount) {
    shards = new ArrayDeque[shardCount];
    for (int i = 0; i < shardCount; i++) {
      shards[i] = new ArrayDeque<>();
    }
    inFlight = new boolean[shardCount];
  }

  @Override
  public synchronized void add(int shard, OutgoingRequest request) {
    shards[shard].addLast(new Entry(nextSeq++, request));
    count(request, 1);
  }

  @Override
  public synchronized OutgoingRequest take(int shard) {
    Entry head = shards[shard].peekFirst();
    if (head == null || inFlight[shard]) {
      return null;
    }
    inFlight[shard] = true;
    return head.request();
  }

  @Override
  public synchronized void done(int shard) {
    if (!inFlight[shard]) {
      throw new IllegalStateException("shard " + shard + " has no request in flight");
    }
    inFlight[shard] = false;
    count(shards[shard].removeFirst().request(), -1);
  }

  @Override
  public synchronized void replaceHead(int shard, List<OutgoingRequest> parts) {
    if (!inFlight[shard]) {
      throw new IllegalStateException("shard " + shard + " has no request in flight");
    }
    inFlight[shard] = false;
    Entry head = shards[shard].removeFirst();
    count(head.request(), -1);
    for (int i = parts.size() - 1; i >= 0; i--) {
      // The parts keep the head's place, and its age for eviction.
      shards[shard].addFirst(new Entry(head.seq(), parts.get(i)));
      count(parts.get(i), 1);
    }
  }

  @Override
  public synchronized OutgoingRequest evictOldest() {
    int oldest = -1;
    long oldestSeq = Long.MAX_VALUE;
    for (int i = 0; i < shards.length; i++) {
      Entry candidate = firstWaiting(i);
      if (candidate != null && candidate.seq() < oldestSeq) {
        oldest = i;
        oldestSeq = candidate.seq();
      }
    }
    if (oldest < 0) {
      return null;
    }
    Entry evicted = inFlight[oldest] ? removeSecond(shards[oldest]) : shards[oldest].removeFirst();
    count(evicted.request(), -1);
    return evicted.request();
  }

  private Entry firstWaiting(int shard) {
    ArrayDeque<Entry> q = shards[shard];
    if (!inFlight[shard]) {
      return q.peekFirst();
    }
    if (q.size() < 2) {
      return null;
    }
    var it = q.iterator();
    it.next();
    return it.next();
  }

  private static Entry removeSecond(ArrayDeque<Entry> q) {
    Entry head = q.removeFirst();
    Entry second = q.removeFirst();
    q.addFirst(head);
    return second;
  }

  @Override
  public synchronized List<OutgoingRequest> removeWaiting() {
    List<OutgoingRequest> out = new ArrayList<>();
    for (int i = 0; i < shards.length; i++) {
      Entry keep = inFlight[i] ? shards[i].pollFirst() : null;
      for (Entry e : shards[i]) {
        out.add(e.request());
        count(e.request(), -1);
      }
      shards[i].clear();
      if (keep != null) {
        shards[i].addFirst(keep);
      }
    }
    return out;
  }

  @Override
  public synchronized int size() {
    return size;
  }

  @Override
  public synchronized Counts counts() {
    return new Counts(samples, histograms, exemplars);
  }

  private void count(OutgoingRequest r, int sign) {
    size += sign;
    samples += sign * r.encoded().samples();
    histograms += sign * r.encoded().histograms();
    exemplars += sign * r.encoded().exemplars();
  }
}
