package io.rwgateway.translators.model;

/**
 * Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
 * Label names and values MUST be valid UTF-8 (RW 2.0 §"Series labels"); Java's decoder would
 * silently replace bad bytes with U+FFFD, so bytes are checked before they become a String.
 */
public final class Utf8Validator {
  private Utf8Validator() {}

  public static boolean isValid(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    // ASCII fast path: label names and most values are ASCII.
    while (i < end && b[i] >= 0) {
      i++;
    }
    while (i < end) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
      } else if (c >= 0xc2 && c <= 0xdf) {
        if (i + 1 >= end || !cont(b[i + 1])) {
          return false;
        }
        i += 2;
      } else if (c >= 0xe0 && c <= 0xef) {
        if (i + 2 >= end || !cont(b[i + 1]) || !cont(b[i + 2])) {
          return false;
        }
        int c1 = b[i + 1] & 0xff;
        if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 > 0x9f)) {
          return false; // overlong, or a UTF-16 surrogate
        }
        i += 3;
      } else if (c >= 0xf0 && c <= 0xf4) {
        if (i + 3 >= end || !cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3])) {
          return false;
        }
        int c1 = b[i + 1] & 0xff;
        if ((c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 > 0x8f)) {
          return false; // overlong, or above U+10FFFF
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean cont(byte x) {
    return (x & 0xc0) == 0x80;
  }
}
