package io.rwgateway.translators.rw1;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Equality of two slices of one buffer, 8 bytes per compare. Label strings are short (most under
 * 32 bytes), where {@code Arrays.equals} spends more on range checks and the call to its
 * vectorized stub than on comparing.
 */
final class Bytes {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {}

  /** Whether {@code buf[a, a+len)} and {@code buf[b, b+len)} hold the same bytes. */
  static boolean equal(byte[] buf, int a, int b, int len) {
    if (len >= 8) {
      int last = len - 8;
      for (int i = 0; i < last; i += 8) {
        if ((long) LONG.get(buf, a + i) != (long) LONG.get(buf, b + i)) {
          return false;
        }
      }
      return (long) LONG.get(buf, a + last) == (long) LONG.get(buf, b + last); // may overlap the loop's
    }
    if (len >= 4) {
      return (int) INT.get(buf, a) == (int) INT.get(buf, b)
          && (int) INT.get(buf, a + len - 4) == (int) INT.get(buf, b + len - 4);
    }
    for (int i = 0; i < len; i++) {
      if (buf[a + i] != buf[b + i]) {
        return false;
      }
    }
    return true;
  }
}
