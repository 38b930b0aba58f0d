package io.rwgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run as a real process: what a user sees for a good and a bad config. */
class MainTest {
  @TempDir
  Path dir;

  record Run(int exit, String output) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    boolean done = p.waitFor(30, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
      throw new AssertionError("process did not exit");
    }
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void invalidConfigFailsAtStartListingEveryErrorWithItsPath() throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, """
        listen_address: 0.0.0.0:9201
        backends:
          - name: vm
            url: http://127.0.0.1:8428/api/v1/write
          - name: vm
            url: not a url
            protocol: rw3
            queue: {max_byte: 1MiB}
        """);
    Run r = run("--config", cfg.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output())
        .contains("backends[1].url")
        .contains("backends[1].protocol")
        .contains("backends[1].queue.max_byte: unknown key (did you mean max_bytes?)")
        .contains("backends[1].name");
  }

  @Test
  void checkConfigAcceptsAValidFile() throws Exception {
    Path cfg = dir.resolve("good.yaml");
    Files.writeString(cfg, """
        listen_address: 127.0.0.1:0
        backends:
          - name: vm
            url: http://127.0.0.1:8428/api/v1/write
            protocol: rw1
            headers: {X-Scope-OrgID: team-a}
        """);
    Run r = run("--config", cfg.toString(), "--check-config");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("configuration is valid");
  }

  @Test
  void unknownArgumentPrintsUsage() throws Exception {
    Run r = run("--nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("usage: java -jar rw-gateway.jar");
  }
}
