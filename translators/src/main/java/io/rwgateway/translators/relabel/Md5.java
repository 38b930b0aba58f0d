package io.rwgateway.translators.relabel;

/**
 * MD5 (RFC 1321) reduced to what {@code hashmod} reads: the last 8 bytes of the digest as a
 * big-endian number. {@code java.security.MessageDigest} costs several hundred nanoseconds for a
 * 10-byte value (provider dispatch, buffering, padding into its own arrays, a new 16-byte
 * result); a rule that hashes a label unique per series pays that for every series
 * (docs/benchmarks.md "Speed at scale": 13% of the relay path with hashmod on {@code series_id}).
 * This version reads the input in place, pads into one reused 64-byte block and keeps the state
 * in locals. Checked against {@code MessageDigest} in {@code Md5Test}. Not thread-safe (the pad
 * block): one per thread.
 */
final class Md5 {
  private static final int[] S = {
      7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
      5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
      4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
      6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
  private static final int[] K = new int[64];

  static {
    for (int i = 0; i < 64; i++) {
      K[i] = (int) (long) Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296.0);
    }
  }

  private final int[] words = new int[16];
  private final byte[] pad = new byte[128];
  private int a;
  private int b;
  private int c;
  private int d;

  /** Bytes 8..15 of the MD5 digest of {@code in[0, len)}, read big-endian. */
  long low64(byte[] in, int len) {
    a = 0x67452301;
    b = 0xefcdab89;
    c = 0x98badcfe;
    d = 0x10325476;
    int full = len & ~63;
    for (int off = 0; off < full; off += 64) {
      block(in, off);
    }
    int rest = len - full;
    System.arraycopy(in, full, pad, 0, rest);
    pad[rest] = (byte) 0x80;
    int padded = rest < 56 ? 64 : 128;
    java.util.Arrays.fill(pad, rest + 1, padded - 8, (byte) 0);
    long bits = (long) len << 3;
    for (int i = 0; i < 8; i++) {
      pad[padded - 8 + i] = (byte) (bits >>> (8 * i));
    }
    block(pad, 0);
    if (padded == 128) {
      block(pad, 64);
    }
    return (long) Integer.reverseBytes(c) << 32 | Integer.reverseBytes(d) & 0xffffffffL;
  }

  private void block(byte[] in, int off) {
    for (int i = 0; i < 16; i++) {
      int p = off + 4 * i;
      words[i] = in[p] & 0xff | (in[p + 1] & 0xff) << 8 | (in[p + 2] & 0xff) << 16 | in[p + 3] << 24;
    }
    int aa = a;
    int bb = b;
    int cc = c;
    int dd = d;
    for (int i = 0; i < 64; i++) {
      int f;
      int g;
      if (i < 16) {
        f = (bb & cc) | (~bb & dd);
        g = i;
      } else if (i < 32) {
        f = (dd & bb) | (~dd & cc);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = bb ^ cc ^ dd;
        g = (3 * i + 5) & 15;
      } else {
        f = cc ^ (bb | ~dd);
        g = (7 * i) & 15;
      }
      int t = dd;
      dd = cc;
      cc = bb;
      bb = bb + Integer.rotateLeft(aa + f + K[i] + words[g], S[i]);
      aa = t;
    }
    a += aa;
    b += bb;
    c += cc;
    d += dd;
  }
}
