package io.rwgateway.translators.relabel;

import io.rwgateway.translators.codec.LabelSetValidator;

/**
 * What relabeling made of one label set, as cached: the new labels, or the reason the series is
 * dropped ({@value #DROPPED_BY_RULE} or {@value #NO_NAME}). {@code sources[j]} is the position in
 * the input label strings of a string equal to {@code labels[j]}, or -1 for a string the rules
 * made: it lets a batch reuse the symbol refs it already has for most output strings instead of
 * interning every one again (the outcome is cached by content, so positions hold for any input
 * with these labels).
 */
record RelabelOutcome(String[] labels, int[] sources, String dropReason) {
  /** A keep, drop, keepequal or dropequal rule dropped the series. */
  static final String DROPPED_BY_RULE = "relabel_drop";
  /**
   * The rules left no labels (Prometheus drops such a series too) or no {@code __name__} (the
   * gateway's own requirement, remote-write.md §5).
   */
  static final String NO_NAME = "relabel_no_name";

  private static final RelabelOutcome DROPPED = new RelabelOutcome(null, null, DROPPED_BY_RULE);
  private static final RelabelOutcome NAMELESS = new RelabelOutcome(null, null, NO_NAME);

  static RelabelOutcome of(String[] input, String[] relabeled) {
    if (relabeled == null) {
      return DROPPED;
    }
    for (int i = 0; i < relabeled.length; i += 2) {
      if (relabeled[i].equals(LabelSetValidator.METRIC_NAME)) {
        return relabeled[i + 1].isEmpty() ? NAMELESS : new RelabelOutcome(relabeled, sources(input, relabeled), null);
      }
    }
    return NAMELESS;
  }

  private static int[] sources(String[] input, String[] output) {
    int[] sources = new int[output.length];
    for (int j = 0; j < output.length; j++) {
      sources[j] = -1;
      String s = output[j];
      // Mostly the same position (labels keep their order) or close to it: look there first.
      int start = Math.min(j, input.length - 1);
      for (int d = 0; d < input.length && sources[j] < 0; d++) {
        int k = start + d < input.length ? start + d : start + d - input.length;
        if (input[k] == s || input[k].equals(s)) {
          sources[j] = k;
        }
      }
    }
    return sources;
  }

  boolean dropped() {
    return dropReason != null;
  }
}
