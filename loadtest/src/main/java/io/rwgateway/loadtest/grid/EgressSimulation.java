package io.rwgateway.loadtest.grid;

import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.IngestConfig;
import io.rwgateway.config.QueueConfig;
import io.rwgateway.gateway.egress.EncodingGroup;
import io.rwgateway.gateway.egress.OutgoingRequest;
import io.rwgateway.gateway.egress.RequestSink;
import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.time.Duration;
import java.util.List;

/**
 * Runs the gateway's egress for one series count in virtual time: Prometheus-like RW 1.0 traffic
 * ({@link PrometheusTraffic}) is decoded the way ingest decodes it (snappy, {@link Rw1Decoder} with a
 * {@link MetadataStore} that the metadata-only requests fill) and added to a real
 * {@link EncodingGroup} (RW 2.0 encoder, one shard, the default batch config but {@code max_delay},
 * {@code windowBytes} from the default 64 MiB queue) whose clock is the virtual one; its sink only
 * counts bytes. {@code flushDue} runs every {@code tickMillis} of virtual time, as the gateway's timer.
 *
 * <p>Each cell is a fresh gateway (new decoder, metadata store, group) that gets the metadata at its
 * start and then every minute. A cell runs a warm-up, then a measured period; only the windows
 * flushed in the measured period count, each with exactly the input it held (one shard: a flush
 * takes everything), so no window is counted half. The metadata requests are counted pro rata of the
 * time those windows cover (a constant number of bytes per minute).
 *
 * <p>Durations: warm-up max(D, S) + 1 min and measured max(3 D, 4 S, 2 min). Short runs, from
 * {@code shortMinSeries} series up, when a window reaches {@code windowBytes} before
 * {@code max_delay} ("size-limited": D no longer matters) or holds less than one scrape (no series
 * twice in a window): every window is then alike and the steady state one window away, so the
 * warm-up is max(2 W, 1 s) and the measured period max({@code shortWindows} x W, S,
 * {@code shortMinMillis}), W = min(D, F) the time a window spans, F the time it takes to reach
 * windowBytes. Not thread-safe.
 */
final class EgressSimulation {
  /** Default {@code queue.max_bytes} and one shard (default concurrency): what a window may hold. */
  static final long WINDOW_BYTES = EncodingGroup.windowBytes(QueueConfig.defaults().maxBytes(), 1,
      BatchConfig.defaults().maxBytes());

  /** How long to run cells. */
  record Timing(long tickMillis, int shortWindows, long shortMinMillis, int shortMinSeries, boolean fullDurations) {
    static final Timing DEFAULT = new Timing(100, 10, 2_000, 10_000, false);
  }

  private final PrometheusTraffic traffic;
  private final Timing timing;
  private final long windowBytes;
  private final DecodeLimits limits;
  private final IngestConfig ingest = IngestConfig.defaults();
  private final long bytesPerScrape;
  private final long metadataBytesPerMinute;
  /** Virtual time (ms since the traffic's epoch) where the next cell starts: sample timestamps only go up. */
  private long cellStartMillis;

  EgressSimulation(PrometheusTraffic traffic, Timing timing, long windowBytes) {
    this.traffic = traffic;
    this.timing = timing;
    this.windowBytes = windowBytes;
    this.limits = new DecodeLimits(ingest.maxDecodedBytes(), ingest.maxLabelsPerSeries(),
        ingest.maxLabelNameLength(), ingest.maxLabelValueLength());
    long[] bytes = {0};
    for (int t = 0; t < traffic.targets(); t++) {
      traffic.scrape(t, 0, p -> bytes[0] += p.uncompressedBytes());
    }
    this.bytesPerScrape = bytes[0];
    long meta = 0;
    for (Payload p : traffic.metadataRequests()) {
      meta += p.body().length;
    }
    this.metadataBytesPerMinute = meta;
    this.cellStartMillis = 60_000;
  }

  /** Decoded (estimated) RW 1.0 bytes of one scrape of every series. */
  long bytesPerScrape() {
    return bytesPerScrape;
  }

