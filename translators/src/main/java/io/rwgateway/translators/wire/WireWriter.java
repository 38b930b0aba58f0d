package io.rwgateway.translators.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes protobuf wire format into an array sized beforehand from the {@code *Size} helpers
 * (encoders compute the exact message size first, then write once: no growth, no copy). Shared
 * by the RW 1.0 and RW 2.0 encoders; tags are given whole ({@code field << 3 | wireType}).
 */
public final class WireWriter {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] buf;
  private int pos;

  public WireWriter(int size) {
    buf = new byte[size];
  }

  public byte[] buffer() {
    return buf;
  }

  public int position() {
    return pos;
  }

  /** An unsigned 32-bit varint: tags, lengths, {@code uint32} fields. */
  public void varint32(int v) {
    // Refs, tags and lengths are most of what an encoder writes, and nearly all fit in one or
    // two bytes: those skip the loop. Locals, not fields, so the JIT keeps them in registers.
    byte[] b = buf;
    int p = pos;
    if ((v & ~0x7f) == 0) {
      b[p] = (byte) v;
      pos = p + 1;
      return;
    }
    if ((v & ~0x3fff) == 0) {
      b[p] = (byte) (v | 0x80);
      b[p + 1] = (byte) (v >>> 7);
      pos = p + 2;
      return;
    }
    while ((v & ~0x7f) != 0) {
      b[p++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  /** A 64-bit varint: {@code int64}/{@code uint64} fields; negative values take 10 bytes. */
  public void varint64(long v) {
    byte[] b = buf;
    int p = pos;
    while ((v & ~0x7fL) != 0) {
      b[p++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    pos = p;
  }

  public void fixed64(long bits) {
    LONG_LE.set(buf, pos, bits);
    pos += 8;
  }

  public void bytes(byte[] b) {
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  /** Tag and length prefix of a length-delimited field. */
  public void lengthDelimited(int tag, int length) {
    varint32(tag);
    varint32(length);
  }

  // Sizes are ceil(significant bits / 7), at least 1, as protobuf-java computes them: a multiply
  // and a shift instead of a division (sizing label refs is a measurable part of RW 2.0 encode).

  /** Bytes of {@code v} as an unsigned 32-bit varint (1-5). */
  public static int varint32Size(int v) {
    return (32 * 9 + 64 - Integer.numberOfLeadingZeros(v) * 9) >>> 6;
  }

  /** Bytes of {@code v} as a 64-bit varint (1-10; negative values take 10). */
  public static int varint64Size(long v) {
    return (64 * 9 + 64 - Long.numberOfLeadingZeros(v) * 9) >>> 6;
  }

  /** Size of a length-delimited field of {@code length} bytes, tag included. */
  public static int lengthDelimitedSize(int tag, int length) {
    return varint32Size(tag) + varint32Size(length) + length;
  }

  public static int zigzag32(int v) {
    return (v << 1) ^ (v >> 31);
  }

  public static long zigzag64(long v) {
    return (v << 1) ^ (v >> 63);
  }
}
