package io.rwgateway.translators.rw1;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The captured Prometheus and vmagent payloads decode to exactly what MANIFEST.md counts. */
class Rw1FixturesTest {
  private static final Pattern ROW = Pattern.compile("^\\| `(rw1-[^`]+)` \\|.*\\| (\\d+) series, (\\d+) samples, "
      + "(\\d+) hist, (\\d+) exemplars, (\\d+) stale \\| (\\d+) \\|");
  private static final Map<String, long[]> MANIFEST = new HashMap<>();

  private final MetadataStore store = new MetadataStore(10_000, Duration.ofMinutes(10));
  private final Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), store);

  static List<String> fixtures() {
    return Fixtures.rw1Bodies();
  }

  @BeforeAll
  static void readManifest() throws IOException {
    for (String line : Files.readAllLines(Fixtures.root().resolve("MANIFEST.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        long[] counts = new long[6];
        for (int i = 0; i < 6; i++) {
          counts[i] = Long.parseLong(m.group(i + 2));
        }
        MANIFEST.put(m.group(1), counts);
      }
    }
  }

  @Test
  void manifestListsEveryFixture() {
    assertThat(MANIFEST.keySet()).containsExactlyInAnyOrderElementsOf(fixtures());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void decodesTheCountsTheManifestLists(String fixture) throws Exception {
    long[] expected = MANIFEST.get(fixture);
    assertThat(expected).as("manifest row for " + fixture).isNotNull();
    byte[] raw = Fixtures.decoded(fixture);
    DecodedRequest d = decoder.decode(raw, 0, raw.length);
    MetricBatch batch = d.batch();
    long stale = 0;
    long exemplarOnly = 0;
    long histogramSeries = 0;
    for (Series s : batch.series()) {
      for (int i = 0; i < s.sampleCount(); i++) {
        stale += s.valueBits(i) == Rw1DecoderTest.STALE_NAN ? 1 : 0;
      }
      exemplarOnly += s.isExemplarOnly() ? 1 : 0;
      histogramSeries += s.histograms().isEmpty() ? 0 : 1;
    }
    assertThat(d.rejections().isEmpty()).as(d.rejections()::summary).isTrue();
    // Prometheus never mixes samples and histograms in one TimeSeries, so wire TimeSeries = series.
    assertThat(Rw1Proto.WriteRequest.parseFrom(raw).getTimeseriesCount()).isEqualTo(expected[0]);
    assertThat((long) batch.series().size()).as("series").isEqualTo(expected[0]);
    assertThat(batch.sampleCount()).as("samples").isEqualTo(expected[1]);
    assertThat(batch.histogramCount()).as("histograms").isEqualTo(expected[2]);
    assertThat(batch.exemplarCount()).as("exemplars").isEqualTo(expected[3]);
    assertThat(stale).as("stale markers").isEqualTo(expected[4]);
    assertThat((long) d.metadataEntries()).as("metadata entries").isEqualTo(expected[5]);
    // Prometheus sends each exemplar and each native histogram in a TimeSeries of its own.
    assertThat(exemplarOnly).as("exemplar-only series").isEqualTo(expected[3]);
    assertThat(histogramSeries).as("histogram series").isEqualTo(expected[2]);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void agreesWithTheGeneratedParser(String fixture) throws Exception {
    byte[] raw = Fixtures.decoded(fixture);
    DecodedRequest d = decoder.decode(raw, 0, raw.length);
    assertThat(BatchText.lines(d.batch())).isEqualTo(ProtoOracle.lines(Rw1Proto.WriteRequest.parseFrom(raw), store));
  }

  @Test
  void joinsPrometheusMetadataToTheSeriesOfLaterRequests() throws Exception {
    byte[] metadataOnly = Fixtures.decoded("rw1-prometheus/0003.body");
    DecodedRequest m = decoder.decode(metadataOnly, 0, metadataOnly.length);
    assertThat(m.batch().isEmpty()).isTrue();
    assertThat(store.size()).isEqualTo(208);
    byte[] raw = Fixtures.decoded("rw1-prometheus/0004.body");
    MetricBatch batch = decoder.decode(raw, 0, raw.length).batch();
    Map<String, String> byName = new HashMap<>();
    for (Series s : batch.series()) {
      byName.put(batch.labelValue(s, "__name__"), s.type() + "|" + batch.symbol(s.helpRef()) + "|"
          + batch.symbol(s.unitRef()));
    }
    assertThat(byName).containsEntry("go_memstats_alloc_bytes_total",
            "COUNTER|Total number of bytes allocated, even if freed.|")
        .containsEntry("go_gc_duration_seconds", "SUMMARY|A summary of the pause duration of garbage collection cycles.|")
        .containsEntry("go_gc_duration_seconds_count", "SUMMARY|A summary of the pause duration of garbage collection cycles.|")
        .containsEntry("prometheus_http_request_duration_seconds_bucket", "HISTOGRAM|Histogram of latencies for HTTP requests.|")
        .containsEntry("demo_requests_total", "COUNTER|Requests served.|")
        .containsEntry("demo_request_duration_seconds_sum", "HISTOGRAM|Request latency.|seconds")
        .containsEntry("demo_build_info", "INFO|Build information.|")
        .containsEntry("demo_temperature_celsius", "GAUGE|A gauge.|");
    long unknown = batch.series().stream().filter(s -> s.type() == MetricType.UNSPECIFIED).count();
    assertThat(unknown).isLessThan(batch.series().size() / 10);
  }
}
