package io.rwgateway.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.loadtest.workload.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final long S = 1_000_000_000L;

  /** One request of {@code samples} samples answered in {@code latencyMs}, failed when {@code ok} is false. */
  private static void request(RunStats stats, long samples, long latencyMs, boolean ok) {
    stats.sent(new Payload(new byte[10], 20, samples, 0, 0, 0, 1));
    stats.answered(ok ? "204" : "503", ok ? samples : -1, latencyMs * 1_000_000L, 0);
  }

  private static void tick(Timeline t, RunStats stats, long now, boolean last) {
    t.record(now, stats, last);
    stats.intervalLatency.reset();
  }

  @Test
  void eachIntervalHoldsItsOwnCountsAndLatencies() {
    RunStats stats = new RunStats();
    Timeline t = new Timeline(0);
    request(stats, 100, 2, true);
    request(stats, 100, 4, true);
    tick(t, stats, S, false);
    request(stats, 50, 40, false);
    request(stats, 70, 10, true);
    tick(t, stats, 2 * S, false);
    tick(t, stats, 3 * S, true);
    List<Timeline.Entry> e = t.entries();
    assertThat(e).hasSize(3);
    assertThat(e).extracting(Timeline.Entry::samplesSent).containsExactly(200L, 120L, 0L);
    assertThat(e).extracting(Timeline.Entry::samplesAccepted).containsExactly(200L, 70L, 0L);
    assertThat(e).extracting(Timeline.Entry::errors).containsExactly(0L, 1L, 0L);
    assertThat(e.get(0).p50Ms()).isBetween(1.99, 2.01);
    assertThat(e.get(0).p99Ms()).isBetween(3.99, 4.01);
    assertThat(e.get(1).p99Ms()).isBetween(39.9, 40.1);
    assertThat(e.get(2).p99Ms()).as("no answer, no latency").isNaN();
    assertThat(t.json().get(2).get("latency_p99_ms")).isEqualTo(Double.NaN);
    assertThat(io.rwgateway.loadtest.Json.write(java.util.Map.of("timeline", t.json()))).contains("\"latency_p99_ms\": null");
    assertThat(e).extracting(Timeline.Entry::intervalSeconds).containsExactly(1.0, 1.0, 1.0);
    assertThat(e.get(1).perSecond(e.get(1).samplesSent())).isEqualTo(120.0);
  }

  @Test
  void aVeryShortLastIntervalJoinsThePreviousOneWithoutLosingCounts() {
    RunStats stats = new RunStats();
    Timeline t = new Timeline(0);
    request(stats, 100, 2, true);
    tick(t, stats, S, false);
    request(stats, 10, 3, true);
    tick(t, stats, 2 * S, false);
    request(stats, 5, 50, true);
    tick(t, stats, 2 * S + S / 10, true);
    List<Timeline.Entry> e = t.entries();
    assertThat(e).hasSize(2);
    assertThat(e.get(1).endSeconds()).isEqualTo(2.1);
    assertThat(e.get(1).intervalSeconds()).isEqualTo(1.1);
    assertThat(e.get(1).samplesAccepted()).isEqualTo(15);
    assertThat(e.get(1).p99Ms()).isBetween(49.9, 50.1);
    assertThat(e.get(1).p50Ms()).isBetween(2.99, 3.01);
    assertThat(e.stream().mapToLong(Timeline.Entry::samplesAccepted).sum()).isEqualTo(stats.samplesAccepted);
    assertThat(t.json().get(1)).containsEntry("samples_accepted", 15L).containsKeys("t_s", "latency_p99_ms", "errors");
  }
}
