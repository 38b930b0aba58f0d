package io.rwgateway.benchmarks.egress;

import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataCadence;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import java.nio.file.Path;
import java.util.List;

/**
 * What shapes the egress ratio: replays a capture of real RW 1.0 traffic through the gateway's
 * batching (per-shard accumulators flushed after {@code max_delay} or 10,000 samples, on the
 * capture's own clock) and encoders, one variable at a time, and prints compressed bytes out over
 * compressed bytes in (docs/benchmarks.md, "Egress bytes").
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.rwgateway.benchmarks.egress.EgressShapes CAPTURE_DIR</pre>
 */
public final class EgressShapes {
  private EgressShapes() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: EgressShapes CAPTURE_DIR (NNNN.body + NNNN.headers.json from capture-receiver.py)");
      System.exit(2);
    }
    List<CapturedRequest> capture = CapturedRequest.load(Path.of(args[0]));
    long in = 0;
    long samples = 0;
    for (CapturedRequest r : capture) {
      in += r.bodyBytes();
      samples += r.batch().sampleCount() + r.batch().histogramCount();
    }
    long span = capture.get(capture.size() - 1).receivedMillis() - capture.get(0).receivedMillis();
    System.out.printf("capture %s: %d requests over %d s, %d bytes in, %d samples, %.2f bytes/sample%n%n",
        args[0], capture.size(), span / 1000, in, samples, in / (double) samples);

    System.out.println("| variable | max_delay | shards | shard key | series in a request | metadata | out / in | bytes/sample |");
    System.out.println("|---|---|---:|---|---|---|---:|---:|");
    Rw2Encoder rw2 = new Rw2Encoder();
    row(capture, in, samples, "the defaults before", new ReplayBatching(1_000, 2, ReplayBatching.ShardKey.SERIES,
        ReplayBatching.Layout.AS_RECEIVED, MetadataDetail.FULL), rw2);
    for (long delay : new long[] {1_000, 5_000, 15_000}) {
      row(capture, in, samples, "batching", new ReplayBatching(delay, 1, ReplayBatching.ShardKey.SERIES,
          ReplayBatching.Layout.COALESCED, MetadataDetail.FULL), rw2);
    }
    for (ReplayBatching.ShardKey key : ReplayBatching.ShardKey.values()) {
      row(capture, in, samples, "shards", new ReplayBatching(5_000, 2, key, ReplayBatching.Layout.COALESCED,
          MetadataDetail.FULL), rw2);
    }
    for (ReplayBatching.Layout layout : ReplayBatching.Layout.values()) {
      row(capture, in, samples, "series order", new ReplayBatching(5_000, 1, ReplayBatching.ShardKey.SERIES, layout,
          MetadataDetail.FULL), rw2);
    }
    for (MetadataDetail detail : MetadataDetail.values()) {
      row(capture, in, samples, "metadata", new ReplayBatching(5_000, 1, ReplayBatching.ShardKey.SERIES,
          ReplayBatching.Layout.COALESCED, detail), rw2);
    }
    System.out.println();
    System.out.println("| RW 1.0 out | metadata | series in a request | out / in |");
    System.out.println("|---|---|---|---:|");
    ReplayBatching asReceived = new ReplayBatching(5_000, 1, ReplayBatching.ShardKey.SERIES,
        ReplayBatching.Layout.AS_RECEIVED, MetadataDetail.FULL);
    ReplayBatching coalesced = new ReplayBatching(5_000, 1, ReplayBatching.ShardKey.SERIES,
        ReplayBatching.Layout.COALESCED, MetadataDetail.FULL);
    rw1Row(capture, in, "every request", asReceived, new Rw1Encoder());
    rw1Row(capture, in, "once a minute per family", asReceived, cadenced());
    rw1Row(capture, in, "once a minute per family", coalesced, cadenced());
  }

  /** A fresh cadence on the capture's own clock would need the replay clock; wall-clock minutes do not pass here. */
  private static RequestEncoder cadenced() {
    return new Rw1Encoder(new MetadataCadence(MetadataCadence.PROMETHEUS_INTERVAL_NANOS, 100_000, ReplayBatching.CLOCK::get));
  }

  private static void row(List<CapturedRequest> capture, long in, long samples, String variable, ReplayBatching b,
      RequestEncoder encoder) {
    long out = b.replay(capture, encoder);
    System.out.printf("| %s | %d s | %d | %s | %s | %s | **%.3f** | %.2f |%n", variable, b.maxDelayMillis() / 1000,
        b.shards(), b.shardKey().text, b.layout().text, b.metadata().configName(), out / (double) in, out / (double) samples);
  }

  private static void rw1Row(List<CapturedRequest> capture, long in, String metadata, ReplayBatching b, RequestEncoder encoder) {
    long out = b.replay(capture, encoder);
    System.out.printf("| max_delay 5 s, 1 shard | %s | %s | **%.3f** |%n", metadata, b.layout().text, out / (double) in);
  }
}
