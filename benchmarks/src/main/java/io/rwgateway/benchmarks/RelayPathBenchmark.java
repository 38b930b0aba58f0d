package io.rwgateway.benchmarks;

import io.rwgateway.loadtest.workload.LabelShape;
import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.loadtest.workload.RequestGenerator;
import io.rwgateway.loadtest.workload.Rw1MetadataEncoder;
import io.rwgateway.loadtest.workload.SeriesSet;
import io.rwgateway.loadtest.workload.TypeLayout;
import io.rwgateway.loadtest.workload.TypeMix;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.RequestCutter;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.relabel.Relabeler;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
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
 * The gateway's CPU path per sample, without the network: what one event loop does for the
 * relay job of {@code loadtest/compare-vmagent.sh} (issue 11, "decode+relabel+encode per sample").
 * The input is exactly what {@code rw-loadtest run --replay --label-shape synthetic --labels 6}
 * sends: snappy RW 1.0 requests of 2000 samples, one round over every active series after
 * another (the metadata request first). Per request: snappy decode, {@link Rw1Decoder}, the five
 * global rules ({@link RelabelActiveSeriesBenchmark#rules()}, cache bound 100k as by default);
 * every {@link #WINDOW} requests (100k samples, a 1 s window at 100k samples/s) the window is
 * cut ({@link RequestCutter}, 10k samples per request), encoded once as RW 2.0 and snappy
 * compressed, as the gateway does for its backends. The score is nanoseconds per sample; the
 * counters {@code cpuNanos / samples} give the thread's CPU time per sample (the wall clock also
 * counts time the thread waited for a core on a shared machine).
 *
 * <p>What it leaves out: HTTP and Vert.x, admission and queue bookkeeping, and the send. The
 * end-to-end figure is {@code loadtest/compare-vmagent.sh}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RelayPathBenchmark {
  static final int SAMPLES_PER_REQUEST = 2000;
  static final int WINDOW = 50;
  static final int MAX_SAMPLES = 10_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Param({"100000", "200000", "1000000"})
  public int series;

  private byte[][] requests;
  private Rw1Decoder decoder;
  private BatchRelabeler relabeler;
  private final Rw2Encoder encoder = new Rw2Encoder();
  private final List<MetricBatch> window = new ArrayList<>(WINDOW);
  private int next;

  @Setup
  public void setUp() throws InvalidPayloadException {
    WorkloadSpec spec = WorkloadSpec.of(series)
        .withLabelShape(LabelShape.SYNTHETIC)
        .withLabels(6, 10)
        .withMix(TypeMix.parse("counter=45,gauge=40,histogram=10,summary=5"))
        .withRequests(SAMPLES_PER_REQUEST, 0, true);
    TypeLayout layout = new TypeLayout(spec.series(), spec.mix());
    decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), SymbolDictionary.gatewayDefault(),
        new MetadataStore(1_000_000, Duration.ofHours(1)));
    relabeler = new BatchRelabeler(new Relabeler(RelabelActiveSeriesBenchmark.rules()), 100_000);
    Payload metadata = Rw1MetadataEncoder.encode(RequestGenerator.families(spec, layout));
    decode(metadata.body());
    SeriesSet set = new SeriesSet(spec, layout, 0, 1);
    long[] clock = {1_795_618_060_000L};
    RequestGenerator g = new RequestGenerator(spec, set, new Rw1Encoder(), false, () -> clock[0] += 1_000);
    List<byte[]> round = new ArrayList<>();
    while (true) {
      Payload p = g.next();
      if (g.rounds() > 1) {
        break;
      }
      round.add(p.body());
    }
    requests = round.toArray(new byte[0][]);
    next = 0;
  }

  private MetricBatch decode(byte[] snappy) throws InvalidPayloadException {
    byte[] raw = SnappyBlock.uncompress(snappy, 0, snappy.length, 64 << 20);
    return decoder.decode(raw, 0, raw.length).batch();
  }

  /** CPU time of the measuring thread and the samples it relayed, per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    public long cpuNanos;
    public long samples;
    public long bytesOut;

    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      samples = 0;
      bytesOut = 0;
    }
  }

  @Benchmark
  @OperationsPerInvocation(SAMPLES_PER_REQUEST)
  public int relay(CpuTime cpu) throws InvalidPayloadException {
    long start = THREADS.getCurrentThreadCpuTime();
    byte[] body = requests[next];
    next = next + 1 == requests.length ? 0 : next + 1;
    MetricBatch batch = relabeler.relabel(decode(body)).batch();
    window.add(batch);
    int out = 0;
    if (window.size() == WINDOW) {
      for (List<MetricBatch> part : RequestCutter.cut(MetadataDetail.FULL.apply(window), MAX_SAMPLES)) {
        EncodedRequest r = encoder.encode(part);
        out += r.body().length;
      }
      window.clear();
    }
    cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    cpu.samples += SAMPLES_PER_REQUEST;
    cpu.bytesOut += out;
    return out + batch.series().size();
  }
}
