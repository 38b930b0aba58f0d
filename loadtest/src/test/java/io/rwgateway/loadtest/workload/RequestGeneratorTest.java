package io.rwgateway.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw1.Rw1Encoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

  private RequestGenerator generator(WorkloadSpec spec, boolean rw2) {
    SeriesSet set = new SeriesSet(spec, new TypeLayout(spec.series(), spec.mix()), 0, 1);
    return new RequestGenerator(spec, set, rw2 ? new Rw2Encoder() : new Rw1Encoder(), rw2 && spec.metadata(), clock::get);
  }

  private static DecodedRequest decodeRw2(Payload p) throws Exception {
    byte[] raw = SnappyBlock.uncompress(p.body(), 0, p.body().length, 1 << 26);
    return new Rw2Decoder(DecodeLimits.DEFAULTS).decode(raw, 0, raw.length);
  }

  private static DecodedRequest decodeRw1(Payload p) throws Exception {
    byte[] raw = SnappyBlock.uncompress(p.body(), 0, p.body().length, 1 << 26);
    return new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), new MetadataStore(1000, Duration.ofHours(1)))
        .decode(raw, 0, raw.length);
  }

  @Test
  void aRoundIsOneSampleOfEverySeriesSplitBySamplesPerRequest() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(1000).withRequests(300, 0, false);
    RequestGenerator g = generator(spec, false);
    List<Payload> round = new ArrayList<>();
    long points = 0;
    while (points < 1000) {
      Payload p = g.next();
      round.add(p);
      points += p.points();
    }
    assertThat(points).isEqualTo(1000);
    assertThat(round).extracting(Payload::points).containsExactly(300L, 300L, 300L, 100L);
    assertThat(g.rounds()).isEqualTo(1);
    long decodedSamples = 0;
    long decodedHistograms = 0;
    for (Payload p : round) {
      DecodedRequest d = decodeRw1(p);
      assertThat(d.rejections().isEmpty()).isTrue();
      decodedSamples += d.batch().sampleCount();
      decodedHistograms += d.batch().histogramCount();
    }
    assertThat(decodedHistograms).isEqualTo(50);
    assertThat(decodedSamples).isEqualTo(950);
  }

  @Test
  void rw2SeriesCarryTypeAndHelpWhenMetadataIsAsked() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(100).withRequests(2000, 0, true);
    MetricBatch b = decodeRw2(generator(spec, true).next()).batch();
    assertThat(b.series()).hasSize(100);
    Map<MetricType, Integer> types = new HashMap<>();
    for (Series s : b.series()) {
      types.merge(s.type(), 1, Integer::sum);
      assertThat(b.symbol(s.helpRef())).matches("[A-Z].{30,}\\.");
    }
    assertThat(types).containsEntry(MetricType.COUNTER, 40).containsEntry(MetricType.GAUGE, 40)
        .containsEntry(MetricType.HISTOGRAM, 15).containsEntry(MetricType.SUMMARY, 5);
  }

  @Test
  void countersGrowAndTimestampsAdvanceFromRoundToRound() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(50).withMix(TypeMix.parse("counter=1")).withLabelShape(LabelShape.SYNTHETIC);
    RequestGenerator g = generator(spec, true);
    MetricBatch first = decodeRw2(g.next()).batch();
    MetricBatch second = decodeRw2(g.next()).batch();
    assertThat(g.rounds()).isEqualTo(2);
    for (int i = 0; i < 50; i++) {
      Series a = first.series().get(i);
      Series b = second.series().get(i);
      assertThat(second.labelsText(b)).isEqualTo(first.labelsText(a));
      assertThat(b.value(0)).isGreaterThan(a.value(0));
      assertThat(b.timestamp(0)).isEqualTo(a.timestamp(0) + 1);
    }
  }

  @Test
  void realisticCountersNeverGoDownAndMostSeriesKeepTheirValue() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(2000).withRequests(2000, 0, true);
    RequestGenerator g = generator(spec, true);
    List<MetricBatch> rounds = new ArrayList<>();
    for (int r = 0; r < 8; r++) {
      rounds.add(decodeRw2(g.next()).batch());
    }
    int kept = 0;
    int counters = 0;
    int floats = 0;
    MetricBatch first = rounds.get(0);
    for (int i = 0; i < first.series().size(); i++) {
      boolean same = true;
      for (int r = 1; r < rounds.size(); r++) {
        Series a = rounds.get(r - 1).series().get(i);
        Series b = rounds.get(r).series().get(i);
        assertThat(rounds.get(r).labelsText(b)).isEqualTo(rounds.get(r - 1).labelsText(a));
        if (a.type() == MetricType.COUNTER) {
          assertThat(b.value(0)).isGreaterThanOrEqualTo(a.value(0));
        }
        same &= a.sampleCount() > 0 && Double.doubleToLongBits(a.value(0)) == Double.doubleToLongBits(b.value(0));
      }
      if (first.series().get(i).sampleCount() == 0) {
        continue; // native histograms
      }
      floats++;
      counters += first.series().get(i).type() == MetricType.COUNTER ? 1 : 0;
      kept += same ? 1 : 0;
    }
    assertThat(counters).isPositive();
    // 70% of units idle by default (docs/labels-comparison.md): about that share of series never change.
    assertThat(kept / (double) floats).isBetween(0.6, 0.85);
  }

  @Test
  void exemplarsGoOnAboutTheAskedShareOfCounterSamples() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(10_000).withMix(TypeMix.parse("counter=1")).withRequests(10_000, 10, false);
    Payload p = generator(spec, true).next();
    assertThat(p.exemplars()).isBetween(850L, 1150L);
    assertThat(decodeRw2(p).batch().exemplarCount()).isEqualTo(p.exemplars());
  }

  @Test
  void rw1MetadataRequestListsEveryFamily() throws Exception {
    WorkloadSpec spec = WorkloadSpec.of(1000).withLabelShape(LabelShape.SYNTHETIC);
    List<Rw1MetadataEncoder.Family> families = RequestGenerator.families(spec, new TypeLayout(1000, spec.mix()));
    // 400 counters and 400 gauges in families of 10, 10 histograms, 50 natives (5 families), 10 summaries.
    assertThat(families).hasSize(40 + 40 + 1 + 5 + 1);
    Payload p = Rw1MetadataEncoder.encode(families);
    DecodedRequest d = decodeRw1(p);
    assertThat(d.metadataEntries()).isEqualTo(families.size());
    assertThat(d.batch().series()).isEmpty();
    assertThat(p.metadata()).isEqualTo(families.size());
    assertThat(p.points()).isZero();
  }
}
