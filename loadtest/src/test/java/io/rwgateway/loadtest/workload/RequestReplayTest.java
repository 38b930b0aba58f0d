package io.rwgateway.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.rw1.Rw1Encoder;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestReplayTest {
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

  private RequestGenerator generator(WorkloadSpec spec, int shard, int shards) {
    SeriesSet set = new SeriesSet(spec, new TypeLayout(spec.series(), spec.mix()), shard, shards);
    return new RequestGenerator(spec, set, new Rw1Encoder(), false, clock::get);
  }

  @Test
  void holdsExactlyOneRoundOfTheShard() {
    WorkloadSpec spec = WorkloadSpec.of(1000).withRequests(300, 0, false);
    RequestGenerator g = generator(spec, 0, 1);
    RequestReplay replay = RequestReplay.record(g, 1 << 20);
    assertThat(replay.pointsPerCycle()).isEqualTo(1000);
    assertThat(replay.size()).isEqualTo(4);
    assertThat(g.rounds()).isEqualTo(1);
  }

  @Test
  void cyclesThroughTheSameBodiesInOrder() {
    WorkloadSpec spec = WorkloadSpec.of(1000).withRequests(300, 0, false);
    RequestReplay replay = RequestReplay.record(generator(spec, 0, 1), 1 << 20);
    Payload[] first = new Payload[4];
    long points = 0;
    for (int i = 0; i < 4; i++) {
      first[i] = replay.next();
      points += first[i].points();
    }
    assertThat(points).isEqualTo(1000);
    for (int cycle = 0; cycle < 3; cycle++) {
      for (int i = 0; i < 4; i++) {
        assertThat(replay.next()).isSameAs(first[i]);
      }
    }
    assertThat(replay.taken()).isEqualTo(16);
  }

  @Test
  void countsEverySeriesOfAShardWithClassicHistograms() {
    // Shard 1 of 3: its units include classic histograms and summaries (several series each).
    WorkloadSpec spec = WorkloadSpec.of(5000).withRequests(700, 0, false);
    RequestGenerator g = generator(spec, 1, 3);
    RequestReplay replay = RequestReplay.record(g, 1 << 22);
    assertThat(replay.pointsPerCycle()).isEqualTo(g.seriesSet().seriesCount());
    long bytes = 0;
    for (int i = 0; i < replay.size(); i++) {
      bytes += replay.next().body().length;
    }
    assertThat(replay.bytes()).isEqualTo(bytes);
  }

  @Test
  void refusesARoundThatDoesNotFitTheBudget() {
    WorkloadSpec spec = WorkloadSpec.of(10_000).withRequests(500, 0, false);
    assertThatThrownBy(() -> RequestReplay.record(generator(spec, 0, 1), 20_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot pre-generate a round of 10000 series (budget 20000 bytes per shard)")
        .hasMessageContaining("--replay-budget");
  }

  @Test
  void anEmptyShardReplaysNothing() {
    WorkloadSpec spec = WorkloadSpec.of(1);
    RequestReplay replay = RequestReplay.record(generator(spec, 1, 2), 1 << 20);
    assertThat(replay.size()).isZero();
    assertThat(replay.next()).isNull();
  }
}
