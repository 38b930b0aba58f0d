package io.rwgateway.gateway;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.ConfigException;
import io.rwgateway.config.ConfigLoader;
import io.rwgateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code java -jar rw-gateway.jar [--config FILE]}. Without a config file it runs on the embedded
 * default: listens on 0.0.0.0:9201 (remote write, OTLP/HTTP) and 0.0.0.0:4317 (OTLP/gRPC), has no
 * backend, and logs every 10 s what it received and what that would weigh as RW 2.0.
 */
public final class Main {
  static final String USAGE = """
      usage: java -jar rw-gateway.jar [--config FILE]
        --config FILE   YAML configuration (see README.md); without it the embedded default runs:
                        listen on 0.0.0.0:9201 (RW, OTLP/HTTP) and 0.0.0.0:4317 (OTLP/gRPC),
                        no backend, log what RW 2.0 would save every 10 s
        --check-config  validate the configuration and exit (0 if valid)
        --version       print the version and exit
        --help          this text""";

  private Main() {}

  public static void main(String[] args) {
    LogFormat.install();
    Path configFile = null;
    boolean checkOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config", "-c" -> {
          if (i + 1 >= args.length) {
            fail("--config needs a file");
          }
          configFile = Path.of(args[++i]);
        }
        case "--check-config" -> checkOnly = true;
        case "--version" -> {
          System.out.println("rw-gateway " + Version.version());
          return;
        }
        case "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        default -> fail("unknown argument " + args[i]);
      }
    }
    GatewayConfig config;
    try {
      config = configFile == null ? GatewayConfig.defaults() : ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (checkOnly) {
      System.out.println("configuration is valid: " + (configFile == null ? "(embedded default)" : configFile));
      return;
    }
    run(config, configFile == null ? "embedded default" : configFile.toString());
  }

  private static void run(GatewayConfig config, String source) {
    Logger log = Logger.getLogger("rw-gateway");
    Vertx vertx = Vertx.vertx();
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, config).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.severe("cannot start (" + source + "): " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    StringBuilder backends = new StringBuilder();
    for (BackendConfig b : config.backends()) {
      backends.append(backends.length() == 0 ? "" : ", ").append(b.name()).append(" (")
          .append(b.protocol().wireName()).append(") ").append(b.url());
    }
    String grpc = gateway.grpcPort() < 0 ? "off" : config.otlp().grpcListenHost() + ":" + gateway.grpcPort();
    log.info("rw-gateway " + Version.version() + " listening on " + config.listenHost() + ":" + gateway.port()
        + " (remote write, OTLP/HTTP), OTLP/gRPC " + grpc + " (config: " + source + "); backends: "
        + (backends.length() == 0 ? "none, estimating RW 2.0 egress only" : backends));
    log.info("jvm: " + JvmSettings.describe());
    String jvmWarning = JvmSettings.warning(JvmSettings.jvmArguments());
    if (jvmWarning != null) {
      log.warning(jvmWarning);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // JUL resets its handlers in its own shutdown hook, so these lines go to stderr directly.
      LogFormat.direct("INFO", "rw-gateway", "shutting down: flushing queues (up to "
          + Gateway.DRAIN_DEADLINE_MS / 1000 + " s)");
      try {
        gateway.close().await(Gateway.DRAIN_DEADLINE_MS + 5000, TimeUnit.MILLISECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        LogFormat.direct("INFO", "rw-gateway", "stopped");
      } catch (Exception e) {
        LogFormat.direct("WARNING", "rw-gateway", "shutdown did not complete: " + e.getMessage());
      }
    }, "rw-gateway-shutdown"));
  }

  private static void fail(String message) {
    System.err.println(message);
    System.err.println(USAGE);
    System.exit(2);
  }
}
