package io.rwgateway.loadtest.grid;

import io.rwgateway.translators.metadata.MetadataDetail;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rw-loadtest egress-grid}: the egress ratio (RW 2.0 bytes sent / RW 1.0 bytes received, both
 * snappy) and the delivery delay for a grid of series x scrape interval x max_delay x metadata,
 * measured by running the gateway's egress (decoder, metadata store, EncodingGroup, RW 2.0 encoder)
 * on Prometheus-like traffic in virtual time (issue 10). One JVM, one cell after another.
 */
@Command(name = "egress-grid", mixinStandardHelpOptions = true,
    description = "Egress ratio and delivery delay per series x scrape interval x max_delay x metadata, "
        + "measured on the gateway's egress code in virtual time.")
public final class EgressGridCommand implements Callable<Integer> {
  @Option(names = "--series", split = ",", defaultValue = "2000,100000,1000000",
      description = "active series counts (default ${DEFAULT-VALUE})")
  List<Integer> series;

  @Option(names = "--scrape", split = ",", defaultValue = "1,15,30,60",
      description = "scrape intervals in seconds (default ${DEFAULT-VALUE})")
  List<Integer> scrapes;

  @Option(names = "--max-delay", split = ",", defaultValue = "5,15,30,60,120",
      description = "max_delay values in seconds (default ${DEFAULT-VALUE})")
  List<Integer> delays;

  @Option(names = "--metadata", split = ",", defaultValue = "full,type_and_unit",
      description = "metadata details (default ${DEFAULT-VALUE})")
  List<String> metadata;

  @Option(names = "--delays-for", description = "max_delay values for one series count, e.g. 1000000=5,30,60 "
      + "(repeatable; overrides --max-delay for that count)")
  Map<Integer, String> delaysFor = new LinkedHashMap<>();

  @Option(names = "--queue-max-bytes", defaultValue = "0",
      description = "queue.max_bytes of the simulated route (default 0: the gateway's default, 64 MiB); "
          + "a window flushes early at half of it")
  long queueMaxBytes;

  @Option(names = "--series-per-target", defaultValue = "1000",
      description = "series per scrape target (default ${DEFAULT-VALUE}); targets are scraped evenly spread over the interval")
  int seriesPerTarget;

  @Option(names = "--tick-ms", defaultValue = "100", description = "virtual ms between flushDue calls (default ${DEFAULT-VALUE})")
  long tickMillis;

  @Option(names = "--short-windows", defaultValue = "10",
      description = "short runs: measure at least this many windows (default ${DEFAULT-VALUE})")
  int shortWindows;

  @Option(names = "--short-min-s", defaultValue = "2",
      description = "short runs: measure at least this many seconds (default ${DEFAULT-VALUE})")
  int shortMinSeconds;

  @Option(names = "--short-min-series", defaultValue = "10000",
      description = "short runs only from this many series up (default ${DEFAULT-VALUE})")
  int shortMinSeries;

  @Option(names = "--full-durations", description = "no short runs")
  boolean fullDurations;

  @Option(names = "--csv", defaultValue = "egress-grid.csv", description = "CSV output (default ${DEFAULT-VALUE})")
  Path csv;

  @Option(names = "--md", description = "markdown table output")
  Path md;

  @Option(names = "--svg", description = "SVG chart output")
  Path svg;

  @Option(names = "--note", defaultValue = "", description = "a line for the table's preamble (e.g. when and where it ran)")
  String note;

  @Option(names = "--report-only", description = "do not simulate: make --md and --svg from an existing --csv")
  boolean reportOnly;

  @Override
  public Integer call() throws IOException {
    if (!reportOnly) {
      simulate();
    }
    List<GridReport.Row> rows = GridReport.read(csv);
    if (md != null) {
      Files.writeString(md, GridReport.markdown(rows, preamble()), StandardCharsets.UTF_8);
    }
    if (svg != null) {
      Files.writeString(svg, GridReport.svg(rows, subtitle()), StandardCharsets.UTF_8);
    }
    return 0;
  }

