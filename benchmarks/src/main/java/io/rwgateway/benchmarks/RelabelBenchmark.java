package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import io.rwgateway.translators.relabel.Relabeler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Relabel throughput in series per second, on the job of the performance peer (architecture.md,
 * "The performance peer"): 5 rules (keep, drop by regex, labeldrop, replace, hashmod) on a batch
 * of 2000 series with 10 labels each. {@code cold} builds a new cache per batch, so every series
 * runs the rules; {@code warm} reuses one cache, the steady state of a scrape-driven stream where
 * the same series come back every interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RelabelBenchmark {
  private static final int SERIES = 2000;

  private MetricBatch batch;
  private Relabeler relabeler;
  private BatchRelabeler warm;

  @Setup
  public void setUp() {
    relabeler = new Relabeler(List.of(
        RelabelRule.of(RelabelAction.KEEP, List.of("__name__"), null, null, "node_.*|http_.*", null, null),
        RelabelRule.of(RelabelAction.DROP, List.of("job", "mode"), null, null, "debug.*;.*|.*;steal", null, null),
        RelabelRule.of(RelabelAction.LABELDROP, null, null, null, "tmp_.*|pod_template_hash", null, null),
        RelabelRule.of(RelabelAction.REPLACE, List.of("instance"), null, "host", "([^:]+):\\d+", null, "$1"),
        RelabelRule.of(RelabelAction.HASHMOD, List.of("instance"), null, "shard", null, 4L, null)));
    batch = batch();
    warm = new BatchRelabeler(relabeler, 100_000);
    warm.relabel(batch);
  }

  /** 2000 series, 10 labels each; about a tenth fail the keep, a tenth match the drop. */
  private static MetricBatch batch() {
    String[] modes = {"user", "system", "idle", "iowait", "irq", "softirq", "nice", "steal"};
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < SERIES; i++) {
      String name = i % 10 == 0 ? "go_gc_duration_seconds" : i % 2 == 0 ? "node_cpu_seconds_total"
          : "http_requests_total";
      b.series(
              "__name__", name,
              "job", i % 50 == 0 ? "debug-exporter" : "node",
              "instance", "10.0." + (i / 250) + "." + (i % 250) + ":9100",
              "mode", modes[i % modes.length],
              "cpu", Integer.toString(i % 64),
              "namespace", "ns-" + (i % 7),
              "pod", "pod-" + (i % 300),
              "pod_template_hash", "7d4b9c" + (i % 13),
              "tmp_scrape_id", Integer.toString(i % 5),
              "region", "eu-west-1")
          .sample(1_700_000_000_000L, i)
          .add();
    }
    return b.build();
  }

  @Benchmark
  @OperationsPerInvocation(SERIES)
  public BatchRelabeler.Result cold() {
    return new BatchRelabeler(relabeler, 100_000).relabel(batch);
  }

  @Benchmark
  @OperationsPerInvocation(SERIES)
  public BatchRelabeler.Result warm() {
    return warm.relabel(batch);
  }
}
