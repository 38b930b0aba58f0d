package io.rwgateway.gateway.testing;

import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongUnaryOperator;

/**
 * Several threads writing RW 1.0 to a gateway at once, each its own series in timestamp order, as
 * several Prometheus shards do: per series the input is in order, so any disorder at a backend is
 * the gateway's. Every series gets one point per round: float samples, native histograms, samples
 * with an exemplar on them, and samples followed by an exemplar-only series (Prometheus' shape);
 * a third of the series carry {@code team="a"}, a third {@code team="b"}.
 */
public final class OrderedWriters {
  public static final int SERIES_PER_WRITER = 12;

  private OrderedWriters() {}

  /**
   * Runs {@code writers} threads of {@code rounds} requests each; round r of every series has
   * timestamp {@code timestampOf.applyAsLong(r)}. Returns what the gateway refused (empty: nothing).
   */
  public static List<String> run(GatewayHarness gw, int writers, int rounds, LongUnaryOperator timestampOf)
      throws InterruptedException {
    ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread t = new Thread(() -> {
        for (int round = 0; round < rounds; round++) {
          try {
            HttpResponse<String> r = gw.write(GatewayHarness.CT_RW1, request(writer, round, timestampOf.applyAsLong(round)));
            if (r.statusCode() != 204) {
              refusals.add(r.statusCode() + " " + r.body());
            }
          } catch (Exception e) {
            refusals.add(e.toString());
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return List.copyOf(refusals);
  }

  /** Points each writer sends per round (one per series). */
  public static long pointsPerRound() {
    return SERIES_PER_WRITER;
  }

  /** Float-sample series per writer and round (the others are native histograms). */
  public static long floatSeriesPerWriter() {
    return SERIES_PER_WRITER - SERIES_PER_WRITER / 4;
  }

  /**
   * One writer's request for one round. The {@code c_total} series carry an exemplar on every
   * other round only: X@1, X@2 (exemplar), X@3 is the shape a merge could reorder.
   */
  public static byte[] request(int writer, int round, long ts) {
    Rw1Proto.WriteRequest.Builder w = Rw1Proto.WriteRequest.newBuilder();
    for (int s = 0; s < SERIES_PER_WRITER; s++) {
      String team = s % 3 == 0 ? "a" : s % 3 == 1 ? "b" : null;
      int kind = s % 4;
      String name = kind == 0 ? "h" : kind == 1 ? "c_total" : kind == 2 ? "g" : "x_total";
      Rw1Proto.TimeSeries.Builder ts1 = Rw1Proto.TimeSeries.newBuilder()
          .addLabels(Payloads.label("__name__", name))
          .addLabels(Payloads.label("job", "w" + writer))
          .addLabels(Payloads.label("series", Integer.toString(s)));
      if (team != null) {
        ts1.addLabels(Payloads.label("team", team));
      }
      switch (kind) {
        case 0 -> ts1.addHistograms(Rw1Proto.Histogram.newBuilder().setCountInt(3).setSum(4.5).setSchema(0)
            .setZeroThreshold(0.001).setZeroCountInt(1)
            .addPositiveSpans(Rw1Proto.BucketSpan.newBuilder().setOffset(0).setLength(2))
            .addPositiveDeltas(1).addPositiveDeltas(0).setTimestamp(ts));
        case 1 -> {
          ts1.addSamples(Rw1Proto.Sample.newBuilder().setValue(round).setTimestamp(ts));
          if (round % 2 == 1) {
            ts1.addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(Payloads.label("trace_id", "t" + ts))
                .setValue(1).setTimestamp(ts));
          }
        }
        case 2 -> ts1.addSamples(Rw1Proto.Sample.newBuilder().setValue(1).setTimestamp(ts));
        default -> {
          // Prometheus' shape: the sample, then the exemplar in a series of its own.
          Rw1Proto.TimeSeries.Builder exemplarOnly = ts1.clone()
              .addExemplars(Rw1Proto.Exemplar.newBuilder().addLabels(Payloads.label("trace_id", "x" + ts))
                  .setValue(1).setTimestamp(ts));
          ts1.addSamples(Rw1Proto.Sample.newBuilder().setValue(2).setTimestamp(ts));
          w.addTimeseries(ts1);
          w.addTimeseries(exemplarOnly);
          continue;
        }
      }
      w.addTimeseries(ts1);
    }
    return Payloads.snappy(w.build().toByteArray());
  }

  /** A loopback port free right now (a fixed port gives the gateway one ingest event loop per core). */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
