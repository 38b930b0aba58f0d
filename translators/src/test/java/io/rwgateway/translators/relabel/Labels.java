package io.rwgateway.translators.relabel;

import io.rwgateway.translators.codec.LabelSetValidator;
import java.util.Arrays;

/** Test helpers: label sets as text-like flat arrays, as Prometheus' {@code labels.FromStrings}. */
final class Labels {
  private Labels() {}

  /** Name, value, ... pairs in any order, returned sorted by name. */
  static String[] of(String... pairs) {
    String[][] split = new String[pairs.length / 2][];
    for (int i = 0; i < split.length; i++) {
      split[i] = new String[] {pairs[2 * i], pairs[2 * i + 1]};
    }
    Arrays.sort(split, (a, b) -> LabelSetValidator.compareUtf8(a[0], b[0]));
    String[] out = new String[pairs.length];
    for (int i = 0; i < split.length; i++) {
      out[2 * i] = split[i][0];
      out[2 * i + 1] = split[i][1];
    }
    return out;
  }

  static RelabelRule rule(RelabelAction action, String source, String regex, String target,
      String replacement) {
    return RelabelRule.of(action, source == null ? null : java.util.List.of(source.split(",")),
        null, target, regex, null, replacement);
  }
}