  private void simulate() throws IOException {
    List<MetadataDetail> details = new ArrayList<>();
    for (String m : metadata) {
      MetadataDetail d = MetadataDetail.fromConfigName(m);
      if (d == null) {
        throw new IllegalArgumentException("cannot use --metadata " + m + ": expected full, type_and_unit or none");
      }
      details.add(d);
    }
    EgressSimulation.Timing timing = new EgressSimulation.Timing(tickMillis, shortWindows,
        shortMinSeconds * 1000L, shortMinSeries, fullDurations);
    long started = System.nanoTime();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
      out.println(CellResult.CSV_HEADER);
      out.flush();
      for (int n : series) {
        long t0 = System.nanoTime();
        PrometheusTraffic traffic = new PrometheusTraffic(n, seriesPerTarget);
        EgressSimulation sim = new EgressSimulation(traffic, timing, windowBytes());
        System.err.printf(Locale.ROOT, "%d series: %d targets, %d families, %.1f MB decoded RW 1.0 per scrape, "
                + "windowBytes %d (%.2f scrapes), set up in %.1f s%n", n, traffic.targets(), traffic.families(),
            sim.bytesPerScrape() / 1e6, windowBytes(),
            windowBytes() / (double) sim.bytesPerScrape(), (System.nanoTime() - t0) / 1e9);
        List<Integer> ds = delaysFor.containsKey(n) ? parse(delaysFor.get(n)) : delays;
        for (int s : scrapes) {
          for (int d : ds) {
            for (MetadataDetail m : details) {
              CellResult r = sim.run(new GridCell(n, s, d, m));
              out.println(r.csvRow());
              out.flush();
              System.err.printf(Locale.ROOT, "  series %d scrape %ds max_delay %ds %s: ratio %.3f, %.2f samples/series/request, "
                      + "p99 %.1f s, %d/%d windows early%s, %.0f s measured, %.1f s wall%n", n, s, d, m.configName(),
                  r.ratio(), r.samplesPerSeriesPerRequest(), r.p99DelaySeconds(), r.earlyFlushes(), r.windows(),
                  (r.sizeLimited() ? " (size-limited)" : "") + (r.shortRun() ? " short" : ""), r.measuredSeconds(), r.wallSeconds());
            }
          }
        }
      }
    }
    System.err.printf(Locale.ROOT, "grid done in %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  private static List<Integer> parse(String list) {
    List<Integer> out = new ArrayList<>();
    for (String p : list.split(",")) {
      out.add(Integer.parseInt(p.trim()));
    }
    return out;
  }

  private String subtitle() {
    return "The gateway's egress code in virtual time (rw-loadtest egress-grid); Prometheus 2.42-like RW 1.0 in; "
        + "1 shard, default batch and queue (window " + windowBytes() / (1 << 20)
        + " MiB). Hover a point for its p99 delay.";
  }

  private String preamble() {
    return "Made by `loadtest/egress-grid.sh` (`rw-loadtest egress-grid`): the gateway's real egress code "
        + "(snappy + `Rw1Decoder` with a `MetadataStore`, `EncodingGroup` with the RW 2.0 encoder, one shard, "
        + "default batch config but `max_delay`, windowBytes = `EncodingGroup.windowBytes(64 MiB, 1, 4 MiB)` = "
        + windowBytes() / (1 << 20) + " MiB) on Prometheus 2.42-like traffic, in virtual time: "
        + "the loadtest workload (default mix and labels) split into targets of " + seriesPerTarget + " series "
        + "scraped evenly spread over the interval, each scrape sent at once in RW 1.0 requests of at most 500 "
        + "samples, metadata-only requests (500 families each) every minute. Ratio = RW 2.0 snappy bytes out / "
        + "RW 1.0 snappy bytes in (metadata requests included, pro rata of the measured time); delay = flush time "
        + "- arrival, per sample. Only whole windows flushed after the warm-up count: warm-up max(D, S) + 1 min, "
        + "measured max(3 D, 4 S, 2 min); from " + shortMinSeries + " series up, a cell whose window reaches "
        + "windowBytes before max_delay (size-limited, `*`: D no longer matters) or holds less than one scrape "
        + "(no series twice in a window) is a short run: warm-up max(2 W, 1 s), measured max(" + shortWindows
        + " W, S, " + shortMinSeconds + " s), W = min(D, F) the time a window spans, "
        + "F = the window's fill time. The CSV (`egress-grid.csv`) has every count.\n"
        + (note.isBlank() ? "" : "\n" + note + "\n");
  }

  /** What a window may hold: as the gateway computes it from the queue (one shard). */
  private long windowBytes() {
    return queueMaxBytes <= 0 ? EgressSimulation.WINDOW_BYTES
        : io.rwgateway.gateway.egress.EncodingGroup.windowBytes(queueMaxBytes, 1,
            io.rwgateway.config.BatchConfig.defaults().maxBytes());
  }
}
