package io.rwgateway.translators.rw1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Malformed protobuf: always {@code bad_protobuf}, never another exception, never a hang. */
class Rw1MalformedInputTest {
  private final Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(),
      new MetadataStore(1000, Duration.ofMinutes(10)));

  static List<String> fixtures() {
    return Fixtures.rw1Bodies();
  }

  private InvalidPayloadException rejection(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    try {
      decoder.decode(b, 0, b.length);
    } catch (InvalidPayloadException e) {
      return e;
    }
    return fail("decoded " + Arrays.toString(bytes) + " without error");
  }

  @Test
  void rejectsALengthPrefixPointingPastTheEnd() {
    InvalidPayloadException e = rejection(0x0a, 0x05, 0x0a, 0x00);
    assertThat(e.reason()).isEqualTo("bad_protobuf");
    assertThat(e.getMessage()).startsWith("cannot decode RW 1.0 WriteRequest (4 bytes): length 5 exceeds")
        .doesNotContain("\n");
  }

  @Test
  void rejectsANestedLengthPointingPastItsMessage() {
    // TimeSeries of 4 bytes whose Label claims 5: inside the buffer, outside the message.
    assertThat(rejection(0x0a, 0x04, 0x0a, 0x05, 0x0a, 0x00, 0x00, 0x00, 0x00).getMessage())
        .contains("length 5 exceeds the 2 bytes left");
  }

  @Test
  void rejectsAHugeDeclaredLength() {
    assertThat(rejection(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00).getMessage()).contains("length 4294967295");
    assertThat(rejection(0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).getMessage())
        .contains("length -1");
  }

  @Test
  void rejectsTruncatedAndOverlongVarints() {
    assertThat(rejection(0x08, 0x80).getMessage()).contains("truncated varint");
    assertThat(rejection(0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).getMessage())
        .contains("varint longer than 10 bytes");
  }

  @Test
  void rejectsInvalidTags() {
    assertThat(rejection(0x00).getMessage()).contains("field number 0");
    assertThat(rejection(0x0f).getMessage()).contains("invalid wire type 7");
    assertThat(rejection(0x0c).getMessage()).contains("end-group tag without a group");
    assertThat(rejection(0x0b, 0x14).getMessage()).contains("end-group tag does not match");
    assertThat(rejection(0x0b).getMessage()).contains("truncated varint");
  }

  @Test
  void rejectsATruncatedSampleValue() {
    // TimeSeries { Sample { value = fixed64 with 3 bytes } }
    assertThat(rejection(0x0a, 0x06, 0x12, 0x04, 0x09, 0x01, 0x02, 0x03).getMessage()).contains("truncated fixed64");
  }

  @Test
  void rejectsPackedDoublesThatAreNotWholeDoubles() {
    byte[] b = new RawProto().message(1, new RawProto()
        .message(4, new RawProto().bytes(13, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}))).toByteArray();
    assertThatThrownBy(() -> decoder.decode(b, 0, b.length)).isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("truncated fixed64");
  }

  @Test
  void decodesOnlyTheGivenSlice() throws Exception {
    byte[] req = Rw1DecoderTest.request(Rw1DecoderTest.series("__name__", "up").addSamples(Rw1DecoderTest.sample(1, 1)))
        .toByteArray();
    byte[] padded = new byte[req.length + 20];
    Arrays.fill(padded, (byte) 0xff);
    System.arraycopy(req, 0, padded, 10, req.length);
    assertThat(decoder.decode(padded, 10, req.length).batch().series()).hasSize(1);
    assertThatThrownBy(() -> decoder.decode(padded, 10, req.length + 1)).isInstanceOf(InvalidPayloadException.class);
  }

  @Test
  void garbageNeverThrowsAnythingButInvalidPayload() {
    Random random = new Random(42);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      int rejected = 0;
      for (int i = 0; i < 20_000; i++) {
        byte[] garbage = new byte[1 + random.nextInt(64)];
        random.nextBytes(garbage);
        rejected += decodeOrReject(garbage, garbage.length) ? 0 : 1;
      }
      assertThat(rejected).isGreaterThan(10_000);
    });
  }

  /** Every fixture cut at many offsets: the hand decoder fails exactly when the generated parser does. */
  @ParameterizedTest
  @MethodSource("fixtures")
  void truncatedFixturesFailLikeTheGeneratedParser(String fixture) {
    byte[] full = Fixtures.decoded(fixture);
    TreeSet<Integer> cuts = new TreeSet<>();
    for (int i = 0; i < 64 && i < full.length; i++) {
      cuts.add(i);
      cuts.add(full.length - 1 - i);
    }
    for (int i = 0; i < full.length; i += 1 + full.length / 211) {
      cuts.add(i);
    }
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int cut : cuts) {
        boolean oracleOk = parses(full, cut);
        boolean ours = decodeOrReject(full, cut);
        assertThat(ours).as("%s cut at %d of %d", fixture, cut, full.length).isEqualTo(oracleOk);
      }
    });
  }

  /** Random byte changes in real payloads: a result or bad_protobuf, nothing else. */
  @ParameterizedTest
  @MethodSource("fixtures")
  void mutatedFixturesNeverThrowAnythingButInvalidPayload(String fixture) {
    byte[] full = Fixtures.decoded(fixture);
    Random random = new Random(fixture.hashCode());
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int i = 0; i < 200; i++) {
        byte[] mutated = full.clone();
        for (int j = 0; j < 1 + random.nextInt(4); j++) {
          mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        }
        decodeOrReject(mutated, mutated.length);
      }
    });
  }

  /** True when decoded, false when rejected as bad_protobuf; any other outcome fails the test. */
  private boolean decodeOrReject(byte[] b, int len) {
    try {
      decoder.decode(b, 0, len);
      return true;
    } catch (InvalidPayloadException e) {
      assertThat(e.reason()).isEqualTo("bad_protobuf");
      assertThat(e.getMessage()).startsWith("cannot decode RW 1.0 WriteRequest").doesNotContain("\n");
      return false;
    }
  }

  private static boolean parses(byte[] b, int len) {
    try {
      Rw1Proto.WriteRequest.parseFrom(Arrays.copyOf(b, len));
      return true;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }
}
