package io.rwgateway.translators.wire;

import io.rwgateway.translators.codec.InvalidPayloadException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bounds-checked protobuf wire reader over one byte array: varints, fixed64, length-delimited
 * slices and skipping of unknown fields (remote-write.md §1.4: unknown fields MUST be skipped).
 * Nested messages narrow the readable range with {@link #enter()} / {@link #exit(int)}, so no read
 * crosses the end of the message it belongs to. Every malformation is an
 * {@link InvalidPayloadException} with reason {@code bad_protobuf}; every call either advances
 * or throws, so no input makes a loop spin. Shared by the RW 1.0 and RW 2.0 decoders: messages
 * name what is decoded ({@code what}), e.g. "cannot decode RW 1.0 WriteRequest (N bytes): ...".
 */
public final class WireReader {
  public static final int VARINT = 0;
  public static final int FIXED64 = 1;
  public static final int LENGTH_DELIMITED = 2;
  public static final int START_GROUP = 3;
  public static final int END_GROUP = 4;
  public static final int FIXED32 = 5;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** Groups are deprecated but legal in unknown fields; nesting is capped like protobuf-java's. */
  private static final int MAX_GROUP_DEPTH = 100;

  private final byte[] buf;
  private final int start;
  private final int end;
  private final String what;
  private int pos;
  private int limit;

  public WireReader(byte[] buf, int off, int len, String what) {
    if (off < 0 || len < 0 || off > buf.length - len) {
      throw new IndexOutOfBoundsException("slice [" + off + ", " + off + "+" + len + ") of " + buf.length + " bytes");
    }
    this.buf = buf;
    this.start = off;
    this.end = off + len;
    this.what = what;
    this.pos = off;
    this.limit = end;
  }

  public byte[] buffer() {
    return buf;
  }

  public int position() {
    return pos;
  }

  public boolean hasMore() {
    return pos < limit;
  }

  /** End of the range being read (the message entered last). */
  public int limit() {
    return limit;
  }

  /**
   * Moves past bytes a caller parsed itself from {@link #buffer()}, up to {@code newPos} within
   * the current range (a fast path that checked every byte it read against {@link #limit()}).
   */
  public void skipTo(int newPos) {
    if (newPos < pos || newPos > limit) {
      throw new IllegalStateException("cannot skip to byte " + newPos + " (range " + pos + ".." + limit + ")");
    }
    pos = newPos;
  }

  /**
   * Moves reading to {@code [off, off+len)} of the same buffer, a message found by an earlier pass
   * (RW 2.0 reads symbols before series, remote-write.md §2.3); it must lie within the slice
   * this reader was made for.
   */
  public void moveTo(int off, int len) {
    if (off < start || len < 0 || off > end - len) {
      throw new IllegalStateException("cannot move to [" + off + ", +" + len + ") (range " + start + ".." + end + ")");
    }
    pos = off;
    limit = off + len;
  }

  /** Reads the next tag: {@code field << 3 | wireType}. */
  public int readTag() throws InvalidPayloadException {
    long tag = readVarint();
    if ((tag >>> 32) != 0) {
      throw malformed("tag " + tag + " out of range");
    }
    if ((tag >>> 3) == 0) {
      throw malformed("field number 0");
    }
    return (int) tag;
  }

  public long readVarint() throws InvalidPayloadException {
    int p = pos;
    if (p < limit && buf[p] >= 0) {
      pos = p + 1;
      return buf[p];
    }
    long result = 0;
    if (limit - p >= 10) {
      // Room for the longest varint: no end check per byte (timestamps take 6 bytes).
      for (int shift = 0; shift < 64; shift += 7) {
        int b = buf[p++];
        result |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          pos = p;
          return result;
        }
      }
      throw malformed("varint longer than 10 bytes");
    }
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= limit) {
        throw malformed("truncated varint");
      }
      int b = buf[p++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        pos = p;
        return result;
      }
    }
    throw malformed("varint longer than 10 bytes");
  }

  /** A {@code sint32} (zigzag) field value. */
  public int readSint32() throws InvalidPayloadException {
    int n = (int) readVarint();
    return (n >>> 1) ^ -(n & 1);
  }

  /** A {@code sint64} (zigzag) field value. */
  public long readSint64() throws InvalidPayloadException {
    long n = readVarint();
    return (n >>> 1) ^ -(n & 1);
  }

  public long readFixed64() throws InvalidPayloadException {
    if (limit - pos < 8) {
      throw malformed("truncated fixed64");
    }
    long v = (long) LONG_LE.get(buf, pos);
    pos += 8;
    return v;
  }

  /** Reads a length prefix and checks the bytes it announces are there. */
  public int readLength() throws InvalidPayloadException {
    long n = readVarint();
    if (n < 0 || n > limit - pos) {
      throw malformed("length " + n + " exceeds the " + (limit - pos) + " bytes left");
    }
    return (int) n;
  }

  /**
   * Reads a length prefix and narrows reading to the bytes it announces (a nested message or a
   * packed field). Returns the outer limit to hand to {@link #exit(int)} once done.
   */
  public int enter() throws InvalidPayloadException {
    int n = readLength();
    int outer = limit;
    limit = pos + n;
    return outer;
  }

  /** Leaves a range entered with {@link #enter()}; the caller has read it to its end. */
  public void exit(int outerLimit) {
    limit = outerLimit;
  }

  public void skipBytes(int n) throws InvalidPayloadException {
    if (n > limit - pos) {
      throw malformed("field of " + n + " bytes exceeds the " + (limit - pos) + " bytes left");
    }
    pos += n;
  }

  /** Skips the value of a field whose tag was just read (an unknown field, or a reserved one). */
  public void skip(int tag) throws InvalidPayloadException {
    switch (tag & 7) {
      case VARINT -> readVarint();
      case FIXED64 -> skipBytes(8);
      case LENGTH_DELIMITED -> skipBytes(readLength());
      case FIXED32 -> skipBytes(4);
      case START_GROUP -> skipGroup(tag >>> 3);
      case END_GROUP -> throw malformed("end-group tag without a group");
      default -> throw malformed("invalid wire type " + (tag & 7));
    }
  }

  private void skipGroup(int field) throws InvalidPayloadException {
    int[] open = new int[MAX_GROUP_DEPTH];
    int depth = 0;
    open[depth++] = field;
    while (depth > 0) {
      int tag = readTag();
      int wireType = tag & 7;
      if (wireType == START_GROUP) {
        if (depth == MAX_GROUP_DEPTH) {
          throw malformed("groups nested deeper than " + MAX_GROUP_DEPTH);
        }
        open[depth++] = tag >>> 3;
      } else if (wireType == END_GROUP) {
        if (open[--depth] != tag >>> 3) {
          throw malformed("end-group tag does not match its start");
        }
      } else {
        skip(tag);
      }
    }
  }

  public InvalidPayloadException malformed(String cause) {
    return new InvalidPayloadException("bad_protobuf",
        "cannot decode " + what + " (" + (end - start) + " bytes): " + cause + " at byte " + (pos - start));
  }
}
