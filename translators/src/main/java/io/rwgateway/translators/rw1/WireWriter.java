package io.rwgateway.translators.rw1;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes protobuf wire format into an array sized beforehand from the {@code *Size} helpers
 * (encoders compute the exact message size first, then write once: no growth, no copy).
 */
final class WireWriter {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private int pos;

  WireWriter(int size) {
    buf = new byte[size];
  }

  byte[] buffer() {
    return buf;
  }

  int position() {
    return pos;
  }

  /** An unsigned 32-bit varint: tags, lengths, {@code uint32} fields. */
  void varint32(int v) {
    while ((v & ~0x7f) != 0) {
      buf[pos++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  /** A 64-bit varint: {@code int64}/{@code uint64} fields; negative values take 10 bytes. */
  void varint64(long v) {
    while ((v & ~0x7fL) != 0) {
      buf[pos++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  void fixed64(long bits) {
    LONG_LE.set(buf, pos, bits);
    pos += 8;
  }

  void bytes(byte[] b) {
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  /** Tag and length prefix of a length-delimited field. */
  void lengthDelimited(int tag, int length) {
    varint32(tag);
    varint32(length);
  }

  static int varint32Size(int v) {
    return (31 - Integer.numberOfLeadingZeros(v | 1)) / 7 + 1;
  }

  static int varint64Size(long v) {
    return (63 - Long.numberOfLeadingZeros(v | 1)) / 7 + 1;
  }

  /** Size of a length-delimited field of {@code length} bytes, tag included. */
  static int lengthDelimitedSize(int tag, int length) {
    return varint32Size(tag) + varint32Size(length) + length;
  }

  static int zigzag32(int v) {
    return (v << 1) ^ (v >> 31);
  }

  static long zigzag64(long v) {
    return (v << 1) ^ (v >> 63);
  }
}
