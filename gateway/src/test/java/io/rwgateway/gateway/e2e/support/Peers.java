package io.rwgateway.gateway.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Starts the real third-party peers of {@code shared/peers} (VictoriaMetrics, Prometheus as
 * sender or receiver, vmagent, node exporter, fake exporter, capture receiver) on free loopback
 * ports, each in its own directory under one fresh temp dir, and stops every one of them on
 * {@link #close()} (senders first, by pid file through {@code stop.sh}), also when a test
 * failed and, through a shutdown hook, when the JVM exits early. Every process is bounded by
 * {@code PEER_MAX_SECONDS} ({@value #DEFAULT_MAX_SECONDS} s unless system property
 * {@code rwgateway.peers.maxSeconds} says otherwise), so even a killed JVM leaves nothing behind
 * for long. Use with try-with-resources or {@link PeersExtension}.
 */
public final class Peers implements AutoCloseable {
  static final int DEFAULT_MAX_SECONDS = 300;
  private static final int START_ATTEMPTS = 3;
  private static final Duration SCRIPT_BOUND = Duration.ofSeconds(60); // scripts wait 30 s for readiness
  private static final Duration STOP_BOUND = Duration.ofSeconds(30); // stop.sh KILLs after 15 s
  private static final int RESTART_ATTEMPTS = 10;
  private static final Duration RESTART_PAUSE = Duration.ofMillis(500);

  private final Path peersDir;
  private final Path workDir;
  private final int maxSeconds;
  private final List<PeerProcess> running = Collections.synchronizedList(new ArrayList<>());
  private final Thread shutdownHook = new Thread(this::stopAllQuietly, "peers-shutdown");

  private Peers(Path peersDir, Path workDir, int maxSeconds) {
    this.peersDir = peersDir;
    this.workDir = workDir;
    this.maxSeconds = maxSeconds;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Peers dir from system property {@code rwgateway.peers} (set by surefire), work dir under /tmp. */
  public static Peers create() {
    String configured = System.getProperty("rwgateway.peers");
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException("cannot locate shared/peers: system property rwgateway.peers is not set");
    }
    Path dir = Path.of(configured).toAbsolutePath().normalize();
    if (!Files.isExecutable(dir.resolve("start-victoria-metrics.sh"))) {
      throw new IllegalStateException("cannot locate shared/peers (" + dir + "): no executable start-victoria-metrics.sh");
    }
    int maxSeconds = Integer.getInteger("rwgateway.peers.maxSeconds", DEFAULT_MAX_SECONDS);
    try {
      return new Peers(dir, Files.createTempDirectory(Path.of("/tmp"), "rwgateway-e2e-"), maxSeconds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work dir for peers under /tmp: " + e.getMessage(), e);
    }
  }

  /** Temp dir holding one sub-directory (data, log, pid file) per started peer. */
  public Path workDir() {
    return workDir;
  }

  /** Peers started and not stopped yet, in start order. */
  public List<PeerProcess> running() {
    synchronized (running) {
      return List.copyOf(running);
    }
  }

  /** VictoriaMetrics single node: an RW 1.0 backend at {@link PeerProcess#writeUrl()}. */
  public PeerProcess startVictoriaMetrics() {
    return launch("victoria-metrics", (port, dir) -> script("start-victoria-metrics.sh", Map.of(), dir,
        Integer.toString(port), dir.toString()));
  }

  /** Prometheus 2.42 with the remote write receiver on: an RW 1.0 backend that also stores exemplars. */
  public PeerProcess startPrometheusReceiver() {
    return launch("prometheus-receiver", (port, dir) -> script("start-prometheus-receiver.sh", Map.of(), dir,
        Integer.toString(port), dir.toString()));
  }

  /** Debian's node exporter: a real scrape target with about a thousand series. */
  public PeerProcess startNodeExporter() {
    return launch("node-exporter", (port, dir) -> script("start-node-exporter.sh", Map.of(), dir,
        Integer.toString(port), dir.toString()));
  }

  /** vmagent relaying the RW 1.0 it receives at {@link PeerProcess#writeUrl()} to every URL. */
  public PeerProcess startVmagent(String... remoteWriteUrls) {
    return launch("vmagent", (port, dir) -> {
      List<String> args = new ArrayList<>(List.of(Integer.toString(port)));
      args.addAll(List.of(remoteWriteUrls));
      return script("start-vmagent.sh", Map.of("VMAGENT_DIR", dir.toString()), dir, args.toArray(String[]::new));
    });
  }

  /** Prometheus sender with the script's defaults (self-scrape every 1 s) writing to one URL. */
  public PeerProcess startPrometheusSender(String remoteWriteUrl) {
    return startPrometheusSender(PrometheusSenderOptions.defaults(), List.of(remoteWriteUrl));
  }

  /**
   * Prometheus 2.42 scraping itself (and {@code options.extraTargets()}) and remote-writing RW 1.0
   * to every URL. One URL without write_relabel_configs: {@code start-prometheus-sender.sh} itself
   * (remote_write name "gateway"). More URLs, or any write_relabel_configs: the script cannot, so {@link PrometheusSenderConfig} writes an equivalent config with one
   * remote_write entry per URL (names "rw-0", "rw-1"...) and the same binary is started through the
   * script helpers of {@code _lib.sh} (same timeout bound, pid file and readiness check).
   */
  public PeerProcess startPrometheusSender(PrometheusSenderOptions options, List<String> remoteWriteUrls) {
    if (remoteWriteUrls.isEmpty()) {
      throw new IllegalArgumentException("cannot start a Prometheus sender without a remote write URL");
    }
    if (remoteWriteUrls.size() == 1 && options.writeRelabelConfigs().isEmpty()) {
      return launch("prometheus-sender", (port, dir) -> script("start-prometheus-sender.sh",
          options.scriptEnvironment(), dir, Integer.toString(port), remoteWriteUrls.get(0), dir.toString()));
    }
    return launch("prometheus-sender", (port, dir) -> {
      Path config = dir.resolve("prometheus-sender.yml");
      write(config, PrometheusSenderConfig.yaml(port, remoteWriteUrls, options));
      PeerCommand.Result check = PeerCommand.run(List.of("promtool", "check", "config", config.toString()),
          Map.of(), dir.resolve("promtool.out"), SCRIPT_BOUND);
      if (!check.ok()) {
        return check;
      }
      List<String> command = new ArrayList<>(List.of("prometheus", "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("data"), "--storage.tsdb.retention.time=1d",
          "--web.listen-address=127.0.0.1:" + port, "--log.level=info"));
      if (!options.features().isEmpty()) {
        command.add("--enable-feature=" + options.features());
      }
      return background(dir, "prometheus-sender", "http://127.0.0.1:" + port + "/-/ready", command);
    });
  }

  /**
   * Prometheus 2.42 sender with a config the caller writes for the port it gets (e.g.
   * {@link DefaultQueueSenderConfig}, which keeps Prometheus' default queue_config): for setups
   * {@link PrometheusSenderOptions} cannot express. Checked with promtool, then started like the
   * multi-URL sender above (same timeout bound, pid file and readiness check); a sender, so it is
   * stopped before the other peers.
   */
  public PeerProcess startPrometheusSenderWithConfig(IntFunction<String> configForPort) {
    return startPrometheusSenderWithConfig(configForPort, List.of());
  }

  /**
   * The same with more Prometheus flags, e.g. {@code --web.enable-lifecycle} so that a test can
   * rewrite {@code dir()/prometheus-sender.yml} and POST {@code /-/reload} (say, to stop scraping
   * while the remote write queue drains and the sender's counters can still be read).
   */
  public PeerProcess startPrometheusSenderWithConfig(IntFunction<String> configForPort, List<String> extraFlags) {
    return launch("prometheus-sender", (port, dir) -> {
      Path config = dir.resolve("prometheus-sender.yml");
      write(config, configForPort.apply(port));
      PeerCommand.Result check = PeerCommand.run(List.of("promtool", "check", "config", config.toString()),
          Map.of(), dir.resolve("promtool.out"), SCRIPT_BOUND);
      if (!check.ok()) {
        return check;
      }
      List<String> command = new ArrayList<>(List.of("prometheus",
          "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
          "--storage.tsdb.retention.time=1d", "--web.listen-address=127.0.0.1:" + port, "--log.level=info"));
      command.addAll(extraFlags);
      return background(dir, "prometheus-sender", "http://127.0.0.1:" + port + "/-/ready", command);
    });
  }

  /**
   * Starts again a VictoriaMetrics stopped with {@link #stop}, on the same port and with the same
   * data dir, so that it keeps every row it stored before (a backend outage and its recovery). The
   * port was free while it was down, so another process may hold it for a moment (a client's
   * ephemeral port, even a TCP self-connect to it): an "in use" start is tried again for a few
   * seconds. Its log restarts from empty.
   */
  public PeerProcess restartVictoriaMetrics(PeerProcess stopped) {
    if (!stopped.role().equals("victoria-metrics")) {
      throw new IllegalArgumentException("cannot restart " + stopped.name() + ": not a VictoriaMetrics");
    }
    if (running.contains(stopped)) {
      throw new IllegalStateException("cannot restart " + stopped.name() + ": it is still running");
    }
    long started = System.nanoTime();
    String lastOutput = "";
    for (int attempt = 1; attempt <= RESTART_ATTEMPTS; attempt++) {
      running.add(stopped); // registered first: stopped by close() even if the start below throws
      PeerCommand.Result result;
      try {
        result = script("start-victoria-metrics.sh", Map.of(), stopped.dir(), Integer.toString(stopped.port()),
            stopped.dir().toString());
      } catch (RuntimeException e) {
        stopQuietly(stopped);
        throw e;
      }
      if (result.ok()) {
        System.out.println("peers: restarted " + stopped.name() + " in " + millisSince(started) + " ms ("
            + stopped.dir() + ")");
        return stopped;
      }
      stopQuietly(stopped);
      lastOutput = result.output();
      if (!lastOutput.contains("in use")) {
        break;
      }
      try {
        Thread.sleep(RESTART_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("cannot restart " + stopped.name() + ": interrupted", e);
      }
    }
    throw new IllegalStateException("cannot restart " + stopped.name() + " (" + RESTART_ATTEMPTS
        + " attempts at most): " + lastOutput);
  }

  /** fake-exporter.py: odd label values, NaN, +Inf, exemplars, native histograms (variant "a" or "b"). */
  public PeerProcess startFakeExporter(String variant) {
    return launch("fake-exporter", (port, dir) -> background(dir, "fake-exporter",
        "http://127.0.0.1:" + port + "/metrics", List.of("/usr/bin/python3", peersDir.resolve("fake-exporter.py")
            .toString(), "--port", Integer.toString(port), "--variant", variant,
            "--max-seconds", Integer.toString(maxSeconds))));
  }

  /**
   * capture-receiver.py saving every request under {@code dir/captures} (NNNN.body +
   * NNNN.headers.json); {@code extraArgs} e.g. "--statuses", "503,204" or "--no-written-headers".
   */
  public PeerProcess startCaptureReceiver(String... extraArgs) {
    return launch("capture-receiver", (port, dir) -> {
      List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
          peersDir.resolve("capture-receiver.py").toString(), "--port", Integer.toString(port),
          "--dir", dir.resolve("captures").toString(), "--max-seconds", Integer.toString(maxSeconds)));
      command.addAll(List.of(extraArgs));
      return background(dir, "capture-receiver", "http://127.0.0.1:" + port + "/-/ready", command);
    });
  }

  /**
   * Runs {@code send-otlp.sh} (the OpenTelemetry JS SDK and its OTLP exporters) once to {@code url}
   * with the script's arguments (e.g. "json", "--count", "2", "--gzip", "--temporality", "delta")
   * and returns its output; fails unless every export returned SUCCESS (a partial success is one).
   * Not a daemon: it exits after its exports (bounded by the script's own 60 s).
   */
  public String sendOtlp(String url, String... args) {
    Path dir = workDir.resolve("send-otlp");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>(List.of("bash", peersDir.resolve("send-otlp.sh").toString(), url));
    command.addAll(List.of(args));
    PeerCommand.Result result = PeerCommand.run(command, Map.of(), dir.resolve("send-otlp-" + System.nanoTime()
        + ".out"), SCRIPT_BOUND.plusSeconds(30));
    if (!result.ok()) {
      throw new IllegalStateException("send-otlp.sh " + String.join(" ", args) + " to " + url + " failed (exit "
          + result.exitCode() + "): " + result.output());
    }
    return result.output();
  }

  /** Stops one peer now (e.g. a sender, so that it flushes its queues before the backends go). */
  public void stop(PeerProcess peer) {
    running.remove(peer);
    long started = System.nanoTime();
    PeerCommand.Result result = PeerCommand.run(List.of("bash", peersDir.resolve("stop.sh").toString(),
        peer.pidFile().toString()), Map.of(), peer.dir().resolve("stop.out"), STOP_BOUND);
    if (!result.ok()) {
      throw new IllegalStateException("cannot stop " + peer.name() + " (exit " + result.exitCode() + "): "
          + result.output());
    }
    System.out.println("peers: stopped " + peer.name() + " in " + millisSince(started) + " ms");
  }

  /**
   * Stops every sender (Prometheus senders, vmagent) now, in parallel. Call it before stopping
   * what they send to (e.g. the gateway): Prometheus flushes its queues on shutdown and, with its
   * remote_write target gone, hangs until timeout(1) KILLs it 10 s later.
   */
  public void stopSenders() {
    List<RuntimeException> failures = stopInParallel(running().stream().filter(PeerProcess::sends).toList());
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }

  /** Stops every running peer, senders first; throws after trying all if any stop failed. */
  @Override
  public void close() {
    List<RuntimeException> failures = stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs or ran anyway; nothing left to stop
    }
    if (!failures.isEmpty()) {
      IllegalStateException failure = new IllegalStateException("cannot stop " + failures.size() + " peer(s)");
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  /**
   * Stops the senders first, so that they flush to backends still up (a Prometheus whose
   * remote_write target is gone hangs on shutdown until timeout's KILL, about 10 s), then all the
   * others. Each wave in parallel: stop.sh polls until the pids are gone, and in a container whose
   * init reaps orphans slowly that takes 1-2 s per peer (15 s if it never reaps) even though the
   * daemon exited at once.
   */
  private List<RuntimeException> stopAll() {
    List<PeerProcess> all = running();
    List<RuntimeException> failures = stopInParallel(all.stream().filter(PeerProcess::sends).toList());
    failures.addAll(stopInParallel(all.stream().filter(peer -> !peer.sends()).toList()));
    return failures;
  }

  private List<RuntimeException> stopInParallel(List<PeerProcess> peers) {
    List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> stoppers = new ArrayList<>();
    for (PeerProcess peer : peers) {
      Thread stopper = new Thread(() -> {
        try {
          stop(peer);
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }, "stop-" + peer.name());
      stopper.start();
      stoppers.add(stopper);
    }
    for (Thread stopper : stoppers) {
      try {
        stopper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(new IllegalStateException("cannot stop " + stopper.getName() + ": interrupted", e));
      }
    }
    return new ArrayList<>(failures);
  }

  private void stopAllQuietly() {
    stopAll().forEach(e -> System.err.println("peers shutdown hook: " + e.getMessage()));
  }

  /** Starts one peer process: given a port and its own dir, returns the finished start command. */
  private interface Launcher {
    PeerCommand.Result start(int port, Path dir);
  }

  /**
   * Picks a free port, runs the launcher, registers the peer. Retries on another port when the
   * chosen one was taken in between (the scripts say "already in use"); on any failure runs
   * stop.sh on the pid file, since a start that timed out may have left its daemon running.
   */
  private PeerProcess launch(String role, Launcher launcher) {
    String lastOutput = "";
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = FreePort.pick();
      Path dir = workDir.resolve(role + "-" + port);
      PeerProcess peer = new PeerProcess(role, port, dir, dir.resolve(role + ".pid"),
          dir.resolve(role + ".log"));
      PeerCommand.Result result;
      long started = System.nanoTime();
      try {
        Files.createDirectories(dir);
        running.add(peer); // registered first: stopped by close() even if the start below throws
        result = launcher.start(port, dir);
      } catch (IOException e) {
        stopQuietly(peer);
        throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        stopQuietly(peer);
        throw e;
      }
      if (result.ok()) {
        System.out.println("peers: started " + peer.name() + " in " + millisSince(started) + " ms (" + dir + ")");
        return peer;
      }
      stopQuietly(peer);
      lastOutput = result.output();
      if (!lastOutput.contains("in use")) {
        break;
      }
    }
    throw new IllegalStateException("cannot start " + role + " (" + START_ATTEMPTS + " attempts at most): "
        + lastOutput);
  }

  private void stopQuietly(PeerProcess peer) {
    try {
      stop(peer);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
    }
  }

  private PeerCommand.Result script(String name, Map<String, String> env, Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", peersDir.resolve(name).toString()));
    command.addAll(List.of(args));
    return PeerCommand.run(command, withMaxSeconds(env), dir.resolve("start.out"), SCRIPT_BOUND);
  }

  /**
   * Runs {@code command} like the start scripts do, through their own helpers in _lib.sh:
   * start_bg (nohup + timeout PEER_MAX_SECONDS, pid file, log) then wait_ready (poll readyUrl,
   * fail fast if the process died, print the log tail).
   */
  private PeerCommand.Result background(Path dir, String role, String readyUrl, List<String> command) {
    List<String> bash = new ArrayList<>(List.of("bash", "-c",
        "set -euo pipefail; . \"$1/_lib.sh\"; pidfile=\"$2\" log=\"$3\" url=\"$4\"; shift 4; "
            + "start_bg \"$pidfile\" \"$log\" \"$@\"; wait_ready \"$pidfile\" \"$url\" \"$log\"",
        "peers-background", peersDir.toString(), dir.resolve(role + ".pid").toString(),
        dir.resolve(role + ".log").toString(), readyUrl));
    bash.addAll(command);
    return PeerCommand.run(bash, withMaxSeconds(Map.of()), dir.resolve("start.out"), SCRIPT_BOUND);
  }

  private Map<String, String> withMaxSeconds(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("PEER_MAX_SECONDS", Integer.toString(maxSeconds));
    return all;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
