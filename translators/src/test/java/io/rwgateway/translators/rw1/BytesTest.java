package io.rwgateway.translators.rw1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void findsEqualSlicesOfEveryLength() {
    for (int len = 0; len <= 40; len++) {
      byte[] buf = new byte[2 * len + 3];
      for (int i = 0; i < len; i++) {
        buf[1 + i] = (byte) ('a' + i);
        buf[2 + len + i] = (byte) ('a' + i);
      }
      assertThat(Bytes.equal(buf, 1, 2 + len, len)).as("length %d", len).isTrue();
    }
  }

  @Test
  void findsADifferenceAtEveryPosition() {
    for (int len = 1; len <= 40; len++) {
      for (int at = 0; at < len; at++) {
        byte[] buf = new byte[2 * len];
        Arrays.fill(buf, (byte) 'x');
        buf[len + at] = 'y';
        assertThat(Bytes.equal(buf, 0, len, len)).as("length %d, difference at %d", len, at).isFalse();
      }
    }
  }
}
