package io.rwgateway.gateway.e2e.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one short shell command of the peers kit (a start-*.sh, stop.sh, promtool) to completion
 * within a bound. Output goes to a file, not a pipe: the start scripts leave a daemon behind, and
 * a pipe inherited by mistake would block a reader forever. Stdin is /dev/null (CI has none).
 */
final class PeerCommand {
  /**
   * Knobs of the start scripts read from the environment: removed from the inherited environment
   * so that a value exported in a developer's shell or a CI job cannot change what a test runs.
   */
  private static final List<String> SCRIPT_KNOBS = List.of(
      "PEER_MAX_SECONDS", "PEER_READY_SECONDS", "SCRAPE_INTERVAL", "EXTRA_TARGETS",
      "METADATA_INTERVAL", "SEND_EXEMPLARS", "SEND_NATIVE_HISTOGRAMS", "PROM_FEATURES",
      "EXTERNAL_LABELS", "VMAGENT_DIR", "VMAGENT_EXTRA_ARGS", "VMAGENT_FLUSH_INTERVAL");

  private PeerCommand() {
  }

  /** Exit code and combined stdout/stderr of a finished command. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs {@code command} with the inherited environment minus the script knobs, plus {@code env};
   * kills it and throws if it is still running after {@code bound}.
   */
  static Result run(List<String> command, Map<String, String> env, Path outputFile, Duration bound) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(outputFile.toFile())
        .redirectInput(new File("/dev/null"));
    SCRIPT_KNOBS.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("cannot run " + command + " (within " + bound + "): still running; output:\n"
            + read(outputFile));
      }
      return new Result(process.exitValue(), read(outputFile));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cannot run " + command + ": interrupted", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
