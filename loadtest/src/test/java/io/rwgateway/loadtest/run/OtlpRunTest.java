package io.rwgateway.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.loadtest.sink.SinkOptions;
import io.rwgateway.loadtest.sink.SinkServer;
import io.rwgateway.loadtest.sink.WireProtocol;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import io.rwgateway.translators.codec.DecodeLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code run --protocol otlp} against the sink over loopback, and the per-second timeline of a run. */
class OtlpRunTest {

  private static RunReport run(SinkServer sink, boolean gzip, double rate) throws Exception {
    RunOptions options = new RunOptions(URI.create("http://127.0.0.1:" + sink.port() + "/v1/metrics"),
        RunOptions.Protocol.OTLP, rate, 3, Duration.ofMillis(2300), 4, 1, Duration.ofSeconds(5), Map.of(), null, null, gzip);
    WorkloadSpec spec = WorkloadSpec.of(500).withRequests(200, 5, true);
    return new LoadRunner(spec, options, new PrintStream(new ByteArrayOutputStream(), true)).run();
  }

  @Test
  void everyOtlpSampleSentArrivesAtTheSink() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 0, 503, DecodeLimits.DEFAULTS))) {
      RunReport r = run(sink, true, 0);
      long sent = r.getLong("samples_sent");
      assertThat(sent).isGreaterThan(500);
      assertThat(r.getLong("samples_accepted")).isEqualTo(sent);
      assertThat(sink.stats().get(WireProtocol.OTLP, "samples") + sink.stats().get(WireProtocol.OTLP, "histograms"))
          .isEqualTo(sent);
      assertThat(sink.stats().get(WireProtocol.OTLP, "histograms")).isEqualTo(r.getLong("histograms_sent"));
      assertThat(sink.stats().get(WireProtocol.OTLP, "exemplars")).isEqualTo(r.getLong("exemplars_sent"));
      assertThat(sink.stats().get(WireProtocol.OTLP, "bytes")).isEqualTo(r.getLong("bytes_sent"));
      assertThat(r.getLong("bytes_sent")).isLessThan(r.getLong("uncompressed_bytes_sent"));
      assertThat(r.getLong("metadata_requests")).isZero();
      assertThat(r.json()).contains("\"200\"", "\"protocol\": \"otlp\"", "\"gzip\": true");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTimelineHasAnEntryPerSecondAddingUpToTheTotals() throws Exception {
    try (SinkServer sink = SinkServer.start(new SinkOptions("127.0.0.1", 0, Duration.ZERO, 0, 503, DecodeLimits.DEFAULTS))) {
      RunReport r = run(sink, false, 3000);
      List<Map<String, Object>> timeline = (List<Map<String, Object>>) r.fields().get("timeline");
      double duration = (Double) r.fields().get("duration_s");
      // Ticks at 1 s and 2 s, then the end (about 2.3 s; joined to the previous one if under 0.25 s).
      assertThat(timeline).hasSizeBetween((int) Math.floor(duration), (int) Math.ceil(duration));
      long sent = 0;
      long accepted = 0;
      long requests = 0;
      double covered = 0;
      for (Map<String, Object> e : timeline) {
        sent += (Long) e.get("samples_sent");
        accepted += (Long) e.get("samples_accepted");
        requests += (Long) e.get("requests");
        covered += (Double) e.get("interval_s");
      }
      assertThat(sent).isEqualTo(r.getLong("samples_sent"));
      assertThat(accepted).isEqualTo(r.getLong("samples_accepted")).isPositive();
      assertThat(requests).isEqualTo(r.getLong("requests"));
      assertThat(covered).isCloseTo(duration, org.assertj.core.data.Offset.offset(0.05));
      assertThat(timeline).anySatisfy(e -> assertThat((Double) e.get("latency_p99_ms")).isPositive());
      assertThat(r.json()).contains("\"timeline\": [\n    {\"t_s\": ");
      String html = HtmlReport.render(r);
      assertThat(html).contains("<svg", "<td>" + r.getLong("samples_accepted") + "</td>").doesNotContain("<script");
    }
  }
}
