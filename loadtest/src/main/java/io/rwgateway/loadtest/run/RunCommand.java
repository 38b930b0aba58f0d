package io.rwgateway.loadtest.run;

import io.rwgateway.loadtest.workload.LabelShape;
import io.rwgateway.loadtest.workload.TypeMix;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run --target URL ...}: generates a workload, sends it, reports. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Generate a Remote Write (or OTLP) workload and send it to --target.")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--target", required = true, description = "write URL, e.g. http://127.0.0.1:9201/api/v1/write")
  URI target;

  @Option(names = "--protocol", defaultValue = "rw1", description = "rw1 | rw2 | otlp (default ${DEFAULT-VALUE})")
  String protocol;

  @Option(names = "--series", defaultValue = "10000", description = "active series (default ${DEFAULT-VALUE})")
  int series;

  @Option(names = "--label-shape", defaultValue = "kubernetes",
      description = "kubernetes | static | synthetic: realistic labels of a pod or static scrape, or the old rwlt_ shape (default ${DEFAULT-VALUE})")
  String labelShape;

  @Option(names = "--idle-series", description = "percent of series whose values never change "
      + "(default: 70 with realistic label shapes, as in captured Prometheus traffic; 0 with synthetic)")
  Double idleSeries;

  @Option(names = "--labels", description = "extra labels label_N per series (default: 0, or 2 with --label-shape synthetic)")
  Integer labels;

  @Option(names = "--label-cardinality", defaultValue = "10", description = "values per extra label (default ${DEFAULT-VALUE})")
  int labelCardinality;

  @Option(names = "--targets", defaultValue = "0",
      description = "distinct instance values (default: one per 500 series, or 10 with --label-shape synthetic)")
  int targets;

  @Option(names = "--series-per-metric", defaultValue = "10", description = "units per metric name, --label-shape synthetic only (default ${DEFAULT-VALUE})")
  int seriesPerMetric;

  @Option(names = "--mix", defaultValue = "counter=40,gauge=40,histogram=10,native=5,summary=5",
      description = "share of series per kind (default ${DEFAULT-VALUE})")
  String mix;

  @Option(names = "--churn-per-minute", defaultValue = "0", description = "percent of series replaced per minute")
  double churn;

  @Option(names = "--exemplars", defaultValue = "0", description = "percent of counter/bucket samples with an exemplar")
  double exemplars;

  @Option(names = "--metadata", description = "send metadata (RW 1.0: a request per minute; RW 2.0: per series)")
  boolean metadata;

  @Option(names = "--samples-per-request", defaultValue = "2000", description = "(default ${DEFAULT-VALUE})")
  int samplesPerRequest;

  @Option(names = "--concurrency", defaultValue = "4", description = "sender shards (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--rate", description = "samples/s, open loop; absent: max rate (closed loop)")
  Double rate;

  @Option(names = "--duration", defaultValue = "60s", description = "(default ${DEFAULT-VALUE})")
  Duration duration;

  @Option(names = "--timeout", defaultValue = "30s", description = "per request (default ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--queue-depth", defaultValue = "16", description = "requests encoded ahead per shard (default ${DEFAULT-VALUE})")
  int queueDepth;

  @Option(names = "--generators", description = "encoding threads (default: cores / 2)")
  Integer generators;

  @Option(names = "--replay", description = "encode one round per shard before the run and send it again and again "
      + "(timestamps repeat: for null sinks and relays that do not check sample order)")
  boolean replay;

  @Option(names = "--replay-budget", defaultValue = "1GiB", description = "most body bytes --replay may hold (default ${DEFAULT-VALUE})")
  String replayBudget;

  @Option(names = "--header", description = "extra request header NAME=VALUE (repeatable)")
  Map<String, String> headers = Map.of();

  @Option(names = "--seed", defaultValue = "1", description = "varies label values and exemplars")
  long seed;

  @Option(names = "--report", description = "write the report as JSON to this file")
  Path report;

  @Option(names = "--html", description = "write a self-contained HTML report (charts over time) to this file")
  Path html;

  @Option(names = "--gzip", description = "--protocol otlp: gzip bodies (Content-Encoding: gzip)")
  boolean gzip;

  @Override
  public Integer call() throws Exception {
    RunOptions.Protocol p;
    switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
      case "rw1" -> p = RunOptions.Protocol.RW1;
      case "rw2" -> p = RunOptions.Protocol.RW2;
      case "otlp" -> p = RunOptions.Protocol.OTLP;
      default -> {
        System.err.println("cannot parse --protocol \"" + protocol + "\": rw1, rw2 or otlp");
        return 2;
      }
    }
    WorkloadSpec spec;
    RunOptions options;
    try {
      LabelShape shape = LabelShape.parse(labelShape);
      int extra = labels != null ? labels : shape.realistic() ? 0 : 2;
      spec = new WorkloadSpec(series, extra, labelCardinality, targets, seriesPerMetric, TypeMix.parse(mix),
          churn, exemplars, metadata, samplesPerRequest, seed, shape,
          idleSeries != null ? idleSeries : shape.realistic() ? WorkloadSpec.DEFAULT_IDLE_PERCENT : 0);
      int gen = generators != null ? generators : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
      if (replay && churn > 0) {
        throw new IllegalArgumentException("cannot --replay with --churn-per-minute: replayed series never change");
      }
      options = new RunOptions(target, p, rate == null ? 0 : rate, concurrency, duration, queueDepth, gen,
          timeout, headers, report, html, gzip, replay ? io.rwgateway.loadtest.ByteSizes.parse(replayBudget) : 0);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    RunReport r = new LoadRunner(spec, options, System.err).run();
    System.out.print(r.text());
    if (report != null) {
      Files.writeString(report, r.json());
    }
    if (html != null) {
      Files.writeString(html, HtmlReport.render(r));
    }
    return 0;
  }
}
