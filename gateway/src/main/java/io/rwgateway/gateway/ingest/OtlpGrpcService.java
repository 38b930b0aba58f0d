package io.rwgateway.gateway.ingest;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.MessageSizeOverflowException;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.common.WireFormat;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import java.util.Base64;

/**
 * OTLP/gRPC {@code opentelemetry.proto.collector.metrics.v1.MetricsService/Export} (otlp.md §1.4),
 * with the same semantics as OTLP/HTTP mapped to gRPC codes by {@link OtlpFailure}; RetryInfo and
 * BadRequest travel in {@code grpc-status-details-bin}, as grpc-java's clients read them.
 *
 * <p>The message is taken raw, before Vert.x would decompress it: Vert.x inflates gzip messages
 * without a bound, so {@link OtlpExport} does it within {@code ingest.max_decoded_bytes}. The
 * compressed message is bounded by the server's {@code maxMessageSize} ({@code ingest.max_body_bytes}),
 * RESOURCE_EXHAUSTED over it.
 */
public final class OtlpGrpcService implements Handler<GrpcServerRequest<Buffer, ExportMetricsServiceResponse>> {
  public static final ServiceName SERVICE = ServiceName.create("opentelemetry.proto.collector.metrics.v1.MetricsService");
  public static final ServiceMethod<Buffer, ExportMetricsServiceResponse> EXPORT = ServiceMethod.server(SERVICE,
      "Export", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.IDENTITY);
  static final String STATUS_DETAILS = "grpc-status-details-bin";

  private final OtlpExport export;
  private final long maxMessageBytes;

  public OtlpGrpcService(OtlpExport export, long maxMessageBytes) {
    this.export = export;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void handle(GrpcServerRequest<Buffer, ExportMetricsServiceResponse> req) {
    Call call = new Call(req);
    req.messageHandler(call::message);
    req.invalidMessageHandler(e -> {
      if (e instanceof MessageSizeOverflowException overflow) {
        call.fail(OtlpFailure.tooLarge("body_too_large", "cannot accept message of " + overflow.messageSize()
            + " bytes (limit " + maxMessageBytes + " bytes, ingest.max_body_bytes)"));
      } else {
        call.fail(OtlpFailure.badData("bad_grpc_message", "cannot read gRPC message: " + e));
      }
    });
    req.exceptionHandler(err -> call.broken());
    req.endHandler(v -> call.end());
  }

  /** One unary call: exactly one message, answered once. */
  private final class Call {
    private final GrpcServerRequest<Buffer, ExportMetricsServiceResponse> req;
    private GrpcMessage message;
    private boolean extra;
    private boolean answered;

    Call(GrpcServerRequest<Buffer, ExportMetricsServiceResponse> req) {
      this.req = req;
    }

    void message(GrpcMessage m) {
      if (message == null) {
        message = m;
      } else {
        extra = true;
      }
    }

    void end() {
      if (answered) {
        return;
      }
      if (message == null || extra) {
        fail(OtlpFailure.badData("bad_grpc_message", "cannot export: Export is unary, expected exactly one message, got "
            + (message == null ? "none" : "several")));
        return;
      }
      if (req.format() != WireFormat.PROTOBUF) {
        fail(OtlpFailure.unsupported("unsupported_content_type", "cannot accept gRPC " + req.format()
            + " messages: OTLP/gRPC is protobuf"));
        return;
      }
      OtlpCompression compression;
      switch (message.encoding()) {
        case "identity" -> compression = OtlpCompression.IDENTITY;
        case "gzip" -> compression = OtlpCompression.GZIP;
        default -> {
          // gRPC compression spec: an unsupported message compression is UNIMPLEMENTED.
          fail(OtlpFailure.unsupported("unsupported_encoding", "cannot accept grpc-encoding \""
              + message.encoding() + "\": gzip or identity"));
          return;
        }
      }
      OtlpExport.Result result = export.export(OtlpTransport.GRPC, OtlpEncoding.PROTOBUF, compression,
          message.payload().getBytes());
      if (result.failure() != null) {
        answer(result.failure());
        return;
      }
      answered = true;
      export.counts().response(200);
      export.events().answered(OtlpTransport.GRPC, OtlpEncoding.PROTOBUF, GrpcStatus.OK.name());
      req.response().end(result.response());
    }

    /** A failure found by the transport itself, counted as a refused request. */
    void fail(OtlpFailure f) {
      if (!answered) {
        answer(export.refuse(f).failure());
      }
    }

    void answer(OtlpFailure f) {
      answered = true;
      export.counts().response(f.httpStatus(503));
      export.events().answered(OtlpTransport.GRPC, OtlpEncoding.PROTOBUF, f.grpcStatus().name());
      GrpcServerResponse<Buffer, ExportMetricsServiceResponse> resp = req.response();
      resp.trailers().set(STATUS_DETAILS, Base64.getEncoder().withoutPadding().encodeToString(f.status().toProtobuf()));
      resp.status(f.grpcStatus()).statusMessage(f.message()).end();
    }

    /** The stream was reset or the connection broke: nothing was accepted, nobody to answer. */
    void broken() {
      if (!answered) {
        answered = true;
        export.counts().rejectedRequest("connection_error");
      }
    }
  }
}
