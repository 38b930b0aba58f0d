package io.rwgateway.translators.relabel;

import static io.rwgateway.translators.relabel.Labels.rule;
import static io.rwgateway.translators.relabel.RelabelAction.HASHMOD;
import static io.rwgateway.translators.relabel.RelabelAction.LABELDROP;
import static io.rwgateway.translators.relabel.RelabelAction.REPLACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.IdBatches;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.model.SymbolGeneration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Relabeling a batch of dictionary ids (docs/dictionary.md step 3): kept labels keep their ids,
 * strings the rules make are looked up in the batch's generation, and the output is exactly what
 * the same batch of strings gives.
 */
class BatchRelabelerDictionaryTest {
  private static Relabeler rules() {
    RelabelRule shard = RelabelRule.of(HASHMOD, List.of("id"), null, "shard", null, 4L, null);
    return new Relabeler(List.of(
        rule(REPLACE, "instance", "(.+):\\d+", "host", "$1"),
        rule(LABELDROP, null, "drop_me", null, null),
        shard));
  }

  private static MetricBatch strings() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < 20; i++) {
      b.series("__name__", "m" + (i % 3), "instance", "node-" + (i % 4) + ":9100", "id", "s" + i, "drop_me", "x")
          .type(MetricType.GAUGE).help("help " + (i % 3)).sample(1000, i)
          .exemplar(1000, 1.0, "trace_id", "t" + i)
          .add();
    }
    return b.build();
  }

  @Test
  void aBatchOfIdsComesOutAsIdsOfTheSameGenerationWithTheSameLabels() {
    SymbolGeneration generation = new SymbolDictionary(1024, 1024, 1 << 20).current();
    MetricBatch in = IdBatches.of(strings(), generation);

    MetricBatch out = new BatchRelabeler(rules(), 100).relabel(in).batch();
    MetricBatch expected = new BatchRelabeler(rules(), 100).relabel(strings()).batch();

    assertThat(out.symbols().generation()).isSameAs(generation);
    assertThat(BatchText.lines(out)).isEqualTo(BatchText.lines(expected)).hasSize(20);
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void aGenerationWithNoRoomForTheStringsTheRulesMakeGivesABatchOfStrings() {
    MetricBatch strings = strings();
    // Exactly the input's strings fit: the hosts and shards the rules make do not.
    SymbolGeneration generation = new SymbolDictionary(strings.symbols().size(), strings.symbols().size(), 1 << 20)
        .current();
    MetricBatch in = IdBatches.of(strings, generation);

    MetricBatch out = new BatchRelabeler(rules(), 100).relabel(in).batch();

    assertThat(out.symbols().generation()).isNull();
    assertThat(BatchText.lines(out)).isEqualTo(BatchText.lines(new BatchRelabeler(rules(), 100).relabel(strings).batch()));
  }
}
