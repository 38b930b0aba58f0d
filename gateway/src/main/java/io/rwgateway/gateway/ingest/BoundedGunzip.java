package io.rwgateway.gateway.ingest;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip body as a stream into a buffer that never grows past the decoded-size limit
 * (otlp.md §1.1 "Decompress in a stream with a limit", §6.13): a gzip bomb is refused with 413 after
 * at most {@code maxBytes + 1} bytes were inflated, whatever its trailer claims. Concatenated gzip
 * members are one body (RFC 1952 §2.2), as every gzip reader takes them.
 */
final class BoundedGunzip {
  /** First output buffer; the compressed size times this is a typical protobuf ratio. */
  private static final int MIN_FIRST_BYTES = 16 * 1024;
  private static final int EXPECTED_RATIO = 4;
  /** The largest array a JVM reliably allocates. */
  private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  private BoundedGunzip() {}

  /**
   * @return exactly the decompressed bytes
   * @throws PayloadTooLargeException more than {@code maxBytes} bytes decompressed (reason decoded_too_large)
   * @throws InvalidPayloadException  not gzip, truncated or corrupt (reason bad_gzip)
   */
  static byte[] gunzip(byte[] compressed, int maxBytes) throws InvalidPayloadException {
    int cap = Math.min(maxBytes, MAX_ARRAY_BYTES - 1) + 1; // one byte more than allowed tells "too large"
    int first = (int) Math.min(cap, Math.max(MIN_FIRST_BYTES, (long) compressed.length * EXPECTED_RATIO));
    byte[] out = new byte[first];
    int n = 0;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 8192)) {
      while (true) {
        if (n == out.length) {
          if (out.length >= cap) {
            throw tooLarge(maxBytes);
          }
          out = Arrays.copyOf(out, (int) Math.min(cap, out.length * 2L));
        }
        int read = in.read(out, n, out.length - n);
        if (read < 0) {
          break;
        }
        n += read;
        if (n > maxBytes) {
          throw tooLarge(maxBytes);
        }
      }
    } catch (EOFException e) {
      throw new InvalidPayloadException("bad_gzip", "cannot decompress gzip body: truncated");
    } catch (ZipException e) {
      throw new InvalidPayloadException("bad_gzip", "cannot decompress gzip body: " + e.getMessage());
    } catch (IOException e) {
      throw new InvalidPayloadException("bad_gzip", "cannot decompress gzip body: " + e);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static PayloadTooLargeException tooLarge(int maxBytes) {
    return new PayloadTooLargeException("decoded_too_large",
        "cannot accept body: more than " + maxBytes + " bytes once decompressed (limit ingest.max_decoded_bytes)");
  }
}
