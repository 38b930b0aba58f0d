package io.rwgateway.translators.snappy;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import java.io.IOException;
import java.util.Arrays;
import org.xerial.snappy.Snappy;

/**
 * Snappy <b>block</b> format, as Remote Write requires (remote-write.md §1.3: never the framed
 * format). The decoded length declared in the preamble is checked against a limit before any
 * allocation, so a "decompression bomb" costs nothing (§4.1).
 */
public final class SnappyBlock {
  private static final byte[] FRAMED_MAGIC = {(byte) 0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59};

  private SnappyBlock() {}

  /** Decompresses {@code in[off, off+len)}, refusing a declared size over {@code maxDecoded}. */
  public static byte[] uncompress(byte[] in, int off, int len, int maxDecoded)
      throws InvalidPayloadException {
    long declared = declaredLength(in, off, len);
    if (declared > maxDecoded) {
      throw new PayloadTooLargeException("decoded_too_large",
          "cannot decode snappy body (limit " + maxDecoded + " bytes): preamble declares " + declared + " bytes");
    }
    byte[] out = new byte[(int) declared];
    try {
      int n = Snappy.uncompress(in, off, len, out, 0);
      if (n != declared) {
        throw new InvalidPayloadException("bad_snappy",
            "cannot decode snappy body: " + n + " bytes decoded, " + declared + " declared");
      }
    } catch (IOException | RuntimeException e) {
      if (startsWithFramedMagic(in, off, len)) {
        throw new InvalidPayloadException("bad_snappy",
            "cannot decode snappy body: framed snappy stream received, Remote Write requires the block format");
      }
      throw new InvalidPayloadException("bad_snappy", "cannot decode snappy body: " + e.getMessage());
    }
    return out;
  }

  /**
   * The decoded length from the block preamble (a little-endian base-128 varint of at most 32
   * bits), read without touching the rest of the input.
   */
  public static long declaredLength(byte[] in, int off, int len) throws InvalidPayloadException {
    long result = 0;
    for (int i = 0; i < 5; i++) {
      if (i >= len) {
        throw new InvalidPayloadException("bad_snappy", "cannot decode snappy body: truncated length preamble");
      }
      int b = in[off + i] & 0xff;
      result |= (long) (b & 0x7f) << (7 * i);
      if (b < 0x80) {
        if (result > 0xffffffffL) {
          break;
        }
        return result;
      }
    }
    throw new InvalidPayloadException("bad_snappy", "cannot decode snappy body: invalid length preamble");
  }

  /** Compresses {@code in[0, len)} into a new array of exactly the compressed size. */
  public static byte[] compress(byte[] in, int len) {
    byte[] out = new byte[Snappy.maxCompressedLength(len)];
    try {
      int n = Snappy.compress(in, 0, len, out, 0);
      return Arrays.copyOf(out, n);
    } catch (IOException e) {
      // Compression of an in-memory array has no failure mode besides a broken native library.
      throw new IllegalStateException("cannot compress with snappy: " + e.getMessage(), e);
    }
  }

  private static boolean startsWithFramedMagic(byte[] in, int off, int len) {
    if (len < FRAMED_MAGIC.length) {
      return false;
    }
    return Arrays.equals(in, off, off + FRAMED_MAGIC.length, FRAMED_MAGIC, 0, FRAMED_MAGIC.length);
  }
}