  /** Seconds of traffic after which a window weighs windowBytes. */
  double fillSeconds(int scrapeSeconds) {
    return scrapeSeconds * (double) windowBytes / bytesPerScrape;
  }

  CellResult run(GridCell cell) {
    long started = System.nanoTime();
    long s = cell.scrapeSeconds() * 1000L;
    long d = cell.maxDelaySeconds() * 1000L;
    double fill = fillSeconds(cell.scrapeSeconds());
    boolean sizeLimited = fill < cell.maxDelaySeconds();
    double span = Math.min(fill, cell.maxDelaySeconds());
    // Short: D no longer matters (size-limited), or no window can hold a series twice (it holds less
    // than one scrape): the steady state is one window away and every window is alike.
    boolean shortRun = !timing.fullDurations() && cell.series() >= timing.shortMinSeries()
        && (sizeLimited || span < cell.scrapeSeconds());
    long warm;
    long measured;
    if (shortRun) {
      long w = (long) Math.ceil(span * 1000);
      warm = Math.max(2 * w, 1_000);
      measured = Math.max(Math.max(timing.shortWindows() * w, s), timing.shortMinMillis());
    } else {
      warm = Math.max(d, s) + 60_000;
      measured = Math.max(Math.max(3 * d, 4 * s), 120_000);
    }
    Run r = new Run(cell, d + 2 * timing.tickMillis() + 1, warm);
    long end = warm + measured;
    int targets = traffic.targets();
    long[] offsets = new long[targets];
    for (int t = 0; t < targets; t++) {
      offsets[t] = t * s / targets;
    }
    int cursor = 0;
    for (long t = 0; t < end; t++) {
      r.now = t;
      if (t % 60_000 == 0) {
        for (Payload p : traffic.metadataRequests()) {
          r.receive(p, false);
        }
      }
      if (t % timing.tickMillis() == 0) {
        r.group.flushDue();
        r.windowClosed(false);
      }
      long phase = t % s;
      if (phase == 0) {
        cursor = 0;
      }
      while (cursor < targets && offsets[cursor] == phase) {
        traffic.scrape(cursor, cellStartMillis + t, p -> r.receive(p, true));
        cursor++;
      }
    }
    cellStartMillis += end + s;
    long covered = r.lastMeasuredFlush - r.spanStart;
    long metaBytes = Math.round(metadataBytesPerMinute * (covered / 60_000.0));
    return new CellResult(cell, targets, traffic.families(), r.samplesIn, r.bytesIn + metaBytes, r.sink.bytes,
        r.sink.series, r.sink.samples, r.requestsIn, r.sink.requests, r.percentile(0.50) / 1000.0,
        r.percentile(0.99) / 1000.0, r.windows, r.early, sizeLimited, shortRun, windowBytes / (double) bytesPerScrape,
        warm / 1000.0, covered / 1000.0, (System.nanoTime() - started) / 1e9);
  }

  /** One cell's gateway and its bookkeeping. */
  private final class Run {
    final CountingSink sink = new CountingSink();
    final EncodingGroup group;
    final Rw1Decoder decoder;
    final long warm;
    /** Delay histogram in ms, weighted by samples. */
    final long[] delays;
    long now;
    // The open window (everything added since the last flush).
    long[] arrivals = new long[1024];
    long[] points = new long[1024];
    int pending;
    long pendingBytes;
    long pendingSamples;
    long pendingRequests;
    long lastFlush;
    // The measured windows.
    long spanStart = -1;
    long lastMeasuredFlush;
    long windows;
    long early;
    long samplesIn;
    long bytesIn;
    long requestsIn;

