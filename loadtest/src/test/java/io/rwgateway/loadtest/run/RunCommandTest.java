package io.rwgateway.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.loadtest.Durations;
import io.rwgateway.loadtest.sink.SinkOptions;
import io.rwgateway.loadtest.sink.SinkServer;
import io.rwgateway.translators.codec.DecodeLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  @TempDir
  Path dir;

  private static int execute(String... args) {
    CommandLine cli = new CommandLine(new RunCommand());
    cli.registerConverter(Duration.class, Durations::parse);
    return cli.execute(args);
  }

  @Test
  void refusesGzipForRemoteWrite() {
    assertThat(execute("--target", "http://127.0.0.1:1/api/v1/write", "--protocol", "rw2", "--gzip")).isEqualTo(2);
  }

  @Test
  void writesTheJsonAndHtmlReportsOfAnOtlpRun() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 0, 503, DecodeLimits.DEFAULTS))) {
      Path json = dir.resolve("run.json");
      Path html = dir.resolve("run.html");
      int code = execute("--target", "http://127.0.0.1:" + sink.port() + "/v1/metrics", "--protocol", "otlp",
          "--series", "200", "--rate", "2000", "--duration", "1200ms", "--concurrency", "2", "--generators", "1",
          "--report", json.toString(), "--html", html.toString());
      assertThat(code).isZero();
      assertThat(Files.readString(json)).contains("\"protocol\": \"otlp\"", "\"timeline\": [", "\"workload\": {");
      assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg", "Throughput", "<td>otlp</td>");
    }
  }
}
