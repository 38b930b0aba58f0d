package io.rwgateway.translators.rw2;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.model.IdBatches;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricBatchBuilder;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.model.SymbolGeneration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batches of dictionary ids encode to exactly the bytes their strings would (docs/dictionary.md
 * step 4): the request table is keyed by id and filled with the dictionary's bytes when every
 * batch is of one generation, and by string otherwise.
 */
class Rw2EncoderDictionaryTest {
  private static final long T = 1_700_000_000_000L;
  private final Rw2Encoder encoder = new Rw2Encoder();

  private static List<MetricBatch> window() {
    MetricBatchBuilder a = new MetricBatchBuilder();
    a.series("__name__", "rpc_bucket", "le", "1").exemplar(T + 20, 0.9, "trace_id", "late").add();
    a.series("__name__", "rpc_bucket", "le", "1").type(MetricType.HISTOGRAM).help("Latency. äöü ✓")
        .unit("seconds").sample(T, 4).exemplar(T + 10, 0.7, "trace_id", "own").add();
    a.series("__name__", "temperature", "city", "Zürich", "job", "a").sample(T, 21.5).add();
    MetricBatchBuilder b = new MetricBatchBuilder();
    b.symbol("unused in b");
    b.series("le", "1", "__name__", "rpc_bucket").exemplar(T + 5, 0.5, "trace_id", "early").add();
    b.series("__name__", "temperature", "city", "Zürich", "job", "a").sample(T + 1000, 22).add();
    b.series("__name__", "up", "job", "b").sample(T, 1).add();
    return List.of(a.build(), b.build());
  }

  private static String bytes(EncodedRequest r) throws Exception {
    return java.util.HexFormat.of().formatHex(Rw2EncoderTest.protobuf(r));
  }

  @Test
  void batchesOfOneGenerationEncodeToTheBytesOfTheirStrings() throws Exception {
    SymbolGeneration g = new SymbolDictionary(256, 256, 1 << 20).current();
    List<MetricBatch> strings = window();
    List<MetricBatch> ids = strings.stream().map(b -> IdBatches.of(b, g)).toList();

    assertThat(bytes(encoder.encode(ids))).isEqualTo(bytes(encoder.encode(strings)));
  }

  @Test
  void batchesOfTwoGenerationsOrOfStringsEncodeToTheSameBytesToo() throws Exception {
    SymbolGeneration g1 = new SymbolDictionary(256, 256, 1 << 20).current();
    SymbolGeneration g2 = new SymbolDictionary(256, 256, 1 << 20).current();
    g2.intern(new byte[] {'x'}, 0, 1);
    List<MetricBatch> strings = window();

    assertThat(bytes(encoder.encode(List.of(IdBatches.of(strings.get(0), g1), IdBatches.of(strings.get(1), g2)))))
        .isEqualTo(bytes(encoder.encode(strings)));
    assertThat(bytes(encoder.encode(List.of(IdBatches.of(strings.get(0), g1), strings.get(1)))))
        .isEqualTo(bytes(encoder.encode(strings)));
  }
}
