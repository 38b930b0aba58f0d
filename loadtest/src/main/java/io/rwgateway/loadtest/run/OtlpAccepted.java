package io.rwgateway.loadtest.run;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.rwgateway.loadtest.workload.Payload;

/**
 * What a 2xx OTLP answer accepted (OTLP specification, "Partial Success"): all of the request's
 * samples, minus the share of {@code partial_success.rejected_data_points} among its data points.
 * Samples are Prometheus equivalents and a data point can be several of them (a histogram point is
 * 10), so rejected points are converted proportionally, rounded: an approximation when the request
 * mixes kinds, exact when it does not. A body that does not decode counts as all accepted (the
 * status said success).
 */
final class OtlpAccepted {
  private OtlpAccepted() {}

  /** Samples of {@code p} accepted by a 2xx answer with this body. */
  static long of(byte[] body, Payload p) {
    if (body.length == 0) {
      return p.points();
    }
    long rejected;
    try {
      rejected = ExportMetricsServiceResponse.parseFrom(body).getPartialSuccess().getRejectedDataPoints();
    } catch (InvalidProtocolBufferException e) {
      return p.points();
    }
    if (rejected <= 0 || p.series() <= 0) {
      return p.points();
    }
    long lost = Math.round((double) Math.min(rejected, p.series()) * p.points() / p.series());
    return p.points() - lost;
  }
}
