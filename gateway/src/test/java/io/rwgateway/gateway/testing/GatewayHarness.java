package io.rwgateway.gateway.testing;

import io.rwgateway.config.GatewayConfig;
import io.rwgateway.gateway.Gateway;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** An in-process gateway on a free loopback port, and a plain HTTP client to talk to it. */
public final class GatewayHarness implements AutoCloseable {
  public static final String CT_RW1 = "application/x-protobuf";
  public static final String CT_RW2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";

  private final Vertx vertx = Vertx.vertx();
  private final Gateway gateway;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public GatewayHarness(GatewayConfig config) throws Exception {
    gateway = Gateway.start(vertx, config).await(20, TimeUnit.SECONDS);
  }

  public Gateway gateway() {
    return gateway;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + gateway.port() + path;
  }

  /** POSTs a body to /api/v1/write with the given Content-Type (null: none) and snappy encoding. */
  public HttpResponse<String> write(String contentType, byte[] body) throws Exception {
    return post("/api/v1/write", contentType, "snappy", body);
  }

  public HttpResponse<String> post(String path, String contentType, String encoding, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** As {@link #post}, with the answer's body as bytes (OTLP answers protobuf). */
  public HttpResponse<byte[]> postForBytes(String path, String contentType, String encoding, byte[] body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of one sample line of /metrics, e.g. {@code rw_gateway_received_samples_total{protocol="rw1"}}; 0 if absent. */
  public double metric(String series) throws Exception {
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() throws Exception {
    try {
      gateway.stop(2_000).await(20, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
