package io.rwgateway.loadtest.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkCounterTest {
  private static final Path FIXTURES = Path.of(System.getProperty("rwgateway.fixtures", "../../shared/fixtures"));
  private final SinkCounter counter = new SinkCounter(DecodeLimits.DEFAULTS);

  /** 3 series: 2 float samples, 1 sample with an exemplar, 1 native histogram. */
  static MetricBatch knownBatch() {
    MetricBatchBuilder b = new MetricBatchBuilder();
    b.series("__name__", "up", "job", "a").sample(1000, 1).sample(2000, 1).add();
    b.series("__name__", "req_total", "job", "a").sample(1000, 5).exemplar(1000, 0.5, "trace_id", "abc").add();
    Histogram h = new Histogram(false, 3, 0, Double.doubleToRawLongBits(4.5), 0, 0, 1, 0, null, null, null,
        new int[] {0, 2}, new long[] {1, 0}, null, 0, 1000, null, 0);
    b.series("__name__", "lat", "job", "a").histogram(h).add();
    return b.build();
  }

  @Test
  void countsAnRw2PayloadBuiltWithTheEncoder() throws Exception {
    EncodedRequest r = new Rw2Encoder().encode(List.of(knownBatch()));
    RequestCounts c = counter.count(WireProtocol.RW2, r.body(), r.body().length);
    assertThat(c.series()).isEqualTo(3);
    assertThat(c.samples()).isEqualTo(3);
    assertThat(c.histograms()).isEqualTo(1);
    assertThat(c.exemplars()).isEqualTo(1);
    assertThat(c.bytes()).isEqualTo(r.body().length);
    assertThat(c.decodedBytes()).isEqualTo(r.uncompressedBytes());
    assertThat(c.rejectedSeries()).isZero();
  }

  @Test
  void countsAnRw1PayloadBuiltWithTheEncoder() throws Exception {
    EncodedRequest r = new Rw1Encoder().encode(List.of(knownBatch()));
    RequestCounts c = counter.count(WireProtocol.RW1, r.body(), r.body().length);
    assertThat(c.samples()).isEqualTo(3);
    assertThat(c.histograms()).isEqualTo(1);
    assertThat(c.exemplars()).isEqualTo(1);
    assertThat(c.metadata()).isZero();
  }

  @Test
  void countsCapturedPrometheusRequestsAsTheManifestSays() throws Exception {
    // MANIFEST.md: 0001 435 series/samples, 0003 metadata only (208 entries), 0011 467 with 24 stale.
    assertThat(fixture("rw1-prometheus/0001.body")).extracting(RequestCounts::series, RequestCounts::samples)
        .containsExactly(435L, 435L);
    RequestCounts meta = fixture("rw1-prometheus/0003.body");
    assertThat(meta.metadata()).isEqualTo(208);
    assertThat(meta.samples()).isZero();
    assertThat(fixture("rw1-prometheus/0011.body").samples()).isEqualTo(467);
    RequestCounts native1 = fixture("rw1-prometheus-native-exemplars/0001.body");
    assertThat(native1.samples()).isEqualTo(404);
    assertThat(native1.histograms()).isEqualTo(1);
    assertThat(native1.exemplars()).isEqualTo(1);
  }

  @Test
  void refusesBodiesThatAreNotSnappy() {
    byte[] junk = {1, 2, 3, 4, 5};
    assertThatThrownBy(() -> counter.count(WireProtocol.RW1, junk, junk.length))
        .isInstanceOf(InvalidPayloadException.class);
  }

  @Test
  void statsAddUpRequestsPerProtocol() throws Exception {
    SinkStats stats = new SinkStats();
    EncodedRequest r2 = new Rw2Encoder().encode(List.of(knownBatch()));
    EncodedRequest r1 = new Rw1Encoder().encode(List.of(knownBatch()));
    stats.add(counter.count(WireProtocol.RW2, r2.body(), r2.body().length));
    stats.add(counter.count(WireProtocol.RW2, r2.body(), r2.body().length));
    stats.add(counter.count(WireProtocol.RW1, r1.body(), r1.body().length));
    assertThat(stats.get(WireProtocol.RW2, "samples")).isEqualTo(6);
    assertThat(stats.get(WireProtocol.RW1, "requests")).isEqualTo(1);
    assertThat(stats.total("histograms")).isEqualTo(3);
    assertThat(stats.json()).contains("\"points\": 12");
    assertThat(stats.prometheusText()).contains("rw_sink_received_samples_total{protocol=\"rw2\"} 6");
  }

  private RequestCounts fixture(String name) throws Exception {
    byte[] body = Files.readAllBytes(FIXTURES.resolve(name));
    return counter.count(WireProtocol.RW1, body, body.length);
  }
}
