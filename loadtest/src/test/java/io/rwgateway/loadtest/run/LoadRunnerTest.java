package io.rwgateway.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.loadtest.sink.SinkOptions;
import io.rwgateway.loadtest.sink.SinkServer;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import io.rwgateway.translators.codec.DecodeLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {

  private static RunReport run(SinkServer sink, RunOptions.Protocol protocol, double rate, WorkloadSpec spec,
      ByteArrayOutputStream progress) throws Exception {
    RunOptions options = new RunOptions(URI.create("http://127.0.0.1:" + sink.port() + "/api/v1/write"), protocol,
        rate, 3, Duration.ofMillis(1500), 4, 1, Duration.ofSeconds(5), Map.of(), null, null);
    return new LoadRunner(spec, options, new PrintStream(progress, true)).run();
  }

  @Test
  void everySampleSentClosedLoopArrivesAtTheSink() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 0, 503, DecodeLimits.DEFAULTS))) {
      ByteArrayOutputStream progress = new ByteArrayOutputStream();
      WorkloadSpec spec = WorkloadSpec.of(500).withRequests(100, 5, true);
      RunReport r = run(sink, RunOptions.Protocol.RW2, 0, spec, progress);
      long sent = r.getLong("samples_sent");
      assertThat(sent).isGreaterThan(500);
      assertThat(r.getLong("samples_accepted")).isEqualTo(sent);
      assertThat(sink.stats().total("samples") + sink.stats().total("histograms")).isEqualTo(sent);
      assertThat(sink.stats().total("exemplars")).isEqualTo(r.getLong("exemplars_sent"));
      assertThat(r.getLong("bytes_sent")).isEqualTo(sink.stats().total("bytes"));
      assertThat(r.json()).contains("\"samples_sent\": " + sent, "\"p999\"", "\"generator_cpu_s\"", "\"204\"");
      assertThat(progress.toString()).contains("sent ", "p99 ");
    }
  }

  @Test
  void openLoopHoldsTheRateAndRw1SendsMetadataRequests() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 0, 503, DecodeLimits.DEFAULTS))) {
      WorkloadSpec spec = WorkloadSpec.of(200).withRequests(50, 0, true);
      RunReport r = run(sink, RunOptions.Protocol.RW1, 2000, spec, new ByteArrayOutputStream());
      double rate = r.getLong("samples_sent") / (Double) r.fields().get("duration_s");
      assertThat(rate).isBetween(1500.0, 2500.0);
      assertThat(r.getLong("metadata_requests")).isEqualTo(1);
      assertThat(sink.stats().total("metadata")).isGreaterThan(0);
      assertThat(sink.stats().total("samples") + sink.stats().total("histograms")).isEqualTo(r.getLong("samples_accepted"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void replayEncodesBeforeTheRunAndDeliversEverySampleItSends() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 0, 503, DecodeLimits.DEFAULTS, true))) {
      WorkloadSpec spec = WorkloadSpec.of(1000).withRequests(200, 0, true);
      RunOptions options = new RunOptions(URI.create("http://127.0.0.1:" + sink.port() + "/api/v1/write"),
          RunOptions.Protocol.RW1, 0, 3, Duration.ofMillis(1500), 4, 1, Duration.ofSeconds(5), Map.of(), null, null, false,
          1 << 20);
      RunReport r = new LoadRunner(spec, options, new PrintStream(new ByteArrayOutputStream(), true)).run();
      long sent = r.getLong("samples_sent");
      Map<String, Object> replay = (Map<String, Object>) r.fields().get("replay");
      assertThat(replay.get("samples_per_cycle")).isEqualTo(1000L);
      // Many cycles in 1.5 s, and nothing encoded while sending.
      assertThat(sent).isGreaterThan(3000);
      assertThat((Double) replay.get("cycles")).isGreaterThan(3.0);
      assertThat((Double) r.fields().get("generator_cpu_s")).isZero();
      assertThat((Double) replay.get("pregenerate_cpu_s")).isPositive();
      assertThat(sink.stats().total("samples") + sink.stats().total("histograms")).isEqualTo(sent)
          .isEqualTo(r.getLong("samples_accepted"));
      assertThat(r.getLong("bytes_sent")).isEqualTo(sink.stats().total("bytes"));
      // RW 1.0 metadata once per minute: the first request of shard 0.
      assertThat(r.getLong("metadata_requests")).isEqualTo(1);
      assertThat(sink.stats().total("metadata")).isPositive();
    }
  }

  @Test
  void replayRefusesAWorkloadOverTheBudget() {
    WorkloadSpec spec = WorkloadSpec.of(20_000);
    RunOptions options = new RunOptions(URI.create("http://127.0.0.1:1/api/v1/write"), RunOptions.Protocol.RW2, 0, 2,
        Duration.ofMillis(500), 4, 1, Duration.ofSeconds(1), Map.of(), null, null, false, 10_000);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new LoadRunner(spec, options, new PrintStream(new ByteArrayOutputStream(), true)).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget 5000 bytes per shard");
  }

  @Test
  void injectedErrorsCountAsFailedAndNotAccepted() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 1.0, 503, DecodeLimits.DEFAULTS))) {
      RunReport r = run(sink, RunOptions.Protocol.RW2, 5000, WorkloadSpec.of(100), new ByteArrayOutputStream());
      assertThat(r.getLong("samples_accepted")).isZero();
      assertThat(r.getLong("requests_failed")).isEqualTo(r.getLong("requests")).isPositive();
      assertThat(r.json()).contains("\"503\"");
    }
  }
}
