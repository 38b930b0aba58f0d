package io.rwgateway.gateway.e2e.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Reads back what a VictoriaMetrics 1.79 peer stored. Every read first calls
 * {@code /internal/force_flush}: ingested rows become searchable only after an in-memory flush
 * (about a second otherwise), and a test wants to see what arrived up to now.
 *
 * <p>Traps of this version: plain NaN samples are dropped on ingestion (a series whose samples were
 * all NaN never shows up, so compare a VictoriaMetrics with another VictoriaMetrics, not with what
 * Prometheus scraped), and export writes non-JSON tokens (see {@link VmExportLine}).
 */
public final class VictoriaMetricsClient {
  /** Selects every series (VictoriaMetrics accepts {@code !=""} on __name__). */
  public static final String ALL_SERIES = "{__name__!=\"\"}";
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  public VictoriaMetricsClient(PeerProcess victoriaMetrics) {
    this(victoriaMetrics.url(""));
  }

  /** {@code baseUrl} like {@code http://127.0.0.1:8428}, no trailing slash. */
  public VictoriaMetricsClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Makes every row ingested so far searchable. */
  public void forceFlush() {
    get("/internal/force_flush");
  }

  /** Number of series in the index ({@code /api/v1/series/count}), after a flush. */
  public long seriesCount() {
    forceFlush();
    JsonObject body = new JsonObject(get("/api/v1/series/count"));
    return body.getJsonArray("data").getLong(0);
  }

  /** Every stored series with all its raw samples. */
  public List<ExportedSeries> exportAll() {
    return export(ALL_SERIES);
  }

  /**
   * Raw samples of the series matching {@code selector} (e.g. {@code up{job="prometheus"}}), one
   * entry per series: VictoriaMetrics may split one series over several export lines, which are
   * merged here (samples sorted by timestamp, duplicates kept: they mean a sample arrived twice).
   */
  public List<ExportedSeries> export(String selector) {
    forceFlush();
    String body = post("/api/v1/export", "match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    Map<SortedMap<String, String>, List<Sample>> merged = new LinkedHashMap<>();
    for (String line : body.split("\n")) {
      if (!line.isBlank()) {
        ExportedSeries series = VmExportLine.parse(line);
        merged.computeIfAbsent(series.labels(), labels -> new ArrayList<>()).addAll(series.samples());
      }
    }
    List<ExportedSeries> result = new ArrayList<>(merged.size());
    for (Map.Entry<SortedMap<String, String>, List<Sample>> series : merged.entrySet()) {
      series.getValue().sort((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()));
      result.add(new ExportedSeries(series.getKey(), series.getValue()));
    }
    return result;
  }

  /** The label sets of every stored series (labels include {@code __name__}). */
  public Set<SortedMap<String, String>> seriesLabels() {
    Set<SortedMap<String, String>> labels = new HashSet<>();
    for (ExportedSeries series : exportAll()) {
      labels.add(series.labels());
    }
    return labels;
  }

  /** Raw samples per series, for series matching {@code selector}. */
  public Map<SortedMap<String, String>, List<Sample>> samplesBySeries(String selector) {
    Map<SortedMap<String, String>, List<Sample>> samples = new LinkedHashMap<>();
    for (ExportedSeries series : export(selector)) {
      samples.put(series.labels(), series.samples());
    }
    return samples;
  }

  /** {@code vm_rows_inserted_total{type="promremotewrite"}}: rows received over remote write. */
  public long remoteWriteRowsInserted() {
    String prefix = "vm_rows_inserted_total{type=\"promremotewrite\"} ";
    for (String line : get("/metrics").split("\n")) {
      if (line.startsWith(prefix)) {
        return Long.parseLong(line.substring(prefix.length()).strip());
      }
    }
    throw new IllegalStateException("cannot find " + prefix.strip() + " in " + baseUrl + "/metrics");
  }

  private String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build());
  }

  private String post(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("cannot query VictoriaMetrics " + request.uri() + " (HTTP "
            + response.statusCode() + "): " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot query VictoriaMetrics " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("cannot query VictoriaMetrics " + request.uri() + ": interrupted", e);
    }
  }
}
