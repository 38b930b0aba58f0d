package io.rwgateway.translators.relabel;

import java.nio.charset.StandardCharsets;

/**
 * The {@code hashmod} action's bucket: MD5 of the joined source values (UTF-8), its last 8 bytes
 * read as a big-endian unsigned 64-bit number, modulo the modulus (relabel.go keeps "only the last
 * 8 bytes of the hash to give the same result as earlier versions"), printed in decimal.
 */
final class HashMod {
  private static final ThreadLocal<Md5> MD5 = ThreadLocal.withInitial(Md5::new);

  private HashMod() {}

  /** @param modulus unsigned, never 0 (validation refuses it) */
  static String bucket(String value, long modulus) {
    return Long.toUnsignedString(index(value, modulus));
  }

  /** The bucket as a number (unsigned), below {@code modulus}. */
  static long index(String value, long modulus) {
    return index(value.getBytes(StandardCharsets.UTF_8), modulus);
  }

  /** The bucket of the value whose UTF-8 bytes are {@code utf8}. */
  static long index(byte[] utf8, long modulus) {
    return Long.remainderUnsigned(MD5.get().low64(utf8, utf8.length), modulus);
  }
}
