package io.rwgateway.gateway;

import io.rwgateway.config.BackendConfig;
import io.rwgateway.config.BatchConfig;
import io.rwgateway.config.GatewayConfig;
import io.rwgateway.config.IngestConfig;
import io.rwgateway.config.Protocol;
import io.rwgateway.config.QueueConfig;
import io.rwgateway.config.TenantConfig;
import io.rwgateway.gateway.egress.BackendRoute;
import io.rwgateway.gateway.egress.EncodingGroup;
import io.rwgateway.gateway.egress.FlushTick;
import io.rwgateway.gateway.egress.OutgoingRequest;
import io.rwgateway.gateway.egress.RouteStage;
import io.rwgateway.gateway.egress.TenantSplitter;
import io.rwgateway.gateway.ingest.IngestVerticle;
import io.rwgateway.gateway.ingest.OtlpExport;
import io.rwgateway.gateway.ingest.OtlpGrpcVerticle;
import io.rwgateway.gateway.pipeline.BatchSink;
import io.rwgateway.gateway.pipeline.AcceptedTap;
import io.rwgateway.gateway.pipeline.FanOut;
import io.rwgateway.gateway.pipeline.GlobalRelabel;
import io.rwgateway.gateway.pipeline.PerThreadRelabelers;
import io.rwgateway.gateway.telemetry.EgressEstimator;
import io.rwgateway.gateway.telemetry.WindowProjection;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.SeriesIntervals;
import java.util.function.BiConsumer;
import io.rwgateway.gateway.telemetry.GatewayMetrics;
import io.rwgateway.gateway.telemetry.OpsHandler;
import io.rwgateway.gateway.telemetry.RelabelMetrics;
import io.rwgateway.gateway.telemetry.RouteMetrics;
import io.rwgateway.gateway.telemetry.StatsReporter;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataCadence;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.otlp.OtlpTranslator;
import io.rwgateway.translators.relabel.BatchRelabeler;
import io.rwgateway.translators.relabel.Relabeler;
import io.rwgateway.translators.relabel.RelabelRule;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Wires one gateway: ingest verticles -> fan-out -> encoding groups -> backend routes
 * (architecture.md "Data flow"). {@link #start} returns once the port is bound and every route
 * exists; {@link #stop} stops accepting, flushes what is accumulated and drains the queues up to a
 * deadline.
 */
public final class Gateway {
  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
  /** Batching of the egress estimator: a RW 2.0 backend with the default settings. */
  static final BatchConfig ESTIMATOR_BATCH = BatchConfig.defaults();
  static final long DRAIN_DEADLINE_MS = 10_000;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final List<BackendRoute> routes = new ArrayList<>();
  private final List<EncodingGroup> groups = new ArrayList<>();
  private final StatsReporter stats = new StatsReporter(metrics);
  private volatile boolean ready;
  private String deploymentId;
  private String grpcDeploymentId;
  private int grpcPort = -1;
  private final List<String> routeDeployments = new ArrayList<>();
  private int port;
  /**
   * Flushes due windows and encodes full ones: encoding a window (cut, RW 2.0 encode, snappy) takes
   * tens of milliseconds at 100k samples per window, and on an ingest event loop it held back every
   * request that loop had to answer (p99 of answer time 24 ms at 200k series: docs/benchmarks.md
   * "Speed at scale"). On threads of their own the event loops keep answering while a window is
   * encoded; with fewer cores than threads the OS shares the cores between them. One thread per
   * core, so full windows of several event loops still encode in parallel; the periodic flush
   * runs on one of them at a time ({@code InOrder} keeps each shard's requests in order).
   */
  private final ScheduledExecutorService flusher = Executors.newScheduledThreadPool(
      Math.max(1, Runtime.getRuntime().availableProcessors()), new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
          Thread t = new Thread(r, "rw-gateway-flush-" + n.getAndIncrement());
          t.setDaemon(true);
          return t;
        }
      });
  private long statsTimer = -1;
  private Future<Void> stopped;
  private final List<RelabelMetrics> routeRelabelMetrics = new ArrayList<>();
  private final SeriesIntervals intervals = new SeriesIntervals();
  /** What longer windows would save; only without a RW 2.0 backend (with the estimator). */
  private WindowProjection projection;
  private long intervalTimer = -1;

  private Gateway(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    Gateway g = new Gateway(vertx, config);
    return g.startInternal().map(v -> g);
  }

  private Future<Void> startInternal() {
    buildRoutes();
    // Every route on an event loop of its own, deployed before ingest can hand it anything.
    List<Future<String>> deployed = new ArrayList<>();
    for (BackendRoute r : routes) {
      deployed.add(vertx.deployVerticle(r));
    }
    return Future.all(deployed).compose(ok -> {
      routeDeployments.clear();
      for (Future<String> f : deployed) {
        routeDeployments.add(f.result());
      }
      return startIngest();
    });
  }

  private Future<Void> startIngest() {
    List<BiConsumer<MetricBatch, Long>> observers = new ArrayList<>();
    observers.add((batch, bytes) -> intervals.observe(batch));
    if (projection != null) {
      observers.add(projection::add);
    }
    BatchSink pipeline = new AcceptedTap(new FanOut(routes, groups), observers);
    if (!config.relabelConfigs().isEmpty()) {
      PerThreadRelabelers global = new PerThreadRelabelers(() -> relabeler(config.relabelConfigs()));
      RelabelMetrics globalMetrics = metrics.relabel("global");
      globalMetrics.cache(global, PerThreadRelabelers::cacheHits, PerThreadRelabelers::cacheMisses,
          PerThreadRelabelers::cacheSize);
      pipeline = new GlobalRelabel(global::current, globalMetrics, pipeline);
    }
    BatchSink sink = pipeline;
    IngestConfig in = config.ingest();
    DecodeLimits limits = new DecodeLimits(in.maxDecodedBytes(), in.maxLabelsPerSeries(),
        in.maxLabelNameLength(), in.maxLabelValueLength());
    MetadataStore metadata = new MetadataStore(in.metadataCache().maxFamilies(), in.metadataCache().ttl());
    // One dictionary for every event loop: label strings become the same ids whichever loop read them.
    SymbolDictionary dictionary = SymbolDictionary.gatewayDefault();
    metrics.symbolDictionary(dictionary);
    OpsHandler ops = new OpsHandler(metrics, () -> ready);
    // One translator for every event loop and both transports: to_cumulative state is per gateway.
    OtlpTranslator translator = new OtlpTranslator(config.otlp().translation());
    metrics.otlpDeltaSeries(translator::deltaSeries);
    OtlpExport otlp = new OtlpExport(translator, sink, metrics, in.maxDecodedBytes());
    // Port 0 (tests) cannot be shared by several instances: each would bind its own random port.
    int instances = config.listenPort() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicReference<IngestVerticle> first = new AtomicReference<>();
    return vertx.deployVerticle(() -> {
      IngestVerticle v = new IngestVerticle(config.listenHost(), config.listenPort(), limits,
          in.maxBodyBytes(), in.backpressureStatus(), metadata, dictionary, sink, metrics, otlp, ops);
      first.compareAndSet(null, v);
      return v;
    }, new DeploymentOptions().setInstances(instances)).compose(id -> {
      deploymentId = id;
      port = first.get().actualPort();
      return startGrpc(otlp, in.maxBodyBytes());
    }).map(v -> {
      startTimers();
      ready = true;
      return null;
    });
  }

  /** OTLP/gRPC on its own port, unless {@code otlp.grpc_listen_address} is empty. */
  private Future<Void> startGrpc(OtlpExport otlp, long maxMessageBytes) {
    if (!config.otlp().grpcEnabled()) {
      return Future.succeededFuture();
    }
    int grpcConfigured = config.otlp().grpcListenPort();
    int instances = grpcConfigured == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicReference<OtlpGrpcVerticle> first = new AtomicReference<>();
    return vertx.deployVerticle(() -> {
      OtlpGrpcVerticle v = new OtlpGrpcVerticle(config.otlp().grpcListenHost(), grpcConfigured, otlp,
          maxMessageBytes);
      first.compareAndSet(null, v);
      return v;
    }, new DeploymentOptions().setInstances(instances)).map(id -> {
      grpcDeploymentId = id;
      grpcPort = first.get().actualPort();
      return null;
    });
  }

  /** Routes with equal keys get the same bytes, so they share one encoding group. */
  private record GroupKey(Protocol format, BatchConfig batch, int concurrency, List<RelabelRule> rules,
      TenantConfig tenant, MetadataDetail metadata) {
    static GroupKey of(BackendConfig b) {
      // An auto route starts as RW 2.0 and encodes with the RW 2.0 routes.
      Protocol format = b.protocol() == Protocol.RW1 ? Protocol.RW1 : Protocol.RW2;
      return new GroupKey(format, b.batch(), b.concurrency(), b.writeRelabelConfigs(), b.tenant(), b.metadata());
    }
  }

  private void buildRoutes() {
    Map<GroupKey, List<BackendRoute>> byKey = new LinkedHashMap<>();
    for (BackendConfig b : config.backends()) {
      RouteMetrics rm = metrics.route(b.name());
      BackendRoute route = new BackendRoute(b, rm);
      routes.add(route);
      byKey.computeIfAbsent(GroupKey.of(b), k -> new ArrayList<>()).add(route);
      stats.output("sent to " + b.name() + " (" + b.protocol().wireName() + ")", rm::sentBytesTotal,
          rm::sentItemsTotal, rm::sentSeriesTotal);
    }
    for (Map.Entry<GroupKey, List<BackendRoute>> e : byKey.entrySet()) {
      GroupKey key = e.getKey();
      long smallestQueue = e.getValue().stream().mapToLong(r -> r.budget().maxBytes()).min().orElseThrow();
      groups.add(new EncodingGroup(encoders(key.format()), wireFormat(key.format()), stage(key, e.getValue()),
          key.batch(), key.concurrency(), key.metadata(), e.getValue(),
          EncodingGroup.windowBytes(smallestQueue, key.concurrency(), key.batch().maxBytes())));
    }
    boolean anyRw2 = config.backends().stream().anyMatch(b -> b.protocol() != Protocol.RW1);
    if (!anyRw2) {
      EgressEstimator estimator = new EgressEstimator(metrics);
      long windowBytes = EncodingGroup.windowBytes(QueueConfig.defaults().maxBytes(), 1, ESTIMATOR_BATCH.maxBytes());
      groups.add(new EncodingGroup(new Rw2Encoder(), OutgoingRequest.WireFormat.RW2, ESTIMATOR_BATCH, 1,
          List.of(estimator), windowBytes));
      stats.output("as RW 2.0 (estimate)", estimator::compressedBytes, estimator::items, estimator::series);
      projection = new WindowProjection(ESTIMATOR_BATCH, windowBytes, () -> {
        double in = metrics.receivedCompressedBytes();
        return in == 0 ? Double.NaN : estimator.compressedBytes() / in;
      }, metrics);
      stats.note(projection::summary);
    }
    metrics.scrapeInterval(intervals);
    stats.note(() -> {
      double s = intervals.medianSeconds();
      return Double.isNaN(s) ? null : String.format(java.util.Locale.ROOT, "scrape interval seen %.1fs", s);
    });
  }

  /** The group's write_relabel_configs and tenant split; drops are counted for each of its routes. */
  private RouteStage stage(GroupKey key, List<BackendRoute> members) {
    RelabelMetrics[] perRoute = new RelabelMetrics[members.size()];
    BatchRelabeler relabeler = key.rules().isEmpty() ? null : relabeler(key.rules());
    for (int i = 0; i < perRoute.length; i++) {
      perRoute[i] = metrics.relabel(members.get(i).name());
      routeRelabelMetrics.add(perRoute[i]);
      if (relabeler != null) {
        perRoute[i].cache(relabeler);
      }
    }
    TenantSplitter tenants = key.tenant() == null ? null : new TenantSplitter(key.tenant());
    return new RouteStage(relabeler, tenants, perRoute);
  }

  private BatchRelabeler relabeler(List<RelabelRule> rules) {
    return new BatchRelabeler(new Relabeler(rules), config.relabelCache().maxEntries());
  }

  /**
   * RW 1.0 encoders carry a metadata cadence, one per tenant (each tenant's backend gets its own
   * metadata once a minute); the RW 2.0 encoder is stateless and shared.
   */
  private static Supplier<RequestEncoder> encoders(Protocol p) {
    if (p == Protocol.RW1) {
      return () -> new Rw1Encoder(new MetadataCadence(MetadataCadence.PROMETHEUS_INTERVAL_NANOS));
    }
    Rw2Encoder shared = new Rw2Encoder();
    return () -> shared;
  }

  private static OutgoingRequest.WireFormat wireFormat(Protocol p) {
    return p == Protocol.RW1 ? OutgoingRequest.WireFormat.RW1 : OutgoingRequest.WireFormat.RW2;
  }

  private void flushDue() {
    try {
      for (EncodingGroup g : groups) {
        g.flushDue();
      }
      if (projection != null) {
        projection.flushDue();
      }
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again: log and keep flushing.
      LOG.severe("flushing due windows failed: " + e);
    }
  }

  /** Runs a full window's encode on the flush threads; on the calling thread once they are shut down. */
  private void encodeOffLoop(Runnable encode) {
    try {
      flusher.execute(encode);
    } catch (RejectedExecutionException e) {
      encode.run();
    }
  }

  private void startTimers() {
    long minDelay = groups.isEmpty() ? 1000 : config.backends().stream()
        .mapToLong(b -> b.batch().maxDelay().toMillis()).min().orElse(ESTIMATOR_BATCH.maxDelay().toMillis());
    long tick = FlushTick.millis(minDelay);
    flusher.scheduleAtFixedRate(this::flushDue, tick, tick, TimeUnit.MILLISECONDS);
    for (EncodingGroup g : groups) {
      g.encodeFullWindowsOn(this::encodeOffLoop);
    }
    // The median scrape interval covers the last one to two minutes.
    intervalTimer = vertx.setPeriodic(60_000, t -> intervals.roll());
    long interval = config.statsLogInterval().toMillis();
    if (interval > 0) {
      statsTimer = vertx.setPeriodic(interval, t -> stats.log());
    }
  }

  public int port() {
    return port;
  }

  /** The OTLP/gRPC port actually bound, -1 when gRPC is off. */
  public int grpcPort() {
    return grpcPort;
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public List<BackendRoute> routes() {
    return routes;
  }

  /** Stops accepting, flushes the accumulators and waits for the queues up to the drain deadline. */
  public Future<Void> stop() {
    return stop(DRAIN_DEADLINE_MS);
  }

  /** As {@link #stop()}, with another drain deadline. */
  public synchronized Future<Void> stop(long drainDeadlineMillis) {
    if (stopped == null) {
      stopped = stopOnce(drainDeadlineMillis);
    }
    return stopped;
  }

  private Future<Void> stopOnce(long drainDeadlineMillis) {
    ready = false;
    Future<Void> undeployed = deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    Future<Void> grpcUndeployed = grpcDeploymentId == null ? Future.succeededFuture() : vertx.undeploy(grpcDeploymentId);
    return Future.join(undeployed, grpcUndeployed).compose(v -> {
      flusher.shutdown();
      // A flush already running finishes before the last one: its requests must reach the queues being drained.
      return vertx.executeBlocking(() -> flusher.awaitTermination(10, TimeUnit.SECONDS));
    }).compose(v -> {
      vertx.cancelTimer(statsTimer);
      vertx.cancelTimer(intervalTimer);
      for (EncodingGroup g : groups) {
        g.flushAll();
      }
      List<Future<Void>> drains = new ArrayList<>();
      for (BackendRoute r : routes) {
        drains.add(r.drain(drainDeadlineMillis));
      }
      return Future.join(drains).mapEmpty();
    }).compose(v -> {
      List<Future<Void>> routesUndeployed = new ArrayList<>();
      for (String id : routeDeployments) {
        routesUndeployed.add(vertx.undeploy(id));
      }
      return Future.join(routesUndeployed).mapEmpty();
    });
  }

  /**
   * {@link #stop()}, then the routes are closed: their meters leave the registry. Separate from
   * stop so that the final counts of a stopped gateway can still be read (tests, the last scrape).
   */
  public Future<Void> close() {
    return stop().eventually(() -> {
      routes.forEach(BackendRoute::close);
      routeRelabelMetrics.forEach(RelabelMetrics::close);
      return Future.succeededFuture();
    });
  }
}
