package io.rwgateway.translators.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;

class WireWriterTest {

  @Test
  void varintSizesMatchProtobufAtEveryBitLength() {
    for (int bit = -1; bit < 64; bit++) {
      long top = bit < 0 ? 0 : 1L << bit;
      for (long v : new long[] {top, top - 1, top | 1, -top}) {
        assertThat(WireWriter.varint64Size(v)).as("%d", v).isEqualTo(CodedOutputStream.computeUInt64SizeNoTag(v));
        assertThat(WireWriter.varint32Size((int) v)).as("%d", (int) v)
            .isEqualTo(CodedOutputStream.computeUInt32SizeNoTag((int) v));
      }
    }
  }

  @Test
  void writesVarintsOfTheSizeItComputes() {
    long[] values = {0, 1, 127, 128, 300, 1L << 35, -1, Long.MIN_VALUE, 1_795_618_067_656L};
    for (long v : values) {
      WireWriter w = new WireWriter(WireWriter.varint64Size(v) + WireWriter.varint32Size((int) v));
      w.varint64(v);
      w.varint32((int) v);
      assertThat(w.position()).as("%d", v).isEqualTo(w.buffer().length);
    }
  }
}
