package io.rwgateway.translators.rw2;

import io.rwgateway.translators.codec.InvalidPayloadException;

/**
 * Reads protobuf wire format straight from a byte array, within {@code [pos, limit)}. Every read
 * checks the limit, so a truncated or lying payload ends in {@link InvalidPayloadException}
 * ({@code bad_protobuf}), never in an index error or a loop. Nested messages are read by
 * {@link #enter(int)}: the caller saves {@link #limit()}, narrows it to the message, and restores
 * it with {@link #leave(int)}. Not thread-safe; one per decode.
 */
final class ProtoCursor {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int FIXED32 = 5;

  private final byte[] buf;
  private int pos;
  private int limit;

  ProtoCursor(byte[] buf, int off, int len) {
    this.buf = buf;
    this.pos = off;
    this.limit = off + len;
  }

  /** Moves the cursor to read {@code buf[off, off+len)}, e.g. a message found by an earlier pass. */
  void reset(int off, int len) {
    this.pos = off;
    this.limit = off + len;
  }

  int position() {
    return pos;
  }

  int limit() {
    return limit;
  }

  boolean hasMore() {
    return pos < limit;
  }

  /** Reads a tag; field number in the high bits, wire type in the low 3. */
  int readTag() throws InvalidPayloadException {
    long tag = readVarint();
    if (tag >>> 32 != 0 || (tag >>> 3) == 0) {
      throw malformed("invalid field tag " + tag);
    }
    return (int) tag;
  }

  long readVarint() throws InvalidPayloadException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= limit) {
        throw malformed("truncated varint");
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw malformed("varint longer than 10 bytes");
  }

  long readFixed64() throws InvalidPayloadException {
    if (limit - pos < 8) {
      throw malformed("truncated fixed64");
    }
    int p = pos;
    pos += 8;
    return (buf[p] & 0xffL)
        | (buf[p + 1] & 0xffL) << 8
        | (buf[p + 2] & 0xffL) << 16
        | (buf[p + 3] & 0xffL) << 24
        | (buf[p + 4] & 0xffL) << 32
        | (buf[p + 5] & 0xffL) << 40
        | (buf[p + 6] & 0xffL) << 48
        | (buf[p + 7] & 0xffL) << 56;
  }

  /** Reads a length prefix and checks that many bytes follow. */
  int readLength() throws InvalidPayloadException {
    long len = readVarint();
    if (len < 0 || len > limit - pos) {
      throw malformed("length " + len + " runs past the end (" + (limit - pos) + " bytes left)");
    }
    return (int) len;
  }

  /**
   * Narrows the readable range to the next {@code len} bytes.
   *
   * @return the previous limit, to hand to {@link #leave(int)}
   */
  int enter(int len) {
    int saved = limit;
    limit = pos + len;
    return saved;
  }

  /** Restores the limit saved by {@link #enter(int)}; the nested message must be fully read. */
  void leave(int savedLimit) {
    pos = limit;
    limit = savedLimit;
  }

  void skipBytes(int len) {
    pos += len;
  }

  /** Skips the value of a field whose tag was just read. */
  void skipField(int tag) throws InvalidPayloadException {
    switch (tag & 7) {
      case VARINT -> readVarint();
      case FIXED64 -> skipFixed(8);
      case LEN -> {
        int n = readLength(); // not "pos += readLength()": Java reads pos before the call
        pos += n;
      }
      case FIXED32 -> skipFixed(4);
      default -> throw malformed("unsupported wire type " + (tag & 7) + " for field " + (tag >>> 3));
    }
  }

  private void skipFixed(int n) throws InvalidPayloadException {
    if (limit - pos < n) {
      throw malformed("truncated fixed" + (n * 8));
    }
    pos += n;
  }

  static int zigZag32(long raw) {
    int n = (int) raw;
    return (n >>> 1) ^ -(n & 1);
  }

  static long zigZag64(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  static InvalidPayloadException malformed(String cause) {
    return new InvalidPayloadException("bad_protobuf", "cannot decode RW 2.0 request: " + cause);
  }
}
