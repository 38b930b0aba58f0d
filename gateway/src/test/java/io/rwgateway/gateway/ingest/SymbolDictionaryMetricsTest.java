package io.rwgateway.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.TestConfigs;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dictionary the decoders share shows in /metrics: what a request added to it is counted there. */
class SymbolDictionaryMetricsTest {
  @Test
  void labelStringsOfAcceptedRequestsAreCountedInTheDictionaryGauges() throws Exception {
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway())) {
      gw.get("/-/ready");
      double before = gw.metric("rw_gateway_symbol_dictionary_symbols");
      MetricBatchBuilder b = new MetricBatchBuilder();
      for (int i = 0; i < 100; i++) {
        b.series("__name__", "dictionary_metric", "unique_id", "value-" + i).sample(1_700_000_000_000L, i).add();
      }
      byte[] body = new Rw1Encoder().encode(List.of(b.build())).body();

      assertThat(gw.write(GatewayHarness.CT_RW1, body).statusCode()).isEqualTo(204);

      // 100 unique values, the two names and the metric name: at least 103 new strings.
      assertThat(gw.metric("rw_gateway_symbol_dictionary_symbols")).isGreaterThanOrEqualTo(before + 103);
      assertThat(gw.metric("rw_gateway_symbol_dictionary_bytes")).isGreaterThanOrEqualTo(100 * "value-0".length());
      assertThat(gw.metric("rw_gateway_symbol_dictionary_generations_total")).isGreaterThanOrEqualTo(1);
    }
  }
}
