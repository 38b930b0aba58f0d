package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.relabel.RelabelAction;
import io.rwgateway.translators.relabel.RelabelRule;
import io.rwgateway.translators.relabel.Relabeler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Relabel cost per series as the number of active series grows (issue 11, "Relabel on what the
 * rules read"). The rules are the five of {@code loadtest/compare-vmagent.sh} (keep
 * {@code __name__=~rwlt_.*}, drop {@code __name__=~go_gc_.*}, labeldrop {@code label_5}, replace
 * {@code instance} {@code (.+):\d+} into {@code host}, hashmod {@code series_id} into
 * {@code shard}), run by one {@link BatchRelabeler} with the gateway's default cache bound
 * (100k). The series have the loadtest's synthetic shape (10 labels: {@code __name__} out of
 * 1000 names, {@code job}, {@code instance} one per 500 series, a unique {@code series_id},
 * {@code label_0..5} with 10 values each) and are sent round-robin in batches of 2000, as a
 * scrape-driven stream sends them: every series comes back once per pass. Each invocation
 * relabels the next batch; the score is nanoseconds per series (wall clock). On a machine shared
 * with other builds the wall clock also counts the time the thread waited for a core, so the
 * secondary counters {@code cpuNanos} and {@code series} give the thread's own CPU time per
 * iteration ({@link ThreadMXBean#getCurrentThreadCpuTime}, read once per batch of 2000 series):
 * {@code cpuNanos / series} is CPU nanoseconds per series.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class RelabelActiveSeriesBenchmark {
  private static final int BATCH = 2000;
  private static final int NAMES = 1000;
  private static final int SERIES_PER_INSTANCE = 500;
  private static final int EXTRA_LABELS = 6;
  private static final int LABEL_CARDINALITY = 10;

  @Param({"100000", "200000", "1000000"})
  public int series;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MetricBatch[] batches;
  private BatchRelabeler relabeler;
  private int next;

  @Setup
  public void setUp() {
    relabeler = new BatchRelabeler(new Relabeler(rules()), 100_000);
    batches = batches(series);
    next = 0;
  }

  /** The relabel.yml of loadtest/compare-vmagent.sh. */
  static List<RelabelRule> rules() {
    return List.of(
        RelabelRule.of(RelabelAction.KEEP, List.of("__name__"), null, null, "rwlt_.*", null, null),
        RelabelRule.of(RelabelAction.DROP, List.of("__name__"), null, null, "go_gc_.*", null, null),
        RelabelRule.of(RelabelAction.LABELDROP, null, null, null, "label_5", null, null),
        RelabelRule.of(RelabelAction.REPLACE, List.of("instance"), null, "host", "(.+):\\d+", null, "$1"),
        RelabelRule.of(RelabelAction.HASHMOD, List.of("series_id"), null, "shard", null, 16L, null));
  }

  static MetricBatch[] batches(int series) {
    String[] names = new String[NAMES];
    for (int n = 0; n < NAMES; n++) {
      names[n] = "rwlt_" + (n % 2 == 0 ? "counter" : "gauge") + "_" + n;
    }
    String[] instances = new String[(series + SERIES_PER_INSTANCE - 1) / SERIES_PER_INSTANCE];
    for (int t = 0; t < instances.length; t++) {
      instances[t] = "target-" + t + ":9100";
    }
    String[] labelNames = new String[EXTRA_LABELS];
    for (int j = 0; j < EXTRA_LABELS; j++) {
      labelNames[j] = "label_" + j;
    }
    String[] values = new String[LABEL_CARDINALITY];
    for (int v = 0; v < LABEL_CARDINALITY; v++) {
      values[v] = "value_" + v;
    }
    MetricBatch[] out = new MetricBatch[(series + BATCH - 1) / BATCH];
    for (int b = 0; b < out.length; b++) {
      MetricBatchBuilder builder = new MetricBatchBuilder();
      for (int i = b * BATCH; i < Math.min(series, (b + 1) * BATCH); i++) {
        String[] pairs = new String[2 * (4 + EXTRA_LABELS)];
        int k = 0;
        pairs[k++] = "__name__";
        pairs[k++] = names[i % NAMES];
        pairs[k++] = "job";
        pairs[k++] = "rwlt";
        pairs[k++] = "instance";
        pairs[k++] = instances[i / SERIES_PER_INSTANCE];
        pairs[k++] = "series_id";
        pairs[k++] = i + "-0";
        for (int j = 0; j < EXTRA_LABELS; j++) {
          pairs[k++] = labelNames[j];
          pairs[k++] = values[(i + j) % LABEL_CARDINALITY];
        }
        builder.series(pairs).sample(1_700_000_000_000L, i).add();
      }
      out[b] = builder.build();
    }
    return out;
  }

  /** CPU time of the measuring thread, summed per iteration (JMH prints both counters). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    public long cpuNanos;
    public long series;

    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      series = 0;
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public BatchRelabeler.Result relabel(CpuTime cpu) {
    MetricBatch batch = batches[next];
    next = next + 1 == batches.length ? 0 : next + 1;
    long start = THREADS.getCurrentThreadCpuTime();
    BatchRelabeler.Result r = relabeler.relabel(batch);
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    cpu.series += BATCH;
    return r;
  }
}
