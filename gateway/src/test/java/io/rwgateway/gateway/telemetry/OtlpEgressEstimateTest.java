package io.rwgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.OtlpPayloads;
import io.rwgateway.gateway.testing.TestConfigs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Without a backend the gateway estimates what its input would weigh as RW 2.0: OTLP input counts
 * on both sides of that ratio, as gzip bytes in and RW 2.0 bytes out (the comparison of the RW 2.0
 * talk), and in the stats line.
 */
class OtlpEgressEstimateTest {

  @Test
  void otlpInputIsEstimatedAsRw2Output() throws Exception {
    NumberDataPoint[] points = new NumberDataPoint[200];
    for (int i = 0; i < points.length; i++) {
      points[i] = OtlpPayloads.point(i, OtlpPayloads.T_NANOS, OtlpPayloads.attr("shard", Integer.toString(i)));
    }
    byte[] body = OtlpPayloads.gzip(OtlpPayloads.request("estimate", "i-1",
        OtlpPayloads.gauge("queue.depth", points)).toByteArray());
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway())) {
      StatsReporter stats = new StatsReporter(gw.gateway().metrics());
      assertThat(gw.postForBytes("/v1/metrics", "application/x-protobuf", "gzip", body).statusCode()).isEqualTo(200);
      // The estimator batches like a default RW 2.0 backend: up to batch.max_delay (5 s).
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
          .until(() -> gw.metric("rw_gateway_estimated_rw2_bytes_total{encoding=\"snappy\"}") > 0);
      assertThat(gw.metric("rw_gateway_received_bytes_total{protocol=\"otlp\"}")).isEqualTo(body.length);
      assertThat(gw.gateway().metrics().receivedCompressedBytes()).isEqualTo(body.length);
      assertThat(stats.line()).startsWith("received otlp: 1 requests, 200 series, 200 samples,");
    }
  }
}
