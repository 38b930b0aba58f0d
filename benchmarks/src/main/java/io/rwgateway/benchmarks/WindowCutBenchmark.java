package io.rwgateway.benchmarks;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.RequestCutter;
import io.rwgateway.translators.model.SeriesCoalescer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of turning one accumulation window into outgoing requests, per sample, at the series
 * counts users run (2k, 100k, 200k active series; 1 or 4 scrapes per window, Prometheus'
 * 500-series incoming requests). {@code arrivalCuts} is the old way: a cut every {@code max_samples} (10k) in
 * arrival order, each cut coalesced alone (at 100k series nothing repeats within a cut).
 * {@code seriesCut} is {@link RequestCutter}: the whole window coalesced, then packed by family.
 * Average time per window; divide by {@code series x scrapes} for the cost per sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WindowCutBenchmark {
  private static final int MAX_SAMPLES = 10_000;

  @Param({"2000", "100000", "200000"})
  public int series;

  /** Scrapes of every series per window: 1 = a 15 s scrape in a 5 s window, 4 = a 60 s window. */
  @Param({"1", "4"})
  public int scrapes;

  private List<MetricBatch> window;

  @Setup
  public void setUp() {
    window = PrometheusWindow.build(series, scrapes, batch -> batch);
  }

  @Benchmark
  public int arrivalCuts() {
    int requests = 0;
    List<MetricBatch> cut = new ArrayList<>();
    long samples = 0;
    for (MetricBatch b : window) {
      cut.add(b);
      samples += b.sampleCount();
      if (samples >= MAX_SAMPLES) {
        requests += SeriesCoalescer.coalesce(cut).size();
        cut = new ArrayList<>();
        samples = 0;
      }
    }
    return requests + SeriesCoalescer.coalesce(cut).size();
  }

  /** The merge alone (the share of {@code seriesCut} that saves bytes). */
  @Benchmark
  public int coalesceWindow() {
    return SeriesCoalescer.coalesce(window).size();
  }

  @Benchmark
  public int seriesCut() {
    return RequestCutter.cut(window, MAX_SAMPLES).size();
  }
}
