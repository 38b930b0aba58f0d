package io.rwgateway.translators.rw1;

import static io.rwgateway.translators.rw1.Rw1DecoderTest.request;
import static io.rwgateway.translators.rw1.Rw1DecoderTest.sample;
import static io.rwgateway.translators.rw1.Rw1DecoderTest.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.metadata.FamilyMetadata;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder guesses each label from the series before it ({@link SeriesLabels}) and skips the
 * name checks when the names are those of an accepted series. A series must decode exactly as
 * it would alone, whatever came before it.
 */
class Rw1DecoderLabelGuessTest {
  private static final DecodeLimits LIMITS = new DecodeLimits(1 << 20, 4, 8, 6);

  private final MetadataStore store = new MetadataStore(1000, Duration.ofMinutes(10));
  private final Rw1Decoder decoder = new Rw1Decoder(LIMITS, new StringInterner(), store);

  private DecodedRequest decode(byte[] bytes) throws Exception {
    return decoder.decode(bytes, 0, bytes.length);
  }

  @Test
  void decodesEverySeriesAsItWouldDecodeAlone() throws Exception {
    store.put("a", new FamilyMetadata(MetricType.GAUGE, "help of a", ""));
    Random random = new Random(7);
    Rw1Decoder alone = new Rw1Decoder(LIMITS, new StringInterner(), store);
    for (int round = 0; round < 300; round++) {
      List<Rw1Proto.TimeSeries.Builder> list = randomSeries(random, 1 + random.nextInt(12));
      DecodedRequest whole = decode(request(list.toArray(new Rw1Proto.TimeSeries.Builder[0])).toByteArray());

      List<String> expected = new ArrayList<>();
      Map<String, Long> expectedReasons = new HashMap<>();
      for (Rw1Proto.TimeSeries.Builder s : list) {
        byte[] one = request(s).toByteArray();
        DecodedRequest d = alone.decode(one, 0, one.length);
        expected.addAll(BatchText.lines(d.batch()));
        d.rejections().seriesByReason().forEach((k, v) -> expectedReasons.merge(k, v, Long::sum));
      }
      assertThat(BatchText.lines(whole.batch())).as("round %d", round).isEqualTo(expected);
      assertThat(whole.rejections().seriesByReason()).as("round %d", round).isEqualTo(expectedReasons);
    }
  }

