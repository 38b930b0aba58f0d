package io.rwgateway.translators.rw2;

import static io.rwgateway.translators.rw2.Rw2Fixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.DecodedRequest;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.TestHistogram;
import io.rwgateway.translators.model.BatchText;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Payloads that are not RW 2.0 requests fail whole and cleanly: 400, never a crash or a hang. */
class Rw2DecoderRobustnessTest {
  private static final long T = 1_700_000_000_000L;

  private final Rw2Decoder decoder = new Rw2Decoder(DecodeLimits.DEFAULTS);

  private static byte[] richPayload() {
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "http_requests_total", "job", "api", "code", "200")
        .addSamples(sample(1, T, T - 1000)).addSamples(sample(2, T + 1000))
        .addExemplars(f.exemplar(0.5, T, "trace_id", "abcdef"))
        .setMetadata(f.metadata(Rw2Proto.Metadata.MetricType.METRIC_TYPE_COUNTER, "Requests.", "requests")));
    f.add(f.series("__name__", "latency", "job", "api")
        .addHistograms(Rw2Fixture.toProto(TestHistogram.integer().build()))
        .addHistograms(Rw2Fixture.toProto(TestHistogram.integer().timestamp(T + 1).build())));
    f.add(f.series("__name__", "float_latency", "job", "api")
        .addHistograms(Rw2Fixture.toProto(TestHistogram.floating().build())));
    f.add(f.series("__name__", "nhcb", "job", "api").setCreatedTimestamp(T - 5)
        .addHistograms(Rw2Fixture.toProto(TestHistogram.customBuckets().build())));
    return f.bytes();
  }

  @Test
  void refusesRw1WriteRequestAsWrongMessageType() {
    byte[] v1 = Rw1Proto.WriteRequest.newBuilder()
        .addTimeseries(Rw1Proto.TimeSeries.newBuilder()
            .addLabels(Rw1Proto.Label.newBuilder().setName("__name__").setValue("up"))
            .addSamples(Rw1Proto.Sample.newBuilder().setValue(1).setTimestamp(T)))
        .build().toByteArray();

    assertThatThrownBy(() -> decoder.decode(v1, 0, v1.length))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("RW 1.0")
        .extracting(e -> ((InvalidPayloadException) e).reason()).isEqualTo("wrong_message_type");
  }

  @Test
  void refusesRw1MetadataOnlyRequestAsWrongMessageType() {
    byte[] v1 = Rw1Proto.WriteRequest.newBuilder()
        .addMetadata(Rw1Proto.MetricMetadata.newBuilder().setMetricFamilyName("up")
            .setType(Rw1Proto.MetricMetadata.MetricType.GAUGE))
        .build().toByteArray();

    assertThatThrownBy(() -> decoder.decode(v1, 0, v1.length))
        .extracting(e -> ((InvalidPayloadException) e).reason()).isEqualTo("wrong_message_type");
  }

  @Test
  void refusesMalformedProtobuf() {
    byte[][] malformed = {
        {0x2a, 0x05, 0x01},                       // series longer than the payload
        {0x00, 0x01},                             // field number 0
        {0x23, 0x00},                             // group wire type
        {0x28, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}, // 11-byte varint
        {0x22, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x00}, // length -1 as uint32
        {0x2a, 0x04, 0x1a, 0x02, (byte) 0x82, 0x01},  // packed custom_values of 0 bytes then truncated
        {0x2a, 0x05, 0x1a, 0x03, 0x52, 0x01, 0x00},   // packed doubles of 1 byte
    };
    for (byte[] bytes : malformed) {
      assertThatThrownBy(() -> decoder.decode(bytes, 0, bytes.length))
          .as(Arrays.toString(bytes))
          .isInstanceOf(InvalidPayloadException.class)
          .extracting(e -> ((InvalidPayloadException) e).reason()).isEqualTo("bad_protobuf");
    }
  }

  @Test
  void truncatedPayloadsFailCleanlyAtEveryOffset() {
    byte[] payload = richPayload();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      int failed = 0;
      for (int len = 0; len < payload.length; len++) {
        try {
          decoder.decode(payload, 0, len);
        } catch (InvalidPayloadException e) {
          assertThat(e.reason()).isEqualTo("bad_protobuf");
          failed++;
        }
      }
      // Cutting between top-level fields leaves a valid, shorter request; anywhere else fails.
      assertThat(failed).isGreaterThan(payload.length * 9 / 10);
    });
  }

  @Test
  void corruptedPayloadsEitherDecodeOrFailCleanly() {
    byte[] payload = richPayload();
    Random random = new Random(42);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int round = 0; round < 20_000; round++) {
        byte[] mutated = payload.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
          mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        }
        try {
          DecodedRequest decoded = decoder.decode(mutated, 0, mutated.length);
          BatchText.lines(decoded.batch()); // every kept ref resolves
        } catch (InvalidPayloadException expected) {
          // fine: the whole payload is refused with a reason
        }
      }
    });
  }

  @Test
  void decodesASliceOfALargerBuffer() throws Exception {
    byte[] payload = richPayload();
    byte[] padded = new byte[payload.length + 20];
    Arrays.fill(padded, (byte) 0xff);
    System.arraycopy(payload, 0, padded, 7, payload.length);

    DecodedRequest fromSlice = decoder.decode(padded, 7, payload.length);
    DecodedRequest whole = new Rw2Decoder(DecodeLimits.DEFAULTS).decode(payload, 0, payload.length);

    assertThat(BatchText.lines(fromSlice.batch())).isEqualTo(BatchText.lines(whole.batch())).hasSize(4);
  }

  @Test
  void reusedDecoderForgetsThePreviousRequest() throws Exception {
    byte[] rich = richPayload();
    decoder.decode(rich, 0, rich.length);
    Rw2Fixture f = new Rw2Fixture();
    f.add(f.series("__name__", "only").addSamples(sample(1, T)));
    byte[] small = f.bytes();

    DecodedRequest decoded = decoder.decode(small, 0, small.length);

    assertThat(decoded.batch().symbols().size()).isEqualTo(3);
    assertThat(BatchText.lines(decoded.batch())).containsExactly("{__name__=\"only\"} 1.0@" + T);
  }
}
