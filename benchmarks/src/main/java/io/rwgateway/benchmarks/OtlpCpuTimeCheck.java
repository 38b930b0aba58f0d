package io.rwgateway.benchmarks;

import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.rwgateway.translators.otlp.OtlpOptions;
import io.rwgateway.translators.otlp.OtlpTranslator;
import java.lang.management.ManagementFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cross-check of {@link OtlpTranslateBenchmark} that holds up on a shared machine: the same five
 * paths on the same workloads, alternated every 0.3 s of wall time for 15 rounds (after 10 warm-up
 * rounds), each round timed in thread CPU time, so time slices lost to other processes do not count.
 * Prints the median (and quartiles) CPU µs per request and the data points per CPU second.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.rwgateway.benchmarks.OtlpCpuTimeCheck}
 */
public final class OtlpCpuTimeCheck {
  private OtlpCpuTimeCheck() {}

  private interface Op {
    Object run() throws Exception;
  }
  private static byte[] resource(String path) throws java.io.IOException {
    try (InputStream in = OtlpCpuTimeCheck.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  public static void main(String[] args) throws Exception {
    var mx = ManagementFactory.getThreadMXBean();
    for (String w : new String[] {OtlpTranslateBenchmark.OTEL_JS, OtlpTranslateBenchmark.SYNTHETIC}) {
      byte[] proto; String json;
      if (w.equals(OtlpTranslateBenchmark.OTEL_JS)) {
        proto = resource("/fixtures/otlp-js/0001.body");
        json = new String(resource("/fixtures/otlp-js/0003.body"), StandardCharsets.UTF_8);
      } else {
        ExportMetricsServiceRequest r = OtlpTranslateBenchmark.synthetic();
        proto = r.toByteArray(); json = JsonFormat.printer().omittingInsignificantWhitespace().print(r);
      }
      var tr = new OtlpTranslator(OtlpOptions.defaults());
      var parsed = ExportMetricsServiceRequest.parseFrom(proto);
      long points = tr.translate(parsed).acceptedDataPoints();
      var parser = JsonFormat.parser().ignoringUnknownFields();
      Map<String, Op> ops = new LinkedHashMap<>();
      ops.put("protobufParseAndTranslate", () -> tr.translate(ExportMetricsServiceRequest.parseFrom(proto)));
      ops.put("protobufParseOnly", () -> ExportMetricsServiceRequest.parseFrom(proto));
      ops.put("translateOnly", () -> tr.translate(parsed));
      ops.put("jsonParseAndTranslate", () -> { var b = ExportMetricsServiceRequest.newBuilder(); parser.merge(json, b); return tr.translate(b.build()); });
      ops.put("jsonParseOnly", () -> { var b = ExportMetricsServiceRequest.newBuilder(); parser.merge(json, b); return b.build(); });
      Map<String, List<Double>> us = new LinkedHashMap<>();
      for (int round = -10; round < 15; round++) {
        for (var e : ops.entrySet()) {
          long wallEnd = System.nanoTime() + 300_000_000L; long cpu0 = mx.getCurrentThreadCpuTime(); long n = 0;
          while (System.nanoTime() < wallEnd) { for (int i = 0; i < 8; i++) e.getValue().run(); n += 8; }
          double perOp = (mx.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
          if (round >= 0) us.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(perOp);
        }
      }
      for (var e : us.entrySet()) {
        List<Double> l = e.getValue(); Collections.sort(l);
        double med = l.get(l.size() / 2);
        System.out.printf("%s %s %.1f us/request (p25 %.1f, p75 %.1f) = %.0f points/s of CPU%n", w, e.getKey(), med,
            l.get(l.size() / 4), l.get(3 * l.size() / 4), points / med * 1e6);
      }
    }
  }
}
