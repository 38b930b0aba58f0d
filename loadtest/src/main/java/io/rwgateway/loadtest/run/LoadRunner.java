package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.OtlpRequestGenerator;
import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.loadtest.workload.PayloadSource;
import io.rwgateway.loadtest.workload.RequestGenerator;
import io.rwgateway.loadtest.workload.Rw1MetadataEncoder;
import io.rwgateway.loadtest.workload.SeriesSet;
import io.rwgateway.loadtest.workload.TypeLayout;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One {@code run}: builds the shards' series and generators, starts the producer threads, sends
 * from one event loop until the duration is over, waits for the answers in flight, and returns
 * the report. Progress goes to {@code progress} once a second.
 */
public final class LoadRunner {
  private static final long METADATA_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final WorkloadSpec spec;
  private final RunOptions options;
  private final PrintStream progress;

  public LoadRunner(WorkloadSpec spec, RunOptions options, PrintStream progress) {
    this.spec = spec;
    this.options = options;
    this.progress = progress;
  }

  public RunReport run() throws Exception {
    boolean rw2 = options.protocol() == RunOptions.Protocol.RW2;
    boolean otlp = options.protocol() == RunOptions.Protocol.OTLP;
    TypeLayout layout = new TypeLayout(spec.series(), spec.mix());
    RequestEncoder encoder = rw2 ? new Rw2Encoder() : new Rw1Encoder();
    List<PayloadSource> generators = new ArrayList<>();
    for (int s = 0; s < options.concurrency(); s++) {
      SeriesSet set = new SeriesSet(spec, layout, s, options.concurrency());
      generators.add(otlp ? new OtlpRequestGenerator(spec, set, options.gzip(), System::currentTimeMillis)
          : new RequestGenerator(spec, set, encoder, rw2 && spec.metadata(), System::currentTimeMillis));
    }
    Payload metadata = options.protocol() == RunOptions.Protocol.RW1 && spec.metadata()
        ? Rw1MetadataEncoder.encode(RequestGenerator.families(spec, layout)) : null;
    RequestSource producer = startSource(generators, metadata);

    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpClient client = vertx.httpClientBuilder()
        .with(new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(false)
            .setConnectTimeout((int) options.timeout().toMillis()))
        .with(new PoolOptions().setHttp1MaxSize(options.concurrency()))
        .build();
    RequestOptions template = otlp ? otlpTemplate() : template(rw2);
    RunStats stats = new RunStats();
    Timeline[] timeline = new Timeline[1];
    long cpuBefore = processCpuNanos();
    long genCpuBefore = producer.cpuNanos();
    Context ctx = vertx.getOrCreateContext();
    CompletableFuture<Long> finished = new CompletableFuture<>();
    long[] startNanos = new long[1];
    ctx.runOnContext(v -> {
      long start = System.nanoTime();
      startNanos[0] = start;
      long deadline = start + options.duration().toNanos();
      Pacer pacer = options.openLoop() ? new Pacer(options.rate(), start) : null;
      List<ShardSender> senders = new ArrayList<>();
      List<Future<Void>> done = new ArrayList<>();
      for (int s = 0; s < options.concurrency(); s++) {
        ShardSender sender = new ShardSender(vertx, client, template, producer.shard(s), pacer, stats, deadline, otlp);
        senders.add(sender);
        done.add(sender.done());
      }
      timeline[0] = new Timeline(start);
      ProgressLine line = new ProgressLine(progress, stats, producer, timeline[0], start);
      long timer = vertx.setPeriodic(1000, id -> line.print(senders));
      senders.forEach(ShardSender::sendNext);
      Future.all(done).onComplete(ar -> {
        vertx.cancelTimer(timer);
        line.finish(senders);
        finished.complete(System.nanoTime());
      });
    });
    long end = finished.get(options.duration().toMillis() + options.timeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
    producer.close();
    double generatorCpu = (producer.cpuNanos() - genCpuBefore) / 1e9;
    double processCpu = (processCpuNanos() - cpuBefore) / 1e9;
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    long churned = 0;
    for (PayloadSource g : generators) {
      churned += g.seriesSet().churnedUnits();
    }
    RunReport report = RunReport.of(spec, options, layout, stats, (end - startNanos[0]) / 1e9, generatorCpu, processCpu, churned)
        .with("workload", WorkloadFlags.of(spec, options))
        .with("timeline", timeline[0].json());
    if (producer instanceof ReplayProducer replay) {
      report.fields().put("replay", replay.summary());
    }
    return report;
  }

  /** Live generators, or with {@code --replay} every shard's round encoded now, before the run. */
  private RequestSource startSource(List<? extends PayloadSource> generators, Payload metadata) throws InterruptedException {
    Supplier<Payload> meta = metadata == null ? null : () -> metadata;
    if (options.replay()) {
      ReplayProducer replay = ReplayProducer.pregenerate(generators, options.replayBudgetBytes(), options.generators(),
          meta, METADATA_INTERVAL_NANOS);
      Map<String, Object> s = replay.summary();
      progress.printf("pre-generated %s requests, %s samples, %s bytes in %.2f s (%.2f s CPU)%n",
          s.get("requests_per_cycle"), s.get("samples_per_cycle"), s.get("bytes"), s.get("pregenerate_s"),
          s.get("pregenerate_cpu_s"));
      return replay;
    }
    PayloadProducer producer = new PayloadProducer(generators, options.queueDepth(), options.generators(),
        meta, METADATA_INTERVAL_NANOS);
    producer.start();
    awaitFirstPayloads(producer);
    return producer;
  }

  /** Gives the generators a head start so the first second measures the target, not the warm-up. */
  private static void awaitFirstPayloads(PayloadProducer producer) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until && producer.queue(0).isEmpty()) {
      Thread.sleep(5);
    }
  }

  /** POST to the target with the user's extra headers; each protocol adds its own. */
  private RequestOptions baseTemplate() {
    RequestOptions o = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(options.target().toString())
        .setIdleTimeout(options.timeout().toMillis());
    for (Map.Entry<String, String> h : options.headers().entrySet()) {
      o.putHeader(h.getKey(), h.getValue());
    }
    return o;
  }

  private RequestOptions template(boolean rw2) {
    RequestOptions o = baseTemplate();
    // remote-write.md §5 "Sender": exact Content-Type strings, no spaces.
    o.putHeader("Content-Type", rw2 ? "application/x-protobuf;proto=io.prometheus.write.v2.Request" : "application/x-protobuf");
    o.putHeader("Content-Encoding", "snappy");
    o.putHeader("X-Prometheus-Remote-Write-Version", rw2 ? "2.0.0" : "0.1.0");
    o.putHeader("User-Agent", "rw-loadtest");
    return o;
  }

  /** OTLP/HTTP protobuf (OTLP specification, "OTLP/HTTP Request"): no Remote Write headers. */
  private RequestOptions otlpTemplate() {
    RequestOptions o = baseTemplate();
    o.putHeader("Content-Type", "application/x-protobuf");
    if (options.gzip()) {
      o.putHeader("Content-Encoding", "gzip");
    }
    o.putHeader("User-Agent", "rw-loadtest");
    return o;
  }

  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
