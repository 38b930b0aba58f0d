package io.rwgateway.translators.rw1;

import static io.rwgateway.translators.rw1.Rw1DecoderTest.request;
import static io.rwgateway.translators.rw1.Rw1DecoderTest.sample;
import static io.rwgateway.translators.rw1.Rw1DecoderTest.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.FamilyMetadata;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.model.SymbolDictionary;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label strings become ids of the shared {@link SymbolDictionary} at decode (docs/dictionary.md
 * step 2): batches of one generation share ids across decoders, a request that meets a full
 * generation starts over in the next one, and the batches already decoded keep reading their own
 * strings whatever generations came after them.
 */
class Rw1DecoderDictionaryTest {
  private final MetadataStore store = new MetadataStore(1000, Duration.ofMinutes(10));

  private static MetricBatch decode(Rw1Decoder decoder, Rw1Proto.WriteRequest request) throws InvalidPayloadException {
    byte[] bytes = request.toByteArray();
    return decoder.decode(bytes, 0, bytes.length).batch();
  }

  private Rw1Decoder decoder(SymbolDictionary dictionary) {
    return new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), dictionary, store);
  }

  /** Request {@code r}: {@code n} series with values unique to the request. */
  private static Rw1Proto.WriteRequest distinct(int r, int n) {
    Rw1Proto.TimeSeries.Builder[] list = new Rw1Proto.TimeSeries.Builder[n];
    for (int i = 0; i < n; i++) {
      list[i] = series("__name__", "m" + (i % 3), "id", r + "-" + i, "job", "j").addSamples(sample(i, 1000 + r));
    }
    return request(list);
  }

  @Test
  void decodersSharingADictionaryGiveTheSameIdsForTheSameStrings() throws Exception {
    SymbolDictionary dictionary = new SymbolDictionary(64, 1024, 1 << 20);
    MetricBatch a = decode(decoder(dictionary), request(series("__name__", "up", "job", "a").addSamples(sample(1, 1))));
    MetricBatch b = decode(decoder(dictionary), request(
        series("__name__", "down", "job", "b").addSamples(sample(1, 1)),
        series("__name__", "up", "job", "a").addSamples(sample(2, 2))));

    assertThat(a.symbols().generation()).isNotNull().isSameAs(b.symbols().generation());
    int[] ra = a.series().get(0).labelRefs();
    int[] rb = b.series().get(1).labelRefs();
    for (int i = 0; i < ra.length; i++) {
      assertThat(a.symbols().id(ra[i])).as("label string %d", i).isEqualTo(b.symbols().id(rb[i]));
    }
  }

  @Test
  void aRequestThatFillsTheGenerationStartsOverInTheNextAndDecodesTheSame() throws Exception {
    // Metadata answers are remembered by metric name id: a new generation must not reuse them.
    store.put("m0", new FamilyMetadata(MetricType.GAUGE, "help of m0", "bytes"));
    store.put("m1", new FamilyMetadata(MetricType.COUNTER, "help of m1", ""));
    SymbolDictionary small = new SymbolDictionary(16, 1 << 12, 1 << 20);
    SymbolDictionary roomy = new SymbolDictionary(1 << 12, 1 << 12, 1 << 20);
    Rw1Decoder decoder = decoder(small);
    Rw1Decoder reference = decoder(roomy);
    List<MetricBatch> held = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int r = 0; r < 20; r++) {
      Rw1Proto.WriteRequest request = distinct(r, 25);
      MetricBatch batch = decode(decoder, request);
      held.add(batch);
      expected.add(BatchText.lines(decode(reference, request)));
      assertThat(BatchText.lines(batch)).as("request %d", r).isEqualTo(expected.get(r));
    }
    assertThat(small.generationsStarted()).as("generations").isGreaterThan(3);
    assertThat(expected.get(19)).anySatisfy(line -> assertThat(line).contains("help of m0").contains("bytes"))
        .anySatisfy(line -> assertThat(line).contains("COUNTER"));
    // Every batch still reads its own strings: its generation stays as long as the batch does.
    for (int r = 0; r < held.size(); r++) {
      assertThat(BatchText.lines(held.get(r))).as("held request %d", r).isEqualTo(expected.get(r));
    }
  }

  @Test
  void aRequestWithMoreDistinctStringsThanAGenerationHoldsIsRefused() {
    SymbolDictionary tiny = new SymbolDictionary(8, 32, 1 << 20);
    assertThatThrownBy(() -> decode(decoder(tiny), distinct(0, 40)))
        .isInstanceOfSatisfying(InvalidPayloadException.class,
            e -> assertThat(e.reason()).isEqualTo("too_many_symbols"))
        .hasMessageContaining("(32)");
  }

  @Test
  void aGenerationFullByBytesAlsoStartsOver() throws Exception {
    SymbolDictionary byBytes = new SymbolDictionary(1 << 10, 1 << 10, 200);
    Rw1Decoder decoder = decoder(byBytes);
    for (int r = 0; r < 10; r++) {
      Rw1Proto.WriteRequest request = distinct(r, 8);
      assertThat(BatchText.lines(decode(decoder, request)))
          .isEqualTo(BatchText.lines(decode(decoder(SymbolDictionary.standalone()), request)));
    }
    assertThat(byBytes.generationsStarted()).isGreaterThan(1);
  }
}
