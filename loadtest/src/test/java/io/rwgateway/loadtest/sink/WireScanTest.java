package io.rwgateway.loadtest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.loadtest.workload.Payload;
import io.rwgateway.loadtest.workload.RequestGenerator;
import io.rwgateway.loadtest.workload.Rw1MetadataEncoder;
import io.rwgateway.loadtest.workload.SeriesSet;
import io.rwgateway.loadtest.workload.TypeLayout;
import io.rwgateway.loadtest.workload.WorkloadSpec;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireScanTest {
  private static final Path FIXTURES = Path.of(System.getProperty("rwgateway.fixtures", "../../shared/fixtures"));
  private final SinkCounter full = new SinkCounter(DecodeLimits.DEFAULTS);
  private final SinkCounter scan = new SinkCounter(DecodeLimits.DEFAULTS, true);

  @Test
  void countsTheKnownBatchInBothProtocols() throws Exception {
    for (WireProtocol p : List.of(WireProtocol.RW1, WireProtocol.RW2)) {
      EncodedRequest r = (p == WireProtocol.RW2 ? new Rw2Encoder() : new Rw1Encoder())
          .encode(List.of(SinkCounterTest.knownBatch()));
      RequestCounts c = scan.count(p, r.body(), r.body().length);
      assertThat(c.series()).as(p.name()).isEqualTo(3);
      assertThat(c.samples()).as(p.name()).isEqualTo(3);
      assertThat(c.histograms()).as(p.name()).isEqualTo(1);
      assertThat(c.exemplars()).as(p.name()).isEqualTo(1);
      assertThat(c.decodedBytes()).isEqualTo(r.uncompressedBytes());
    }
  }

  @Test
  void agreesWithTheFullDecodeOnGeneratedWorkloads() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(3000).withRequests(1000, 20, true);
    TypeLayout layout = new TypeLayout(spec.series(), spec.mix());
    for (WireProtocol p : List.of(WireProtocol.RW1, WireProtocol.RW2)) {
      boolean rw2 = p == WireProtocol.RW2;
      RequestGenerator g = new RequestGenerator(spec, new SeriesSet(spec, layout, 0, 1),
          rw2 ? new Rw2Encoder() : new Rw1Encoder(), rw2, () -> 1_700_000_000_000L);
      for (int i = 0; i < 3; i++) {
        Payload body = g.next();
        RequestCounts a = full.count(p, body.body(), body.body().length);
        RequestCounts b = scan.count(p, body.body(), body.body().length);
        assertThat(b.samples()).isEqualTo(a.samples()).isEqualTo(body.samples());
        assertThat(b.histograms()).isEqualTo(a.histograms()).isEqualTo(body.histograms());
        assertThat(b.exemplars()).isEqualTo(a.exemplars()).isEqualTo(body.exemplars()).isPositive();
      }
    }
    Payload meta = Rw1MetadataEncoder.encode(RequestGenerator.families(spec, layout));
    assertThat(scan.count(WireProtocol.RW1, meta.body(), meta.body().length).metadata()).isEqualTo(meta.metadata());
  }

  @Test
  void countsCapturedPrometheusRequestsAsTheManifestSays() throws Exception {
    byte[] body = Files.readAllBytes(FIXTURES.resolve("rw1-prometheus-native-exemplars/0001.body"));
    RequestCounts c = scan.count(WireProtocol.RW1, body, body.length);
    assertThat(c.samples()).isEqualTo(404);
    assertThat(c.histograms()).isEqualTo(1);
    assertThat(c.exemplars()).isEqualTo(1);
  }
}
