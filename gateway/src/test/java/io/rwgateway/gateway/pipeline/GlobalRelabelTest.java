package io.rwgateway.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.gateway.egress.RuleDrops;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import io.rwgateway.translators.relabel.Relabeler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalRelabelTest {
  /** Counts the series the rules dropped, as the real metrics do. */
  static final class CountingDrops implements RuleDrops {
    long series;

    @Override
    public void dropped(BatchRelabeler.Result result) {
      series += result.droppedSeries();
    }

    @Override
    public void dropped(String reason, long s, long samples, long histograms, long exemplars) {
      series += s;
    }
  }

  @Test
  void countsDropsOnlyForTheRequestThatIsFinallyAccepted() {
    BatchRelabeler rules = new BatchRelabeler(new Relabeler(List.of(
        RelabelRule.of(RelabelAction.DROP, List.of("__name__"), null, null, "debug_.*", null, null))), 1000);
    CountingDrops drops = new CountingDrops();
    List<Admission> answers = new ArrayList<>(List.of(Admission.backpressure("a", "full"),
        Admission.backpressure("a", "full"), Admission.ACCEPTED));
    List<MetricBatch> forwarded = new ArrayList<>();
    GlobalRelabel stage = new GlobalRelabel(rules, drops, (batch, bytes) -> {
      forwarded.add(batch);
      return answers.remove(0);
    });
    MetricBatch request = new MetricBatchBuilder()
        .series("__name__", "debug_x").sample(1, 1).add()
        .series("__name__", "up").sample(1, 1).add().build();

    // The sender is refused twice (it keeps the data) and comes back with the same request.
    assertThat(stage.offer(request, 100).accepted()).isFalse();
    assertThat(stage.offer(request, 100).accepted()).isFalse();
    assertThat(drops.series).as("nothing counted while refused").isZero();
    assertThat(stage.offer(request, 100).accepted()).isTrue();

    assertThat(drops.series).isEqualTo(1);
    assertThat(forwarded).hasSize(3).allSatisfy(b -> assertThat(b.series()).hasSize(1));
  }
}
