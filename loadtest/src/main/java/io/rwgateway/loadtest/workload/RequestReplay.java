package io.rwgateway.loadtest.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * One shard's requests encoded ahead of a run: exactly one full round (one sample of every
 * series of the shard), to be sent again and again. Timestamps repeat every cycle, so this is
 * for null sinks and relays that do not check sample order, not for a TSDB. The cursor is not
 * thread-safe: one sender event loop owns it.
 */
public final class RequestReplay {
  private final Payload[] ring;
  private final long bytes;
  private final long pointsPerCycle;
  private long cursor;

  private RequestReplay(Payload[] ring, long bytes, long pointsPerCycle) {
    this.ring = ring;
    this.bytes = bytes;
    this.pointsPerCycle = pointsPerCycle;
  }

  /**
   * Encodes one round of the generator's shard. A round holds {@code seriesCount()} points
   * (requests never span two rounds, see {@link RequestGenerator}), so it ends when they add up.
   *
   * @param budgetBytes most body bytes this shard may hold
   * @throws IllegalArgumentException when one round does not fit in the budget
   */
  public static RequestReplay record(PayloadSource generator, long budgetBytes) {
    long want = generator.seriesSet().seriesCount();
    List<Payload> out = new ArrayList<>();
    long points = 0;
    long bytes = 0;
    while (points < want) {
      Payload p = generator.next();
      if (p == null) {
        break;
      }
      bytes += p.body().length;
      if (bytes > budgetBytes) {
        throw new IllegalArgumentException("cannot pre-generate a round of " + want + " series (budget "
            + budgetBytes + " bytes per shard): " + bytes + " bytes after " + points
            + " series; raise --replay-budget or lower --series");
      }
      out.add(p);
      points += p.points();
    }
    return new RequestReplay(out.toArray(new Payload[0]), bytes, points);
  }

  /** The next request of the cycle; null when the shard has no series. */
  public Payload next() {
    if (ring.length == 0) {
      return null;
    }
    Payload p = ring[(int) (cursor % ring.length)];
    cursor++;
    return p;
  }

  /** Requests in one cycle. */
  public int size() {
    return ring.length;
  }

  /** Body bytes held. */
  public long bytes() {
    return bytes;
  }

  /** Points (float samples + native histogram samples) in one cycle. */
  public long pointsPerCycle() {
    return pointsPerCycle;
  }

  /** Requests handed out so far. */
  public long taken() {
    return cursor;
  }
}
