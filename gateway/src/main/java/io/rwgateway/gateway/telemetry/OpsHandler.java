package io.rwgateway.gateway.telemetry;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BooleanSupplier;

/**
 * Operations endpoints with Prometheus' conventions: {@code /metrics}, {@code /-/healthy} (the
 * process serves), {@code /-/ready} (routes are set up and the gateway accepts writes).
 */
public final class OpsHandler implements Handler<HttpServerRequest> {
  private final GatewayMetrics metrics;
  private final BooleanSupplier ready;

  public OpsHandler(GatewayMetrics metrics, BooleanSupplier ready) {
    this.metrics = metrics;
    this.ready = ready;
  }

  @Override
  public void handle(HttpServerRequest req) {
    switch (req.path()) {
      case "/metrics" -> req.response()
          .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
          .end(metrics.scrape());
      case "/-/healthy" -> req.response().putHeader("Content-Type", "text/plain").end("rw-gateway is Healthy.\n");
      case "/-/ready" -> {
        if (ready.getAsBoolean()) {
          req.response().putHeader("Content-Type", "text/plain").end("rw-gateway is Ready.\n");
        } else {
          req.response().setStatusCode(503).putHeader("Content-Type", "text/plain").end("rw-gateway is not ready.\n");
        }
      }
      default -> req.response().setStatusCode(404).putHeader("Content-Type", "text/plain")
          .end("not found: the gateway serves /api/v1/write, /metrics, /-/healthy, /-/ready\n");
    }
  }
}
