package io.rwgateway.benchmarks;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.rw2.Rw2Decoder;
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
 * RW 2.0 decode of one snappy-decoded request into the canonical model: the hand-written
 * {@link Rw2Decoder} against {@code Rw2Proto.Request.parseFrom} plus model building
 * ({@link GeneratedRw2Path}), and {@code parseFrom} alone. The symbol dictionary is fresh per trial and
 * warm across invocations, as in the gateway, where one is shared by the event loops. The RW 2.0 bodies are
 * what the gateway's {@code Rw2Encoder} makes of each workload ({@link Payloads}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Rw2DecodeBenchmark {
  @Param({Payloads.PROMETHEUS, Payloads.SYNTHETIC})
  public String workload;

  private byte[] body;
  private long samples;
  private Rw2Decoder hand;
  private GeneratedRw2Path generated;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Payloads payloads = Payloads.of(workload);
    body = payloads.rw2();
    samples = payloads.samples();
    hand = new Rw2Decoder(DecodeLimits.DEFAULTS);
    generated = new GeneratedRw2Path(DecodeLimits.DEFAULTS);
    SameResult.check("RW 2.0 decode", hand.decode(body, 0, body.length).batch(), generated.decode(body).batch());
  }

  @Benchmark
  public void hand(SampleCounter counter, Blackhole bh) throws InvalidPayloadException {
    bh.consume(hand.decode(body, 0, body.length));
    counter.samples += samples;
  }

  @Benchmark
  public void generated(SampleCounter counter, Blackhole bh) throws InvalidProtocolBufferException {
    bh.consume(generated.decode(body));
    counter.samples += samples;
  }

  @Benchmark
  public void generatedParseOnly(SampleCounter counter, Blackhole bh) throws InvalidProtocolBufferException {
    bh.consume(GeneratedRw2Path.parse(body));
    counter.samples += samples;
  }
}
