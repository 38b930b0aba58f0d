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
  void injectedErrorsCountAsFailedAndNotAccepted() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 1.0, 503, DecodeLimits.DEFAULTS))) {
      RunReport r = run(sink, RunOptions.Protocol.RW2, 5000, WorkloadSpec.of(100), new ByteArrayOutputStream());
      assertThat(r.getLong("samples_accepted")).isZero();
      assertThat(r.getLong("requests_failed")).isEqualTo(r.getLong("requests")).isPositive();
      assertThat(r.json()).contains("\"503\"");
    }
  }
}
