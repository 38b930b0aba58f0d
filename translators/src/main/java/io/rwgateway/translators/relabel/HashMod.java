package io.rwgateway.translators.relabel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code hashmod} action's bucket: MD5 of the joined source values (UTF-8), its last 8 bytes
 * read as a big-endian unsigned 64-bit number, modulo the modulus (relabel.go keeps "only the last
 * 8 bytes of the hash to give the same result as earlier versions"), printed in decimal.
 */
final class HashMod {
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash for hashmod: MD5 is missing from this JVM", e);
    }
  });

  private HashMod() {}

  /** @param modulus unsigned, never 0 (validation refuses it) */
  static String bucket(String value, long modulus) {
    return Long.toUnsignedString(index(value, modulus));
  }

  /** The bucket as a number (unsigned), below {@code modulus}. */
  static long index(String value, long modulus) {
    MessageDigest md5 = MD5.get();
    byte[] hash = md5.digest(value.getBytes(StandardCharsets.UTF_8));
    long low = ByteBuffer.wrap(hash, 8, 8).getLong();
    return Long.remainderUnsigned(low, modulus);
  }
}
