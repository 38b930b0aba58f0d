package io.rwgateway.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import io.rwgateway.translators.relabel.Relabeler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PerThreadRelabelersTest {
  private static BatchRelabeler rules() {
    // A non-literal regex: its results are cached, so hits and misses move.
    return new BatchRelabeler(new Relabeler(List.of(
        RelabelRule.of(RelabelAction.KEEP, List.of("__name__"), null, null, "up|node_.+", null, null))), 1000);
  }

  private static MetricBatch batch() {
    return new MetricBatchBuilder().series("__name__", "up").sample(1, 1).add()
        .series("__name__", "debug").sample(1, 1).add().build();
  }

  @Test
  void eachThreadHasItsOwnRelabelerAndTheCountsAreTheirSum() throws Exception {
    PerThreadRelabelers per = new PerThreadRelabelers(PerThreadRelabelersTest::rules);
    BatchRelabeler mine = per.current();
    assertThat(per.current()).as("the same thread gets the same one").isSameAs(mine);
    mine.relabel(batch());

    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      BatchRelabeler theirs = CompletableFuture.supplyAsync(() -> {
        BatchRelabeler r = per.current();
        r.relabel(batch());
        r.relabel(batch());
        return r;
      }, other).get(10, TimeUnit.SECONDS);
      assertThat(theirs).isNotSameAs(mine);
    } finally {
      other.shutdown();
    }

    assertThat(per.count()).isEqualTo(2);
    assertThat(per.cacheMisses()).isEqualTo(mine.cacheMisses() * 2).isPositive();
    assertThat(per.cacheHits() + per.cacheMisses())
        .isEqualTo(3 * (mine.cacheHits() + mine.cacheMisses()));
    assertThat(per.cacheSize()).isEqualTo(2 * mine.cacheSize());
  }

  @Test
  void theGlobalStageRelabelsWithTheCallingThreadsRelabeler() {
    PerThreadRelabelers per = new PerThreadRelabelers(PerThreadRelabelersTest::rules);
    GlobalRelabelTest.CountingDrops drops = new GlobalRelabelTest.CountingDrops();
    GlobalRelabel stage = new GlobalRelabel(per::current, drops, (b, bytes) -> Admission.ACCEPTED);
    assertThat(stage.offer(batch(), 10).accepted()).isTrue();
    assertThat(drops.series).isEqualTo(1);
    assertThat(per.count()).isEqualTo(1);
  }
}
