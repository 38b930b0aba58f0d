package io.rwgateway.gateway.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One running peer started by {@link Peers}: where it listens and which files it owns. The pid
 * file is what {@code stop.sh} uses to stop it (by pid, never by name).
 *
 * @param role    what it is, e.g. "victoria-metrics" (also the stem of its pid and log files)
 * @param port    loopback port it listens on
 * @param dir     its own data directory (a fresh temp dir)
 * @param pidFile pid of the process to stop ({@code timeout} wrapping the daemon for scripts)
 * @param log     its stdout/stderr
 */
public record PeerProcess(String role, int port, Path dir, Path pidFile, Path log) {

  /** Role and port, e.g. "victoria-metrics:18428", for messages. */
  public String name() {
    return role + ":" + port;
  }

  /** True for peers that push data to others: stopped before the backends they push to. */
  public boolean sends() {
    return role.equals("prometheus-sender") || role.equals("vmagent");
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path} (which starts with "/"). */
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The Remote Write 1.0 ingestion URL of VictoriaMetrics, vmagent and a Prometheus receiver. */
  public String writeUrl() {
    return url("/api/v1/write");
  }

  /** The last {@code lines} lines of the log, for failure messages; never throws. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