    Run(GridCell cell, long maxDelayMillis, long warm) {
      this.warm = warm;
      this.delays = new long[(int) maxDelayMillis + 1];
      BatchConfig defaults = BatchConfig.defaults();
      BatchConfig batch = new BatchConfig(defaults.maxSamples(), defaults.maxBytes(),
          Duration.ofSeconds(cell.maxDelaySeconds()));
      this.group = new EncodingGroup(new Rw2Encoder(), OutgoingRequest.WireFormat.RW2, batch, 1, cell.metadata(),
          List.of(sink), windowBytes, () -> now * 1_000_000L);
      this.decoder = new Rw1Decoder(limits, new StringInterner(),
          new MetadataStore(ingest.metadataCache().maxFamilies(), ingest.metadataCache().ttl()));
    }

    /** What ingest does with a RW 1.0 request: snappy, decode (metadata into the store), offer to the group. */
    void receive(Payload p, boolean series) {
      byte[] protobuf;
      DecodedRequest decoded;
      try {
        protobuf = SnappyBlock.uncompress(p.body(), 0, p.body().length, limits.maxDecodedBytes());
        decoded = decoder.decode(protobuf, 0, protobuf.length);
      } catch (InvalidPayloadException e) {
        throw new IllegalStateException("the gateway would refuse a generated request: " + e.getMessage(), e);
      }
      if (!decoded.rejections().isEmpty()) {
        throw new IllegalStateException("the gateway would reject part of a generated request: "
            + decoded.rejections().summary());
      }
      if (series) {
        if (pending == arrivals.length) {
          arrivals = java.util.Arrays.copyOf(arrivals, pending * 2);
          points = java.util.Arrays.copyOf(points, pending * 2);
        }
        long n = decoded.batch().sampleCount() + decoded.batch().histogramCount();
        arrivals[pending] = now;
        points[pending++] = n;
        pendingBytes += p.body().length;
        pendingSamples += n;
        pendingRequests++;
      }
      group.add(decoded.batch(), protobuf.length);
      if (series) {
        windowClosed(true);
      }
    }

    /** After add or flushDue: if the group flushed (one shard: everything pending), books that window. */
    void windowClosed(boolean bySize) {
      if (sink.windowRequests == 0) {
        return;
      }
      if (now >= warm) {
        if (spanStart < 0) {
          spanStart = lastFlush;
        }
        lastMeasuredFlush = now;
        windows++;
        early += bySize ? 1 : 0;
        samplesIn += pendingSamples;
        bytesIn += pendingBytes;
        requestsIn += pendingRequests;
        sink.count();
        for (int i = 0; i < pending; i++) {
          delays[(int) Math.min(delays.length - 1, now - arrivals[i])] += points[i];
        }
      }
      sink.windowRequests = 0;
      sink.windowBytes = 0;
      sink.windowSeries = 0;
      sink.windowSamples = 0;
      lastFlush = now;
      pending = 0;
      pendingBytes = 0;
      pendingSamples = 0;
      pendingRequests = 0;
    }

    double percentile(double q) {
      long total = 0;
      for (long c : delays) {
        total += c;
      }
      if (total == 0) {
        return Double.NaN;
      }
      long want = (long) Math.ceil(q * total);
      long seen = 0;
      for (int i = 0; i < delays.length; i++) {
        seen += delays[i];
        if (seen >= want) {
          return i;
        }
      }
      return delays.length - 1;
    }
  }

  /** Counts what the group sends, per window and for the measured windows. */
  static final class CountingSink implements RequestSink {
    long windowRequests;
    long windowBytes;
    long windowSeries;
    long windowSamples;
    long requests;
    long bytes;
    long series;
    long samples;

    @Override
    public void enqueue(int shard, OutgoingRequest request, long estimatedBytes) {
      windowRequests++;
      windowBytes += request.bytes();
      windowSeries += request.encoded().series();
      windowSamples += request.encoded().samples() + request.encoded().histograms();
    }

    @Override
    public void discard(long estimatedBytes) {
      // Nothing reserved: like the egress estimator, this sink has no queue.
    }

    /** The window just flushed is measured. */
    void count() {
      requests += windowRequests;
      bytes += windowBytes;
      series += windowSeries;
      samples += windowSamples;
    }
  }
}
