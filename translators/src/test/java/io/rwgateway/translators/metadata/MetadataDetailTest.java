package io.rwgateway.translators.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataDetailTest {
  private final List<MetricBatch> batches = List.of(new MetricBatchBuilder()
      .series("__name__", "rpc_seconds").type(MetricType.SUMMARY).help("Latency.").unit("seconds").sample(1, 2).add()
      .build());

  @Test
  void fullKeepsEverythingAndCopiesNothing() {
    assertThat(MetadataDetail.FULL.apply(batches)).isSameAs(batches);
  }

  @Test
  void typeAndUnitDropsOnlyTheHelpText() {
    assertThat(BatchText.lines(MetadataDetail.TYPE_AND_UNIT.apply(batches).get(0)))
        .containsExactly("{__name__=\"rpc_seconds\"} meta(SUMMARY, help=\"\", unit=\"seconds\") 2.0@1");
  }

  @Test
  void noneDropsAllMetadataButKeepsSamples() {
    assertThat(BatchText.lines(MetadataDetail.NONE.apply(batches).get(0)))
        .containsExactly("{__name__=\"rpc_seconds\"} 2.0@1");
  }

  @Test
  void parsesConfigNames() {
    assertThat(MetadataDetail.fromConfigName("type_and_unit")).isEqualTo(MetadataDetail.TYPE_AND_UNIT);
    assertThat(MetadataDetail.fromConfigName("full")).isEqualTo(MetadataDetail.FULL);
    assertThat(MetadataDetail.fromConfigName("FULL")).isNull();
  }
}