  /** Series that mostly repeat the one before with a change or two, as senders write them. */
  private static List<Rw1Proto.TimeSeries.Builder> randomSeries(Random random, int n) {
    String[] names = {"__name__", "a", "b", "job", "toolongname"};
    String[] values = {"", "x", "y", "a", "toolongvalue"};
    List<Rw1Proto.TimeSeries.Builder> out = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (labels.isEmpty() || random.nextInt(4) == 0) {
        labels = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int j = 0; j < count; j++) {
          labels.add(new String[] {names[random.nextInt(names.length)], values[1 + random.nextInt(2)]});
        }
        labels.sort((x, y) -> x[0].compareTo(y[0]));
      } else {
        labels = new ArrayList<>(labels);
        int change = random.nextInt(6);
        int at = random.nextInt(labels.size());
        if (change == 0) {
          labels.set(at, new String[] {labels.get(at)[0], values[random.nextInt(values.length)]});
        } else if (change == 1) {
          Collections.swap(labels, at, random.nextInt(labels.size()));
        } else if (change == 2) {
          labels.set(at, new String[] {names[random.nextInt(names.length)], labels.get(at)[1]});
        }
      }
      String[] pairs = new String[2 * labels.size()];
      for (int j = 0; j < labels.size(); j++) {
        pairs[2 * j] = labels.get(j)[0];
        pairs[2 * j + 1] = labels.get(j)[1];
      }
      out.add(series(pairs).addSamples(sample(i, i)));
    }
    return out;
  }

  @Test
  void dropsAnEmptyValueInASeriesWithTheNamesOfTheOneBefore() throws Exception {
    DecodedRequest d = decode(request(
        series("__name__", "up", "a", "x").addSamples(sample(1, 1)),
        series("__name__", "up", "a", "").addSamples(sample(2, 2))).toByteArray());

    assertThat(BatchText.lines(d.batch())).containsExactly("{__name__=\"up\", a=\"x\"} 1.0@1", "{__name__=\"up\"} 2.0@2");
  }

  @Test
  void checksInFullASeriesWithTheNamesOfARejectedOne() throws Exception {
    DecodedRequest d = decode(request(
        series("__name__", "up", "a", "x", "a", "y").addSamples(sample(1, 1)),
        series("__name__", "up", "a", "x", "a", "z").addSamples(sample(2, 2))).toByteArray());

    assertThat(d.batch().isEmpty()).isTrue();
    assertThat(d.rejections().seriesByReason()).containsEntry("duplicate_label", 2L);
  }

  @Test
  void rejectsATooLongValueInASeriesWithTheNamesOfTheOneBefore() throws Exception {
    DecodedRequest d = decode(request(
        series("__name__", "up", "a", "x").addSamples(sample(1, 1)),
        series("__name__", "up", "a", "toolongvalue").addSamples(sample(2, 2))).toByteArray());

    assertThat(BatchText.lines(d.batch())).containsExactly("{__name__=\"up\", a=\"x\"} 1.0@1");
    assertThat(d.rejections().seriesByReason()).containsOnlyKeys("label_value_too_long");
  }

  @Test
  void sortsEverySeriesOfARepeatedUnsortedLabelSet() throws Exception {
    DecodedRequest d = decode(request(
        series("job", "j", "__name__", "up").addSamples(sample(1, 1)),
        series("job", "j", "__name__", "up").addSamples(sample(2, 2))).toByteArray());

    assertThat(BatchText.lines(d.batch())).containsExactly(
        "{__name__=\"up\", job=\"j\"} 1.0@1", "{__name__=\"up\", job=\"j\"} 2.0@2");
  }

  @Test
  void rejectsInvalidUtf8InEverySeriesThatRepeatsIt() throws Exception {
    byte[] bad = {'a', (byte) 0xc3, 0x28};
    RawProto badSeries = new RawProto()
        .message(1, new RawProto().string(1, "__name__").string(2, "up"))
        .message(1, new RawProto().string(1, "job").bytes(2, bad))
        .message(2, new RawProto().fixed64(1, Double.doubleToRawLongBits(1)).varint(2, 1));
    RawProto good = new RawProto()
        .message(1, new RawProto().string(1, "__name__").string(2, "up"))
        .message(1, new RawProto().string(1, "job").string(2, "ok"))
        .message(2, new RawProto().fixed64(1, Double.doubleToRawLongBits(1)).varint(2, 1));

    DecodedRequest d = decode(new RawProto().message(1, good).message(1, badSeries).message(1, badSeries)
        .message(1, good).toByteArray());

    assertThat(BatchText.lines(d.batch())).containsExactly(
        "{__name__=\"up\", job=\"ok\"} 1.0@1", "{__name__=\"up\", job=\"ok\"} 1.0@1");
    assertThat(d.rejections().seriesByReason()).containsEntry("invalid_utf8", 2L);
  }

  @Test
  void keepsNoGuessFromTheRequestBefore() throws Exception {
    byte[] first = request(series("__name__", "up", "job", "aaa").addSamples(sample(1, 1))).toByteArray();
    byte[] second = request(series("__name__", "up", "job", "bbb").addSamples(sample(1, 1))).toByteArray();

    decode(first);
    DecodedRequest d = decode(second);

    assertThat(BatchText.lines(d.batch())).containsExactly("{__name__=\"up\", job=\"bbb\"} 1.0@1");
  }

  @Test
  void joinsMetadataForEverySeriesOfAFamily() throws Exception {
    store.put("req", new FamilyMetadata(MetricType.COUNTER, "requests", ""));
    Rw1Decoder withDefaults = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), store);
    byte[] body = request(
        series("__name__", "req_total", "code", "200").addSamples(sample(1, 1)),
        series("__name__", "req_total", "code", "500").addSamples(sample(2, 1)),
        series("__name__", "other", "code", "500").addSamples(sample(3, 1))).toByteArray();

    DecodedRequest d = withDefaults.decode(body, 0, body.length);

    assertThat(d.batch().series()).extracting(s -> s.type())
        .containsExactly(MetricType.COUNTER, MetricType.COUNTER, MetricType.UNSPECIFIED);
  }
}
