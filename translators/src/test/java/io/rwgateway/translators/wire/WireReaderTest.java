package io.rwgateway.translators.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.codec.InvalidPayloadException;
import org.junit.jupiter.api.Test;

class WireReaderTest {

  @Test
  void namesWhatItDecodesAndWhereInMessages() {
    byte[] buf = {0x7f, 0x08, (byte) 0x80};
    WireReader r = new WireReader(buf, 1, 2, "RW 2.0 request");

    assertThatThrownBy(() -> {
      r.readTag();
      r.readVarint();
    }).isInstanceOf(InvalidPayloadException.class)
        .hasMessage("cannot decode RW 2.0 request (2 bytes): truncated varint at byte 1")
        .extracting(e -> ((InvalidPayloadException) e).reason()).isEqualTo("bad_protobuf");
  }

  @Test
  void movesToAMessageFoundEarlierAndReadsOnlyIt() throws Exception {
    byte[] buf = {0x08, 0x05, 0x10, 0x06};
    WireReader r = new WireReader(buf, 0, buf.length, "test");
    r.skipBytes(4);

    r.moveTo(2, 2);

    assertThat(r.readTag()).isEqualTo(2 << 3 | WireReader.VARINT);
    assertThat(r.readVarint()).isEqualTo(6);
    assertThat(r.hasMore()).isFalse();
  }

  @Test
  void refusesToMoveOutsideItsSlice() {
    byte[] buf = new byte[8];
    WireReader r = new WireReader(buf, 2, 4, "test");

    assertThatThrownBy(() -> r.moveTo(1, 2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> r.moveTo(4, 3)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsLongVarintsOnBothPaths() throws Exception {
    // 2^63 in 10 bytes: room for the longest varint, the unchecked fast path.
    byte[] ten = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
    // 2^56 in 9 bytes ending at the limit: the per-byte checked path.
    byte[] nine = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};

    assertThat(new WireReader(ten, 0, ten.length, "test").readVarint()).isEqualTo(Long.MIN_VALUE);
    assertThat(new WireReader(nine, 0, nine.length, "test").readVarint()).isEqualTo(1L << 56);
    assertThatThrownBy(() -> new WireReader(nine, 0, 8, "test").readVarint())
        .hasMessageContaining("truncated varint");
  }
}
