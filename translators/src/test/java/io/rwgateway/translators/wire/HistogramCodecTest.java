package io.rwgateway.translators.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.TestHistogram;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The shared {@code Histogram} codec: fields 1-16 the same for RW 1.0 and 2.0, field 17
 * {@code start_timestamp} only {@code withStartTimestamp} (remote-write.md §2.3, §3.2.3).
 */
class HistogramCodecTest {
  private static final long START = 1_699_999_000_000L;

  @Test
  void roundTripsEveryFieldWithStartTimestamp() throws Exception {
    for (TestHistogram t : new TestHistogram[] {TestHistogram.integer(), TestHistogram.floating(),
        TestHistogram.customBuckets()}) {
      Histogram h = t.resetHint(2).startTimestamp(START).build();
      assertThat(read(write(h, true), true)).isEqualTo(h);
    }
  }

  @Test
  void withoutStartTimestampDropsFieldSeventeen() throws Exception {
    Histogram h = TestHistogram.integer().startTimestamp(START).build();
    byte[] v1 = write(h, false);

    assertThat(Rw1Proto.Histogram.parseFrom(v1).getUnknownFields().asMap()).isEmpty();
    assertThat(read(v1, true)).isEqualTo(TestHistogram.integer().build());
  }

  @Test
  void writesWhatGeneratedClassesRead() throws Exception {
    Histogram h = TestHistogram.floating().startTimestamp(START).build();
    Rw2Proto.Histogram oracle = Rw2Proto.Histogram.parseFrom(write(h, true));

    assertThat(oracle.getCountFloat()).isEqualTo(h.countFloat());
    assertThat(oracle.getStartTimestamp()).isEqualTo(START);
    assertThat(oracle.getPositiveCountsList()).hasSize(h.positiveCounts().length);
    assertThat(oracle.getNegativeSpansCount()).isEqualTo(h.negativeSpans().length / 2);
    assertThat(write(h, true)).isEqualTo(oracle.toByteArray());
  }

  @Test
  void readerWithoutStartTimestampSkipsFieldSeventeen() throws Exception {
    byte[] bytes = write(TestHistogram.integer().startTimestamp(START).build(), true);

    assertThat(read(bytes, false)).isEqualTo(TestHistogram.integer().build());
    assertThat(read(bytes, true).startTimestamp()).isEqualTo(START);
  }

  @Test
  void lastCountOneofMemberDecidesIntegerOrFloat() throws Exception {
    byte[] intLast = raw(out -> {
      fixed64(out, 2, Double.doubleToRawLongBits(3.5));
      varint(out, 1, 7);
    });
    byte[] floatLast = raw(out -> {
      varint(out, 1, 7);
      fixed64(out, 2, Double.doubleToRawLongBits(3.5));
    });

    Histogram i = read(intLast, true);
    Histogram f = read(floatLast, true);

    assertThat(i.isFloat()).isFalse();
    assertThat(i.countInt()).isEqualTo(7);
    assertThat(i.countFloat()).isZero();
    assertThat(f.isFloat()).isTrue();
    assertThat(f.countFloat()).isEqualTo(3.5);
    assertThat(f.countInt()).isZero();
  }

  @Test
  void acceptsUnpackedRepeatedScalars() throws Exception {
    byte[] bytes = raw(out -> {
      varint(out, 1, 3);
      try {
        out.writeSInt64(12, -1);
        out.writeSInt64(12, 4);
        out.writeDouble(16, 0.5);
        out.writeDouble(16, 1.5);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });

    Histogram h = read(bytes, true);

    assertThat(h.positiveDeltas()).containsExactly(-1, 4);
    assertThat(h.customValues()).containsExactly(0.5, 1.5);
  }

  @Test
  void skipsKnownFieldsOfAnUnexpectedWireType() throws Exception {
    byte[] bytes = raw(out -> {
      varint(out, 1, 3);
      varint(out, 3, 99); // sum is a double: a varint here is not it
      varint(out, 11, 1); // spans are messages
    });

    Histogram h = read(bytes, true);

    assertThat(h.sumBits()).isZero();
    assertThat(h.positiveSpans()).isEmpty();
    assertThat(h.countInt()).isEqualTo(3);
  }

  private static byte[] write(Histogram h, boolean withStartTimestamp) {
    WireWriter w = new WireWriter(HistogramWriter.size(h, withStartTimestamp));
    HistogramWriter.write(w, h, withStartTimestamp);
    assertThat(w.position()).isEqualTo(w.buffer().length);
    return w.buffer();
  }

  private static Histogram read(byte[] bytes, boolean withStartTimestamp) throws InvalidPayloadException {
    WireReader r = new WireReader(bytes, 0, bytes.length, "test histogram");
    return new HistogramReader(withStartTimestamp).read(r);
  }

  private static byte[] raw(Consumer<CodedOutputStream> fields) {
    byte[] buf = new byte[256];
    CodedOutputStream out = CodedOutputStream.newInstance(buf);
    fields.accept(out);
    return java.util.Arrays.copyOf(buf, out.getTotalBytesWritten());
  }

  private static void varint(CodedOutputStream out, int field, long v) {
    try {
      out.writeUInt64(field, v);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void fixed64(CodedOutputStream out, int field, long bits) {
    try {
      out.writeFixed64(field, bits);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
