package io.rwgateway.loadtest.sink;

import io.rwgateway.translators.codec.DecodeLimits;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sink --listen ADDR}: a null Remote Write (and OTLP) backend that decodes and counts what it gets. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Null RW 1.0/2.0 backend: decodes, counts, answers 204 (RW 2.0 with Written headers); "
        + "OTLP/HTTP protobuf on POST /v1/metrics, answered 200. GET /metrics (Prometheus text), GET /stats (JSON).")
public final class SinkCommand implements Callable<Integer> {
  @Option(names = "--listen", defaultValue = "127.0.0.1:9300", description = "host:port (default ${DEFAULT-VALUE})")
  String listen;

  @Option(names = "--latency", defaultValue = "0ms", description = "delay before each write answer, e.g. 5ms")
  Duration latency;

  @Option(names = "--error-rate", defaultValue = "0", description = "share of writes answered --error-status (0..1)")
  double errorRate;

  @Option(names = "--error-status", defaultValue = "503", description = "status of injected errors (default ${DEFAULT-VALUE})")
  int errorStatus;

  @Option(names = "--max-decoded-bytes", defaultValue = "33554432", description = "snappy-decoded size limit -> 413")
  int maxDecodedBytes;

  @Option(names = "--count-only", description = "count by walking protobuf tags, no full decode (cheap sink for benchmarks)")
  boolean countOnly;

  @Override
  public Integer call() throws Exception {
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      System.err.println("cannot parse --listen \"" + listen + "\": expected host:port");
      return 2;
    }
    String host = colon == 0 ? "0.0.0.0" : listen.substring(0, colon);
    int port = Integer.parseInt(listen.substring(colon + 1));
    DecodeLimits d = DecodeLimits.DEFAULTS;
    SinkOptions options = new SinkOptions(host, port, latency, errorRate, errorStatus,
        new DecodeLimits(maxDecodedBytes, d.maxLabelsPerSeries(), d.maxLabelNameLength(), d.maxLabelValueLength()), countOnly);
    SinkServer server = SinkServer.start(options);
    System.err.println("rw-loadtest sink listening on " + host + ":" + server.port()
        + (countOnly ? ", count-only" : "")
        + (latency.isZero() ? "" : ", latency " + latency.toMillis() + " ms")
        + (errorRate > 0 ? ", error rate " + errorRate + " -> " + errorStatus : ""));
    // Runs until SIGTERM/SIGINT; the JVM exits once the hook has printed the totals.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        System.err.print("rw-loadtest sink stopping; received " + server.stats().json());
        server.close();
      } catch (Exception e) {
        System.err.println("cannot stop sink cleanly: " + e.getMessage());
      }
    }));
    new CountDownLatch(1).await();
    return 0;
  }
}
