package io.rwgateway.translators.model;

import java.util.Arrays;

/**
 * One exemplar. {@code labelRefs} are (name, value) ref pairs into the batch's symbols;
 * the value is kept as raw IEEE-754 bits so NaN payloads survive (remote-write.md §4.13).
 */
public record Exemplar(int[] labelRefs, long valueBits, long timestamp) {

  public double value() {
    return Double.longBitsToDouble(valueBits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Exemplar e
        && Arrays.equals(labelRefs, e.labelRefs)
        && valueBits == e.valueBits
        && timestamp == e.timestamp;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(labelRefs) + Long.hashCode(valueBits)) + Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "Exemplar{refs=" + Arrays.toString(labelRefs) + ", value=" + value() + ", ts=" + timestamp + "}";
  }
}
