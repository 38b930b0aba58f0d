package io.rwgateway.benchmarks;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.SeriesCoalescer;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * RW 2.0 encode of one model batch into a snappy-compressed request body: the hand-written
 * {@link Rw2Encoder} against the generated builders + {@code toByteArray} + snappy
 * ({@link GeneratedRw2Encoder}). Both include the snappy compression, which costs the same in
 * both, so the ratio understates the difference in protobuf work alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Rw2EncodeBenchmark {
  @Param({Payloads.PROMETHEUS, Payloads.SYNTHETIC})
  public String workload;

  private List<MetricBatch> batches;
  private long samples;
  private final Rw2Encoder hand = new Rw2Encoder();
  private final GeneratedRw2Encoder generated = new GeneratedRw2Encoder();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Payloads payloads = Payloads.of(workload);
    batches = List.of(payloads.batch());
    samples = payloads.samples();
    SameResult.check("RW 2.0 encode", decode(hand.encode(batches)), decode(generated.encode(batches)));
  }

  private static MetricBatch decode(EncodedRequest request) throws Exception {
    byte[] body = SnappyBlock.uncompress(request.body(), 0, request.body().length, Integer.MAX_VALUE);
    return new Rw2Decoder(DecodeLimits.DEFAULTS).decode(body, 0, body.length).batch();
  }

  @Benchmark
  public void hand(SampleCounter counter, Blackhole bh) {
    bh.consume(hand.encode(batches));
    counter.samples += samples;
  }

  /**
   * What the gateway runs at every flush: {@link SeriesCoalescer} then the encoder. The workloads
   * repeat no series, so this measures the merge check's cost when there is nothing to merge.
   */
  @Benchmark
  public void handCoalesced(SampleCounter counter, Blackhole bh) {
    bh.consume(hand.encode(SeriesCoalescer.coalesce(batches)));
    counter.samples += samples;
  }

  @Benchmark
  public void generated(SampleCounter counter, Blackhole bh) {
    bh.consume(generated.encode(batches));
    counter.samples += samples;
  }
}
