package io.rwgateway.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.rwgateway.loadtest.workload.Payload;
import org.junit.jupiter.api.Test;

class OtlpAcceptedTest {
  /** 100 data points worth 400 Prometheus samples (e.g. a mix with histograms). */
  private static final Payload P = new Payload(new byte[1], 1, 390, 10, 0, 0, 100);

  @Test
  void anEmptyOrFullSuccessAnswerAcceptsEverySample() {
    assertThat(OtlpAccepted.of(new byte[0], P)).isEqualTo(400);
    byte[] none = ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setErrorMessage("just a warning")).build().toByteArray();
    assertThat(OtlpAccepted.of(none, P)).isEqualTo(400);
  }

  @Test
  void rejectedDataPointsRemoveTheirProportionalShareOfSamples() {
    byte[] quarter = ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(25)).build().toByteArray();
    assertThat(OtlpAccepted.of(quarter, P)).isEqualTo(300);
    byte[] all = ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(500)).build().toByteArray();
    assertThat(OtlpAccepted.of(all, P)).isZero();
  }
}
