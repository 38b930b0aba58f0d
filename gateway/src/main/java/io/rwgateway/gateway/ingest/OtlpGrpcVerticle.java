package io.rwgateway.gateway.ingest;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;

/**
 * The OTLP/gRPC server on {@code otlp.grpc_listen_address}: HTTP/2 (cleartext, prior knowledge, as
 * gRPC clients connect) with only {@link OtlpGrpcService#EXPORT}; any other method is UNIMPLEMENTED.
 * Several instances share the port like {@link IngestVerticle}'s.
 */
public final class OtlpGrpcVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final OtlpExport export;
  private final long maxMessageBytes;
  private HttpServer server;

  /** @param maxMessageBytes the largest gRPC message taken, compressed ({@code ingest.max_body_bytes}) */
  public OtlpGrpcVerticle(String host, int port, OtlpExport export, long maxMessageBytes) {
    this.host = host;
    this.port = port;
    this.export = export;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public Future<?> start() {
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(maxMessageBytes));
    grpc.callHandler(OtlpGrpcService.EXPORT, new OtlpGrpcService(export, maxMessageBytes));
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHttp2ClearTextEnabled(true)
        .setCompressionSupported(false)
        .setDecompressionSupported(false)
        .setIdleTimeout(300))
        .requestHandler(grpc);
    return server.listen(port, host);
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
