package io.rwgateway.translators.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With every batch of a window holding ids of one generation, label sets are hashed and compared
 * as ids (docs/dictionary.md step 5); batches of different generations, or of strings, are
 * compared as strings. Either way the same series merge.
 */
class SeriesCoalescerDictionaryTest {
  private static MetricBatch scrape(long t, String... extra) {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (String e : extra) {
      b.series("__name__", "sent_only_in_" + e, "job", "j").sample(t, 1).add();
    }
    b.series("__name__", "up", "job", "a").sample(t, 1).add();
    b.series("__name__", "up", "job", "b").sample(t, 2).add();
    return b.build();
  }

  private static List<String> merged(List<MetricBatch> window) {
    return SeriesCoalescer.coalesce(window).stream().flatMap(b -> BatchText.lines(b).stream()).toList();
  }

  @Test
  void batchesOfOneGenerationMergeByIdsAsTheirStringsWould() {
    SymbolGeneration g = new SymbolDictionary(256, 256, 1 << 20).current();
    // Different tables: the same strings sit at other refs in each batch, with the same ids.
    List<MetricBatch> strings = List.of(scrape(1000), scrape(2000, "second"));
    List<MetricBatch> ids = List.of(IdBatches.of(strings.get(0), g), IdBatches.of(strings.get(1), g));
    assertThat(ids.get(0).symbols().id(2)).isNotEqualTo(ids.get(1).symbols().id(2));

    assertThat(merged(ids)).isEqualTo(merged(strings)).hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("job=\"a\"").contains("1000").contains("2000"));
  }

  @Test
  void batchesOfTwoGenerationsOrOfStringsStillMergeByTheirStrings() {
    SymbolGeneration g1 = new SymbolDictionary(256, 256, 1 << 20).current();
    SymbolGeneration g2 = new SymbolDictionary(256, 256, 1 << 20).current();
    g2.intern(new byte[] {'x'}, 0, 1); // the two generations give other ids to the same strings
    List<MetricBatch> strings = List.of(scrape(1000), scrape(2000, "second"), scrape(3000));
    List<MetricBatch> mixed = List.of(IdBatches.of(strings.get(0), g1), IdBatches.of(strings.get(1), g2), strings.get(2));

    assertThat(merged(mixed)).isEqualTo(merged(strings)).hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("job=\"b\"").contains("1000").contains("3000"));
  }
}
