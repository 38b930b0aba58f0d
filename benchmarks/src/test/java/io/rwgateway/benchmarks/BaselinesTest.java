package io.rwgateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.rw2.Rw2Decoder;
import io.rwgateway.translators.rw2.Rw2Encoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated-classes baselines must do the same work as the hand-written paths, or the
 * benchmarks compare unlike things: same batches out of the same bytes, same rejections.
 */
class BaselinesTest {

  @ParameterizedTest
  @ValueSource(strings = {Payloads.PROMETHEUS, Payloads.SYNTHETIC})
  void generatedRw1PathDecodesWhatTheHandDecoderDecodes(String workload) throws Exception {
    Payloads p = Payloads.of(workload);
    StringInterner interner = new StringInterner();
    DecodedRequest hand = new Rw1Decoder(DecodeLimits.DEFAULTS, interner, p.metadataStore(interner))
        .decode(p.rw1(), 0, p.rw1().length);
    DecodedRequest generated = new GeneratedRw1Path(DecodeLimits.DEFAULTS, p.metadataStore(new StringInterner()))
        .decode(p.rw1());

    assertThat(BatchText.lines(generated.batch())).isEqualTo(BatchText.lines(hand.batch())).isNotEmpty();
    assertThat(generated.batch().sampleCount()).isEqualTo(p.samples());
  }

  @ParameterizedTest
  @ValueSource(strings = {Payloads.PROMETHEUS, Payloads.SYNTHETIC})
  void generatedRw2PathDecodesWhatTheHandDecoderDecodes(String workload) throws Exception {
    Payloads p = Payloads.of(workload);
    DecodedRequest hand = new Rw2Decoder(DecodeLimits.DEFAULTS).decode(p.rw2(), 0, p.rw2().length);
    DecodedRequest generated = new GeneratedRw2Path(DecodeLimits.DEFAULTS).decode(p.rw2());

    assertThat(BatchText.lines(generated.batch())).isEqualTo(BatchText.lines(hand.batch())).isNotEmpty();
    assertThat(generated.batch().symbols()).isEqualTo(hand.batch().symbols());
  }

  @ParameterizedTest
  @ValueSource(strings = {Payloads.PROMETHEUS, Payloads.SYNTHETIC})
  void generatedRw2EncoderWritesWhatTheHandEncoderWrites(String workload) throws Exception {
    List<MetricBatch> batches = List.of(Payloads.of(workload).batch());
    EncodedRequest hand = new Rw2Encoder().encode(batches);
    EncodedRequest generated = new GeneratedRw2Encoder().encode(batches);

    assertThat(lines(generated)).isEqualTo(lines(hand)).isEqualTo(BatchText.lines(batches.get(0)));
    assertThat(generated.uncompressedBytes()).isEqualTo(hand.uncompressedBytes());
    assertThat(generated.samples()).isEqualTo(hand.samples());
  }

  @Test
  void baselinesRejectTheSeriesTheHandPathsReject() throws Exception {
    MetricBatch batch = new MetricBatchBuilder()
        .series("__name__", "up", "job", "a").sample(1, 1).add()
        .series("job", "no-name").sample(1, 2).add()
        .build();
    byte[] body = new Rw2Encoder().encode(List.of(batch)).body();
    byte[] rw2 = SnappyBlock.uncompress(body, 0, body.length, 1 << 20);

    DecodedRequest generated = new GeneratedRw2Path(DecodeLimits.DEFAULTS).decode(rw2);

    assertThat(BatchText.lines(generated.batch())).containsExactly("{__name__=\"up\", job=\"a\"} 1.0@1");
    assertThat(generated.rejections().series()).isEqualTo(1);
  }

  @Test
  void syntheticRequestHasTwoThousandSeriesOfTenLabels() {
    MetricBatch batch = SyntheticRequest.batch();

    assertThat(batch.series()).hasSize(SyntheticRequest.SERIES);
    assertThat(batch.series()).allSatisfy(s -> assertThat(s.labelCount()).isEqualTo(10));
    assertThat(batch.sampleCount()).isEqualTo(SyntheticRequest.SERIES);
  }

  @Test
  void prometheusWorkloadJoinsTheCapturedMetadata() {
    MetricBatch batch = Payloads.of(Payloads.PROMETHEUS).batch();

    assertThat(batch.series()).hasSize(467);
    assertThat(batch.series()).anySatisfy(s -> assertThat(s.type()).isEqualTo(MetricType.COUNTER));
  }

  @Test
  void unknownWorkloadIsRefused() {
    assertThatThrownBy(() -> Payloads.of("nope")).hasMessageContaining("unknown workload nope");
  }

  private static List<String> lines(EncodedRequest request) throws Exception {
    byte[] body = SnappyBlock.uncompress(request.body(), 0, request.body().length, 1 << 26);
    return BatchText.lines(new Rw2Decoder(DecodeLimits.DEFAULTS).decode(body, 0, body.length).batch());
  }
}
