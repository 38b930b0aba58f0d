package io.rwgateway.translators.rw2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RW 2.0 symbols become ids of the shared dictionary (docs/dictionary.md step 2): a request that
 * meets a full generation starts over in the next one, and held batches keep their strings.
 */
class Rw2DecoderDictionaryTest {
  private static byte[] request(int r, int n) throws Exception {
    MetricBatchBuilder b = new MetricBatchBuilder();
    for (int i = 0; i < n; i++) {
      b.series("__name__", "m" + (i % 3), "id", r + "-" + i).sample(1000 + r, i).add();
    }
    EncodedRequest e = new Rw2Encoder().encode(List.of(b.build()));
    return SnappyBlock.uncompress(e.body(), 0, e.body().length, 1 << 20);
  }

  @Test
  void aRequestThatFillsTheGenerationStartsOverAndHeldBatchesKeepTheirStrings() throws Exception {
    SymbolDictionary small = new SymbolDictionary(16, 1 << 12, 1 << 20);
    Rw2Decoder decoder = new Rw2Decoder(DecodeLimits.DEFAULTS, small);
    List<MetricBatch> held = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int r = 0; r < 20; r++) {
      byte[] raw = request(r, 25);
      held.add(decoder.decode(raw, 0, raw.length).batch());
      expected.add(BatchText.lines(new Rw2Decoder(DecodeLimits.DEFAULTS).decode(raw, 0, raw.length).batch()));
      assertThat(held.get(r).symbols().generation()).isSameAs(small.current());
    }
    assertThat(small.generationsStarted()).isGreaterThan(3);
    for (int r = 0; r < held.size(); r++) {
      assertThat(BatchText.lines(held.get(r))).as("request %d", r).isEqualTo(expected.get(r)).hasSize(25);
    }
  }

  @Test
  void aRequestWithMoreDistinctSymbolsThanAGenerationHoldsIsRefused() throws Exception {
    byte[] raw = request(0, 40);
    Rw2Decoder decoder = new Rw2Decoder(DecodeLimits.DEFAULTS, new SymbolDictionary(8, 32, 1 << 20));
    assertThatThrownBy(() -> decoder.decode(raw, 0, raw.length))
        .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.reason()).isEqualTo("too_many_symbols"));
  }
}
