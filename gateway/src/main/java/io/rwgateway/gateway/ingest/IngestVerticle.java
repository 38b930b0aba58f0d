package io.rwgateway.gateway.ingest;

import io.rwgateway.gateway.pipeline.BatchSink;
import io.vertx.core.Handler;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.SymbolDictionary;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * One HTTP server instance on one event loop: remote write on {@code /api/v1/write}, OTLP/HTTP on
 * {@link OtlpHttpHandler#PATHS}, the ops endpoints on the rest. Several instances share the
 * listening port (Vert.x balances connections between them), each with its own decoders and
 * string interner, so ingest scales with cores without locks.
 */
public final class IngestVerticle extends VerticleBase {
  public static final String WRITE_PATH = "/api/v1/write";

  private final String host;
  private final int port;
  private final DecodeLimits limits;
  private final long maxBodyBytes;
  private final MetadataStore metadata;
  private final SymbolDictionary dictionary;
  private final BatchSink sink;
  private final IngestEvents metrics;
  private final int backpressureStatus;
  private final Handler<HttpServerRequest> ops;
  private final OtlpExport otlp;
  private HttpServer server;

  /**
   * @param otlp the OTLP export that {@code POST /v1/metrics} and its aliases go to
   * @param ops  every other path ({@code /metrics}, {@code /-/healthy}, ...)
   */
  public IngestVerticle(String host, int port, DecodeLimits limits, long maxBodyBytes, int backpressureStatus,
      MetadataStore metadata, SymbolDictionary dictionary, BatchSink sink, IngestEvents metrics, OtlpExport otlp,
      Handler<HttpServerRequest> ops) {
    this.dictionary = dictionary;
    this.otlp = otlp;
    this.backpressureStatus = backpressureStatus;
    this.host = host;
    this.port = port;
    this.limits = limits;
    this.maxBodyBytes = maxBodyBytes;
    this.metadata = metadata;
    this.sink = sink;
    this.metrics = metrics;
    this.ops = ops;
  }

  @Override
  public Future<?> start() {
    RemoteWriteHandler write = new RemoteWriteHandler(new IngestDecoders(limits, metadata, dictionary), sink, metrics, maxBodyBytes,
        backpressureStatus);
    OtlpHttpHandler otlpHttp = new OtlpHttpHandler(otlp, maxBodyBytes, backpressureStatus);
    server = vertx.createHttpServer(new HttpServerOptions()
        .setCompressionSupported(false)
        .setDecompressionSupported(false)
        .setIdleTimeout(300));
    server.requestHandler((HttpServerRequest req) -> {
      String path = req.path();
      if (WRITE_PATH.equals(path)) {
        write.handle(req);
      } else if (OtlpHttpHandler.PATHS.contains(path)) {
        otlpHttp.handle(req);
      } else {
        ops.handle(req);
      }
    });
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
