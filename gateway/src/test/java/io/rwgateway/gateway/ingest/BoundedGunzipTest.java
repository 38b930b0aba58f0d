package io.rwgateway.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.gateway.testing.OtlpPayloads;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedGunzipTest {

  @Test
  void inflatesExactlyWhatWasCompressed() throws Exception {
    byte[] raw = new byte[300_000];
    new Random(7).nextBytes(raw);
    assertThat(BoundedGunzip.gunzip(OtlpPayloads.gzip(raw), 1 << 20)).isEqualTo(raw);
    assertThat(BoundedGunzip.gunzip(OtlpPayloads.gzip(new byte[0]), 10)).isEmpty();
  }

  @Test
  void takesABodyOfExactlyTheLimitAndRefusesOneByteMore() throws Exception {
    byte[] raw = new byte[50_000];
    assertThat(BoundedGunzip.gunzip(OtlpPayloads.gzip(raw), 50_000)).hasSize(50_000);
    assertThatThrownBy(() -> BoundedGunzip.gunzip(OtlpPayloads.gzip(raw), 49_999))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("cannot accept body: more than 49999 bytes once decompressed (limit ingest.max_decoded_bytes)");
  }

  @Test
  void readsConcatenatedMembersAsOneBody() throws Exception {
    byte[] a = OtlpPayloads.gzip("hello ".getBytes(StandardCharsets.UTF_8));
    byte[] b = OtlpPayloads.gzip("world".getBytes(StandardCharsets.UTF_8));
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    assertThat(new String(BoundedGunzip.gunzip(both, 100), StandardCharsets.UTF_8)).isEqualTo("hello world");
  }

  @Test
  void refusesWhatIsNotGzipOrIsCutShort() {
    assertThatThrownBy(() -> BoundedGunzip.gunzip("plain text, not gzip".getBytes(StandardCharsets.UTF_8), 1000))
        .isInstanceOf(InvalidPayloadException.class).hasMessageStartingWith("cannot decompress gzip body: ")
        .extracting(e -> ((InvalidPayloadException) e).reason()).isEqualTo("bad_gzip");
    byte[] gz = OtlpPayloads.gzip(new byte[10_000]);
    assertThatThrownBy(() -> BoundedGunzip.gunzip(Arrays.copyOf(gz, gz.length - 6), 100_000))
        .isInstanceOf(InvalidPayloadException.class).hasMessage("cannot decompress gzip body: truncated");
    byte[] corrupt = gz.clone();
    corrupt[corrupt.length - 5] ^= 0x55; // the CRC-32 trailer
    assertThatThrownBy(() -> BoundedGunzip.gunzip(corrupt, 100_000)).isInstanceOf(InvalidPayloadException.class)
        .isNotInstanceOf(PayloadTooLargeException.class);
  }

  /**
   * 1 GiB of zeros in about a megabyte: the limit of 4 MiB stops inflation after the limit, so this
   * thread allocates a few times the limit (the doubling buffer), never anything near a gibibyte.
   */
  @Test
  void aGzipBombNeverAllocatesPastTheLimit() {
    byte[] bomb = OtlpPayloads.gzipBomb(1L << 30);
    assertThat(bomb.length).isLessThan(2 << 20);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> BoundedGunzip.gunzip(bomb, 4 << 20)).isInstanceOf(PayloadTooLargeException.class);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated inflating a 1 GiB bomb with a 4 MiB limit").isLessThan(16L << 20);
  }
}
