package io.rwgateway.benchmarks;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.RequestCutter;
import io.rwgateway.translators.model.SeriesCoalescer;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.time.Duration;
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
 * What a window costs the gateway from the moment it is flushed to the moment its requests are
 * snappy bytes: cut, merge, RW 2.0 encode and compress, per sample. The window is made the way
 * the gateway makes it: Prometheus-sized RW 1.0 requests (500 series, metadata requests first)
 * decoded by {@link Rw1Decoder} with one shared interner, so label strings are the same instances
 * across requests as they are behind the ingest handler. {@code arrivalCuts} is the cut before
 * issue 10 (every 10k samples in arrival order, each cut merged alone); {@code seriesCut} is
 * {@link RequestCutter}. The "CPU per sample of the accumulation no worse than today's"
 * compares these two; {@link WindowCutBenchmark} isolates the cut.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class WindowEncodeBenchmark {
  private static final int MAX_SAMPLES = 10_000;

  @Param({"2000", "100000", "200000"})
  public int series;

  /** Scrapes of every series per window: 1 = a 15 s scrape in a 5 s window, 4 = a 60 s window. */
  @Param({"1", "4"})
  public int scrapes;

  private List<MetricBatch> window;
  private final Rw2Encoder encoder = new Rw2Encoder();

  @Setup
  public void setUp() {
    StringInterner interner = new StringInterner();
    Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, interner, new MetadataStore(1_000_000, Duration.ofHours(1)));
    // One RW 1.0 encoder for the whole window: it sends each family's metadata once, as Prometheus does.
    Rw1Encoder rw1 = new Rw1Encoder();
    window = PrometheusWindow.build(series, scrapes, batch -> roundTrip(batch, rw1, decoder));
  }

  private static MetricBatch roundTrip(MetricBatch batch, Rw1Encoder rw1, Rw1Decoder decoder) {
    byte[] snappy = rw1.encode(List.of(batch)).body();
    try {
      byte[] raw = SnappyBlock.uncompress(snappy, 0, snappy.length, 64 << 20);
      return decoder.decode(raw, 0, raw.length).batch();
    } catch (InvalidPayloadException e) {
      throw new IllegalStateException("the benchmark's own request does not decode", e);
    }
  }

  @Benchmark
  public long arrivalCuts() {
    long bytes = 0;
    List<MetricBatch> cut = new ArrayList<>();
    long samples = 0;
    for (MetricBatch b : window) {
      cut.add(b);
      samples += b.sampleCount();
      if (samples >= MAX_SAMPLES) {
        bytes += encoder.encode(SeriesCoalescer.coalesce(cut)).body().length;
        cut = new ArrayList<>();
        samples = 0;
      }
    }
    return bytes + encoder.encode(SeriesCoalescer.coalesce(cut)).body().length;
  }

  @Benchmark
  public long seriesCut() {
    long bytes = 0;
    for (List<MetricBatch> request : RequestCutter.cut(window, MAX_SAMPLES)) {
      bytes += encoder.encode(request).body().length;
    }
    return bytes;
  }
}
