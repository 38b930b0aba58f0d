package io.rwgateway.gateway.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.nio.charset.StandardCharsets;

/**
 * The success answer of OTLP, {@code ExportMetricsServiceResponse} (otlp.md §1.2): {@code
 * partial_success} unset when everything was taken, set with the count of rejected data points and
 * a message otherwise (or with a message alone: accepted with a warning). A client MUST NOT retry a
 * response whose partial_success is set.
 */
final class OtlpResponses {
  /** Keeps the answer far under the 4 MiB a response SHOULD stay below (§1.1). */
  static final int MAX_MESSAGE_CHARS = 4096;
  private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

  private OtlpResponses() {}

  static ExportMetricsServiceResponse success(long rejectedDataPoints, String errorMessage) {
    if (rejectedDataPoints == 0 && errorMessage.isEmpty()) {
      return ExportMetricsServiceResponse.getDefaultInstance();
    }
    String message = errorMessage.length() > MAX_MESSAGE_CHARS
        ? errorMessage.substring(0, MAX_MESSAGE_CHARS) + "..." : errorMessage;
    return ExportMetricsServiceResponse.newBuilder().setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
        .setRejectedDataPoints(rejectedDataPoints).setErrorMessage(message)).build();
  }

  /** In the request's encoding: JSON writes int64 as a string and keys in lowerCamelCase (§1.3). */
  static byte[] encode(ExportMetricsServiceResponse response, OtlpEncoding encoding) {
    if (encoding == OtlpEncoding.PROTOBUF) {
      return response.toByteArray();
    }
    try {
      return JSON.print(response).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print a response without Any fields: " + e, e);
    }
  }
}
