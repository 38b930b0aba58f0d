package io.rwgateway.gateway.ingest;

import io.rwgateway.gateway.status.StatusCodes;
import io.vertx.grpc.common.GrpcStatus;

/**
 * Why an OTLP request was refused as a whole, the same for both transports and mapped to each
 * (otlp.md §1.2, §1.4 "one shared error class"): bad data 400 ↔ INVALID_ARGUMENT, too large 413 ↔
 * RESOURCE_EXHAUSTED without RetryInfo (not retryable), unsupported 415 ↔ UNIMPLEMENTED (gRPC's
 * answer to an unknown message compression), overload 503 (or 429) with Retry-After ↔ UNAVAILABLE
 * with RetryInfo (retryable; OTLP clients drop 500s, so a 5xx other than 503 is never used).
 *
 * @param kind    what the sender should make of it
 * @param reason  the {@code reason} metric label value
 * @param message one line for the sender
 */
public record OtlpFailure(Kind kind, String reason, String message) {
  /** The kinds of refusal, each with its HTTP and gRPC status. */
  public enum Kind {
    BAD_DATA(StatusCodes.INVALID, GrpcStatus.INVALID_ARGUMENT),
    TOO_LARGE(StatusCodes.TOO_LARGE, GrpcStatus.RESOURCE_EXHAUSTED),
    UNSUPPORTED(StatusCodes.UNSUPPORTED_MEDIA_TYPE, GrpcStatus.UNIMPLEMENTED),
    OVERLOADED(503, GrpcStatus.UNAVAILABLE);

    private final int http;
    private final GrpcStatus grpc;

    Kind(int http, GrpcStatus grpc) {
      this.http = http;
      this.grpc = grpc;
    }
  }

  public static OtlpFailure badData(String reason, String message) {
    return new OtlpFailure(Kind.BAD_DATA, reason, message);
  }

  public static OtlpFailure tooLarge(String reason, String message) {
    return new OtlpFailure(Kind.TOO_LARGE, reason, message);
  }

  public static OtlpFailure unsupported(String reason, String message) {
    return new OtlpFailure(Kind.UNSUPPORTED, reason, message);
  }

  public static OtlpFailure overloaded(String message) {
    return new OtlpFailure(Kind.OVERLOADED, "backpressure", message);
  }

  /** @param backpressureStatus {@code ingest.backpressure_status}: 503, or 429 */
  public int httpStatus(int backpressureStatus) {
    return kind == Kind.OVERLOADED ? backpressureStatus : kind.http;
  }

  public GrpcStatus grpcStatus() {
    return kind.grpc;
  }

  /** Seconds the sender is asked to wait, 0 when it must not retry. */
  public int retryAfterSeconds() {
    return kind == Kind.OVERLOADED ? StatusCodes.OVERLOAD_RETRY_AFTER_SECONDS : 0;
  }

  /** The google.rpc.Status body (HTTP) or details trailer (gRPC): BadRequest for bad data, RetryInfo for overload. */
  public RpcStatus status() {
    return new RpcStatus(grpcStatus().code, message, kind == Kind.BAD_DATA ? reason : null, retryAfterSeconds());
  }
}
