package io.rwgateway.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.gateway.ingest.WireProtocol;
import io.rwgateway.translators.model.MetricBatchBuilder;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatsReporterTest {
  @Test
  void reportsWhatArrivedSinceTheLastLineAndTheOutputRatio() {
    GatewayMetrics metrics = new GatewayMetrics();
    StatsReporter stats = new StatsReporter(metrics);
    AtomicLong out = new AtomicLong();
    stats.output("as RW 2.0 (estimate)", out::get);
    assertThat(stats.line()).isEqualTo("received nothing; as RW 2.0 (estimate): 0 B");

    IngestMetrics rw1 = metrics.ingest(WireProtocol.RW1);
    rw1.body(2048, 9000);
    rw1.accepted(new MetricBatchBuilder().series("__name__", "up").sample(1, 1).add()
        .series("__name__", "down").sample(1, 0).add().build(), 0);
    rw1.response(204);
    out.set(1024);
    assertThat(stats.line()).isEqualTo("received rw1: 1 requests, 2 series, 2 samples, 0 histograms, 0 exemplars,"
        + " 2.0 KiB snappy; as RW 2.0 (estimate): 1.0 KiB (0.50x of received)");
    assertThat(stats.line()).isEqualTo("received nothing; as RW 2.0 (estimate): 0 B");
  }

  @Test
  void saysHowManySamplesPerSeriesAnOutputWroteAndAddsItsNotes() {
    GatewayMetrics metrics = new GatewayMetrics();
    StatsReporter stats = new StatsReporter(metrics);
    AtomicLong out = new AtomicLong();
    AtomicLong items = new AtomicLong();
    AtomicLong series = new AtomicLong();
    stats.output("sent to vm (rw2)", out::get, items::get, series::get);
    AtomicLong interval = new AtomicLong();
    stats.note(() -> interval.get() == 0 ? null : "scrape interval seen " + interval.get() + "s");

    IngestMetrics rw1 = metrics.ingest(WireProtocol.RW1);
    rw1.body(4096, 9000);
    rw1.response(204);
    out.set(1024);
    items.set(400);
    series.set(100);
    assertThat(stats.line()).endsWith("; sent to vm (rw2): 1.0 KiB (0.25x of received, 4.0 samples per series)");

    interval.set(15);
    out.set(2048);
    items.set(500);
    series.set(200);
    assertThat(stats.line()).isEqualTo(
        "received nothing; sent to vm (rw2): 1.0 KiB (1.0 samples per series); scrape interval seen 15s");
  }

  @Test
  void countsOtlpInputAgainstTheRw2Output() {
    GatewayMetrics metrics = new GatewayMetrics();
    StatsReporter stats = new StatsReporter(metrics);
    AtomicLong out = new AtomicLong();
    stats.output("as RW 2.0 (estimate)", out::get);

    IngestMetrics otlp = metrics.ingest(WireProtocol.OTLP);
    otlp.body(4096, 20_000);
    otlp.accepted(new MetricBatchBuilder().series("__name__", "queue_depth").sample(1, 3).add().build(), 0);
    otlp.response(200);
    out.set(1024);
    assertThat(stats.line()).isEqualTo("received otlp: 1 requests, 1 series, 1 samples, 0 histograms, 0 exemplars,"
        + " 4.0 KiB as sent; as RW 2.0 (estimate): 1.0 KiB (0.25x of received)");
    assertThat(metrics.receivedCompressedBytes()).isEqualTo(4096);
  }
}
