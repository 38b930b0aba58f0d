package io.rwgateway.benchmarks.egress;

import io.rwgateway.loadtest.workload.LabelShape;
import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.loadtest.workload.RequestGenerator;
import io.rwgateway.loadtest.workload.Rw1MetadataEncoder;
import io.rwgateway.loadtest.workload.SeriesKind;
import io.rwgateway.loadtest.workload.SeriesSet;
import io.rwgateway.loadtest.workload.TypeLayout;
import io.rwgateway.loadtest.workload.TypeMix;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.RequestCutter;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Egress ratio of the captured Prometheus traffic against the loadtest's synthetic traffic of the
 * same size: compressed RW 2.0 bytes out over compressed RW 1.0 bytes in, with k = 1, 2, 4, 8
 * samples per series in an outgoing request (k scrapes per window), for metadata {@code full}
 * and {@code type_and_unit} (docs/labels-comparison.md).
 *
 * <p>Both streams go the gateway's way: RW 1.0 bodies decoded by {@link Rw1Decoder} with one
 * {@link MetadataStore} fed by a metadata-only request first (as Prometheus sends metadata), a
 * window of k scrapes through {@link MetadataDetail} and {@link RequestCutter} (merges each label
 * set's samples, packs by family, 10,000 samples a request), then {@link Rw2Encoder}. Bytes in are
 * the scrapes' bodies plus one metadata request per stream. The real stream is the first
 * {@code SCRAPES} requests with series of the capture; the synthetic one is as many rounds of a
 * loadtest workload with the capture's series count and kind mix, one request a scrape as
 * Prometheus' 500-sample requests hold them.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.rwgateway.benchmarks.egress.SyntheticVsReal CAPTURE_DIR [SERIES...]</pre>
 *
 * Extra SERIES arguments also print the synthetic ratios at those series counts (no real one);
 * synthetic ratios are the mean over seeds 1..{@code -Dseeds=N} (default 5): with a few hundred
 * series, which units a seed makes idle moves the ratio by a few percent.
 */
public final class SyntheticVsReal {
  static final int SCRAPES = 8;
  static final int[] KS = {1, 2, 4, 8};
  static final MetadataDetail[] DETAILS = {MetadataDetail.FULL, MetadataDetail.TYPE_AND_UNIT};
  private static final int MAX_SAMPLES = 10_000;

  private SyntheticVsReal() {}

  /** A stream as the gateway receives it: scrapes (decoded) and the bytes that carried them. */
  record Stream(List<List<MetricBatch>> scrapes, long scrapeBytes, long metadataBytes, int series) {
    long inBytes() {
      return scrapeBytes + metadataBytes;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: SyntheticVsReal CAPTURE_DIR [SERIES...] (NNNN.body from capture-receiver.py)");
      System.exit(2);
    }
    Stream real = real(Path.of(args[0]));
    TypeMix mix = mixOf(real.scrapes().get(1).get(0));
    System.out.printf("real: %s, %d scrapes, %d series, %d bytes of scrapes + %d of metadata; kind mix %s%n",
        args[0], real.scrapes().size(), real.series(), real.scrapeBytes(), real.metadataBytes(), mixText(mix));
    System.out.println("  " + shape(real));
    int seeds = Integer.getInteger("seeds", 5);
    Map<String, List<Stream>> synthetic = new java.util.LinkedHashMap<>();
    for (String name : List.of("synthetic (before)", "static", "kubernetes")) {
      synthetic.put(name, new ArrayList<>());
    }
    for (long seed = 1; seed <= seeds; seed++) {
      WorkloadSpec base = spec(real.series(), mix).withSeed(seed);
      synthetic.get("synthetic (before)").add(synthetic(base.withLabelShape(LabelShape.SYNTHETIC).withLabels(2, 10).withTargets(10)));
      synthetic.get("static").add(synthetic(base.withLabelShape(LabelShape.STATIC)));
      synthetic.get("kubernetes").add(synthetic(base.withLabelShape(LabelShape.KUBERNETES)));
    }
    for (Map.Entry<String, List<Stream>> e : synthetic.entrySet()) {
      Stream s = e.getValue().get(0);
      System.out.printf("%s: %d series, %d bytes of scrapes + %d of metadata%n", e.getKey(), s.series(), s.scrapeBytes(),
          s.metadataBytes());
      System.out.println("  " + shape(s) + " (seed 1)");
    }
    if (System.getenv("DIAG") != null) {
      for (MetricType t : new MetricType[] {MetricType.COUNTER, MetricType.GAUGE, MetricType.HISTOGRAM, MetricType.SUMMARY}) {
        System.out.printf("%s: real k1 %d k8 %d |", t, typeBytes(real, 1, t), typeBytes(real, 8, t));
        for (Map.Entry<String, List<Stream>> e : synthetic.entrySet()) {
          Stream x = e.getValue().get(0);
          System.out.printf(" %s k1 %d k8 %d |", e.getKey(), typeBytes(x, 1, t), typeBytes(x, 8, t));
        }
        System.out.println();
      }
    }
    System.out.println();
    System.out.printf("synthetic: mean (min-max) over seeds 1..%d%n", seeds);
    System.out.print("| k | metadata | real |");
    synthetic.keySet().forEach(n -> System.out.print(" " + n + " | vs real |"));
    System.out.println();
    System.out.print("|---:|---|---:|");
    synthetic.keySet().forEach(n -> System.out.print("---:|---:|"));
    System.out.println();
    for (MetadataDetail detail : DETAILS) {
      for (int k : KS) {
        double r = ratio(real, k, detail);
        System.out.printf(Locale.ROOT, "| %d | %s | %.3f |", k, detail.configName(), r);
        for (List<Stream> runs : synthetic.values()) {
          double sum = 0;
          double min = Double.MAX_VALUE;
          double max = 0;
          for (Stream s : runs) {
            double x = ratio(s, k, detail);
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
          }
          double x = sum / runs.size();
          System.out.printf(Locale.ROOT, " %.3f (%.3f-%.3f) | %+.1f%% |", x, min, max, 100 * (x - r) / r);
        }
        System.out.println();
      }
    }
    for (int i = 1; i < args.length; i++) {
      int series = Integer.parseInt(args[i]);
      System.out.println();
      System.out.printf("%d series, default mix, 2000-sample requests, seed 1 (loadtest defaults):%n", series);
      WorkloadSpec spec = WorkloadSpec.of(series).withRequests(2000, 0, true);
      Stream before = synthetic(spec.withLabelShape(LabelShape.SYNTHETIC).withLabels(2, 10).withTargets(10));
      Stream stat = synthetic(spec.withLabelShape(LabelShape.STATIC));
      Stream kube = synthetic(spec);
      System.out.println("| k | metadata | synthetic (before) | static | kubernetes |");
      System.out.println("|---:|---|---:|---:|---:|");
      for (MetadataDetail detail : DETAILS) {
        for (int k : KS) {
          System.out.printf(Locale.ROOT, "| %d | %s | %.3f | %.3f | %.3f |%n", k, detail.configName(),
              ratio(before, k, detail), ratio(stat, k, detail), ratio(kube, k, detail));
        }
      }
    }
  }

  static WorkloadSpec spec(int series, TypeMix mix) {
    return WorkloadSpec.of(series).withMix(mix).withRequests(500, 0, true);
  }

  /** RW 2.0 bytes out (type_and_unit) of the series of one type, windows of {@code k} scrapes (diagnostics). */
  static long typeBytes(Stream s, int k, MetricType type) {
    Rw2Encoder encoder = new Rw2Encoder();
    long out = 0;
    for (int from = 0; from < s.scrapes().size(); from += k) {
      List<MetricBatch> window = new ArrayList<>();
      for (List<MetricBatch> scrape : s.scrapes().subList(from, Math.min(s.scrapes().size(), from + k))) {
        for (MetricBatch b : scrape) {
          window.add(new MetricBatch(b.symbols(), b.series().stream().filter(x -> x.type() == type).toList()));
        }
      }
      for (List<MetricBatch> part : RequestCutter.cut(MetadataDetail.TYPE_AND_UNIT.apply(window), MAX_SAMPLES)) {
        out += encoder.encode(part).body().length;
      }
    }
    return out;
  }

  /** RW 2.0 bytes out over RW 1.0 bytes in, windows of {@code k} scrapes. */
  static double ratio(Stream s, int k, MetadataDetail detail) {
    Rw2Encoder encoder = new Rw2Encoder();
    long out = 0;
    for (int from = 0; from < s.scrapes().size(); from += k) {
      List<MetricBatch> window = new ArrayList<>();
      s.scrapes().subList(from, Math.min(s.scrapes().size(), from + k)).forEach(window::addAll);
      for (List<MetricBatch> part : RequestCutter.cut(detail.apply(window), MAX_SAMPLES)) {
        out += encoder.encode(part).body().length;
      }
    }
    return out / (double) s.inBytes();
  }

  /**
   * The first {@link #SCRAPES} requests with series of a capture, decoded with the metadata of its
   * metadata-only requests known from the start (Prometheus sends metadata in its own requests;
   * the gateway joins it to the series).
   */
  static Stream real(Path dir) throws IOException, InvalidPayloadException {
    List<Path> bodies;
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      bodies = s.filter(p -> p.toString().endsWith(".body")).sorted().toList();
    }
    MetadataStore store = new MetadataStore(100_000, Duration.ofHours(1));
    Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), store);
    List<byte[]> scrapes = new ArrayList<>();
    long metadataBytes = 0;
    for (Path p : bodies) {
      byte[] body = Files.readAllBytes(p);
      DecodedRequest d = decode(decoder, body);
      if (d.batch().series().isEmpty() && d.metadataEntries() > 0) {
        metadataBytes = Math.max(metadataBytes, body.length);
      } else if (!d.batch().series().isEmpty() && scrapes.size() < SCRAPES) {
        scrapes.add(body);
      }
    }
    List<List<MetricBatch>> batches = new ArrayList<>();
    long scrapeBytes = 0;
    Set<String> series = new HashSet<>();
    for (byte[] body : scrapes) {
      MetricBatch b = decode(decoder, body).batch();
      batches.add(List.of(b));
      scrapeBytes += body.length;
      b.series().forEach(s -> series.add(labels(b, s)));
    }
    return new Stream(batches, scrapeBytes, metadataBytes, series.size());
  }

  /** {@link #SCRAPES} rounds of a loadtest workload on one shard, metadata request first, decoded as the gateway does. */
  static Stream synthetic(WorkloadSpec spec) throws InvalidPayloadException {
    TypeLayout layout = new TypeLayout(spec.series(), spec.mix());
    MetadataStore store = new MetadataStore(10_000_000, Duration.ofHours(1));
    Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), store);
    Payload metadata = Rw1MetadataEncoder.encode(RequestGenerator.families(spec, layout));
    decode(decoder, metadata.body());
    AtomicLong clock = new AtomicLong(1_795_618_060_000L);
    SeriesSet set = new SeriesSet(spec, layout, 0, 1);
    RequestGenerator g = new RequestGenerator(spec, set, new Rw1Encoder(), false, () -> clock.getAndAdd(1_000));
    List<List<MetricBatch>> scrapes = new ArrayList<>();
    long bytes = 0;
    while (true) {
      Payload p = g.next();
      if (g.rounds() > SCRAPES) {
        break;
      }
      if (scrapes.size() < g.rounds()) {
        scrapes.add(new ArrayList<>());
      }
      scrapes.get(scrapes.size() - 1).add(decode(decoder, p.body()).batch());
      bytes += p.body().length;
    }
    return new Stream(scrapes, bytes, metadata.body().length, set.seriesCount());
  }

  /** What a scrape of the stream looks like: families, HELP, labels, names, and how many series keep their value. */
  static String shape(Stream s) {
    List<MetricBatch> first = s.scrapes().get(1);
    Set<String> helps = new HashSet<>();
    long helpChars = 0;
    long labels = 0;
    long labelChars = 0;
    long nameChars = 0;
    int series = 0;
    for (MetricBatch b : first) {
      for (Series x : b.series()) {
        series++;
        String help = b.symbol(x.helpRef());
        if (helps.add(b.labelValue(x, "__name__") == null ? "" : help + "\u0000" + x.type())) {
          helpChars += help.length();
        }
        int[] refs = x.labelRefs();
        labels += refs.length / 2;
        for (int ref : refs) {
          labelChars += b.symbol(ref).length();
        }
        nameChars += b.labelValue(x, "__name__").length();
      }
    }
    long samples = 0;
    long zeros = 0;
    long integers = 0;
    java.util.Map<String, Double> firstValue = new java.util.HashMap<>();
    java.util.Map<String, Double> lastValue = new java.util.HashMap<>();
    long changes = 0;
    long pairs = 0;
    java.util.Map<String, Boolean> constant = new java.util.HashMap<>();
    for (List<MetricBatch> scrape : s.scrapes()) {
      for (MetricBatch b : scrape) {
        for (Series x : b.series()) {
          if (x.sampleCount() == 0) {
            continue;
          }
          String key = labels(b, x);
          double v = x.value(0);
          samples++;
          zeros += v == 0 ? 1 : 0;
          integers += v == Math.rint(v) ? 1 : 0;
          Double prev = lastValue.put(key, v);
          changes += prev != null && Double.doubleToLongBits(prev) != Double.doubleToLongBits(v) ? 1 : 0;
          pairs += prev != null ? 1 : 0;
          Double f = firstValue.putIfAbsent(key, v);
          if (f != null && Double.doubleToLongBits(f) != Double.doubleToLongBits(v)) {
            constant.put(key, false);
          } else {
            constant.putIfAbsent(key, true);
          }
        }
      }
    }
    long same = constant.values().stream().filter(c -> c).count();
    return String.format(Locale.ROOT, "scrape 2: %d series, %d families (HELP %.1f chars), %.2f labels and %.1f label chars a series, "
        + "name %.1f chars; %.0f%% of series keep their value over the %d scrapes, samples %.0f%% zero, %.0f%% integer, %.0f%% changed since the scrape before",
        series, helps.size(),
        helpChars / (double) Math.max(1, helps.size()), labels / (double) series, labelChars / (double) series,
        nameChars / (double) series, 100.0 * same / constant.size(), s.scrapes().size(),
        100.0 * zeros / samples, 100.0 * integers / samples, 100.0 * changes / pairs);
  }

  private static DecodedRequest decode(Rw1Decoder decoder, byte[] body) throws InvalidPayloadException {
    byte[] raw = SnappyBlock.uncompress(body, 0, body.length, 1 << 30);
    return decoder.decode(raw, 0, raw.length);
  }

  private static String labels(MetricBatch b, Series s) {
    StringBuilder out = new StringBuilder();
    for (int ref : s.labelRefs()) {
      out.append(b.symbol(ref)).append('\u0000');
    }
    return out.toString();
  }

  /** The kind mix of a scrape by series, from the types its metadata gave (no native histograms in a text scrape). */
  static TypeMix mixOf(MetricBatch scrape) {
    Map<SeriesKind, Double> w = new EnumMap<>(SeriesKind.class);
    for (SeriesKind k : SeriesKind.values()) {
      w.put(k, 0.0);
    }
    for (Series s : scrape.series()) {
      SeriesKind k = s.type() == MetricType.HISTOGRAM ? SeriesKind.HISTOGRAM
          : s.type() == MetricType.SUMMARY ? SeriesKind.SUMMARY
          : s.type() == MetricType.COUNTER ? SeriesKind.COUNTER : SeriesKind.GAUGE;
      w.merge(k, 1.0, Double::sum);
    }
    return new TypeMix(w);
  }

  private static String mixText(TypeMix mix) {
    StringBuilder b = new StringBuilder();
    for (SeriesKind k : SeriesKind.values()) {
      b.append(b.length() == 0 ? "" : ",").append(k.flagName()).append('=')
          .append(String.format(Locale.ROOT, "%.1f", 100 * mix.share(k)));
    }
    return b.toString();
  }
}
