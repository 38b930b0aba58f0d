package io.rwgateway.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the samples the benchmark processed, so JMH reports samples/s beside requests/s (a
 * secondary result named {@code samples}). A request's sample count depends on the workload
 * parameter, which {@code @OperationsPerInvocation} cannot follow.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class SampleCounter {
  /** Read by JMH through reflection: the public field is the counter. */
  public long samples;

  @Setup(Level.Iteration)
  public void reset() {
    samples = 0;
  }
}
