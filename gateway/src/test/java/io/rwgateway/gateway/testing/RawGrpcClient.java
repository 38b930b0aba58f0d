package io.rwgateway.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC client at the wire level (HTTP/2 prior knowledge, length-prefixed messages, status in
 * headers or trailers), so tests can send what no generated stub would: a wrong message
 * compression, two messages, a truncated or oversized one.
 */
public final class RawGrpcClient implements AutoCloseable {
  public static final String EXPORT = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

  private final Vertx vertx;
  private final int port;

  /** What came back: the status, its message, the details trailer (decoded) and the response messages. */
  public record Answer(int status, String message, byte[] details, Buffer body, Map<String, String> headers) {
    /** The first response message's payload (after the 5-byte prefix), or null. */
    public byte[] firstMessage() {
      if (body.length() < 5) {
        return null;
      }
      int len = body.getInt(1);
      return body.getBytes(5, 5 + len);
    }
  }

  public RawGrpcClient(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  /** One gRPC message frame: flag (1 = compressed), big-endian length, payload. */
  public static Buffer frame(byte[] payload, boolean compressed) {
    return Buffer.buffer().appendByte((byte) (compressed ? 1 : 0)).appendInt(payload.length).appendBytes(payload);
  }

  /** @param grpcEncoding the grpc-encoding header, or null */
  public Answer call(String path, String grpcEncoding, Buffer body) throws Exception {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(path).putHeader("content-type", "application/grpc").putHeader("te", "trailers");
    if (grpcEncoding != null) {
      options.putHeader("grpc-encoding", grpcEncoding);
    }
    // A connection per call, so each test stands alone: with one shared HTTP/2 connection, a call
    // now and then never got its answer under load (1 run of this class in 6 with two busy CPU
    // hogs, a different test each time), probably behind a call the server refused before reading
    // it all. With a connection per call, 8 runs in 8 passed under the same load.
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    try {
      return client.request(options)
          .compose(req -> req.send(body))
          .compose(resp -> resp.body().map(b -> answer(resp, b)))
          .await(20, TimeUnit.SECONDS);
    } finally {
      client.close().await(5, TimeUnit.SECONDS);
    }
  }

  private static Answer answer(HttpClientResponse resp, Buffer body) {
    Map<String, String> all = new HashMap<>();
    resp.headers().forEach(e -> all.put(e.getKey().toLowerCase(), e.getValue()));
    resp.trailers().forEach(e -> all.put(e.getKey().toLowerCase(), e.getValue()));
    String status = all.get("grpc-status");
    String details = all.get("grpc-status-details-bin");
    return new Answer(status == null ? -1 : Integer.parseInt(status),
        all.get("grpc-message") == null ? null : java.net.URLDecoder.decode(all.get("grpc-message"),
            java.nio.charset.StandardCharsets.UTF_8),
        details == null ? null : Base64.getDecoder().decode(details), body, all);
  }

  @Override
  public void close() {
    // nothing held between calls
  }
}
