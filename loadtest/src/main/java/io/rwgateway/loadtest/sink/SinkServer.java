package io.rwgateway.loadtest.sink;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The sink process: one {@link SinkVerticle} per core sharing the port, one {@link SinkStats}. */
public final class SinkServer implements AutoCloseable {
  private final Vertx vertx;
  private final SinkStats stats;
  private final int port;

  private SinkServer(Vertx vertx, SinkStats stats, int port) {
    this.vertx = vertx;
    this.stats = stats;
    this.port = port;
  }

  /** Starts and waits until listening; port 0 binds a free port (one instance then, see {@link #port()}). */
  public static SinkServer start(SinkOptions options) throws Exception {
    Vertx vertx = Vertx.vertx();
    SinkStats stats = new SinkStats();
    int instances = options.port() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicReference<SinkVerticle> first = new AtomicReference<>();
    try {
      vertx.deployVerticle(() -> {
        SinkVerticle v = new SinkVerticle(options, stats);
        first.compareAndSet(null, v);
        return v;
      }, new DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
    return new SinkServer(vertx, stats, first.get().actualPort());
  }

  public int port() {
    return port;
  }

  public SinkStats stats() {
    return stats;
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
