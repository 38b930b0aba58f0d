package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Md5Test {
  private static long expected(byte[] in) throws Exception {
    return ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(in), 8, 8).getLong();
  }

  @Test
  void givesTheLast8BytesOfTheJdkDigestForEveryLengthAroundTheBlockEdges() throws Exception {
    Md5 md5 = new Md5();
    Random random = new Random(11);
    for (int len = 0; len <= 300; len++) {
      for (int round = 0; round < 5; round++) {
        byte[] in = new byte[len];
        random.nextBytes(in);
        assertThat(md5.low64(in, len)).as("length %d", len).isEqualTo(expected(in));
      }
    }
  }

  @Test
  void matchesTheRfc1321TestSuite() throws Exception {
    Md5 md5 = new Md5();
    for (String s : new String[] {"", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890"}) {
      byte[] in = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(md5.low64(in, in.length)).as(s).isEqualTo(expected(in));
    }
    // RFC 1321 A.5: MD5("abc") = 900150983cd24fb0 d6963f7d28e17f72
    byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Long.toHexString(md5.low64(abc, 3))).isEqualTo("d6963f7d28e17f72");
  }
}
