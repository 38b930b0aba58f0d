package io.rwgateway.translators.relabel;

import io.rwgateway.translators.codec.LabelSetValidator;

/**
 * What relabeling made of one label set, as cached: the new labels, or the reason the series is
 * dropped ({@value #DROPPED_BY_RULE} or {@value #NO_NAME}).
 */
record RelabelOutcome(String[] labels, String dropReason) {
  /** A keep, drop, keepequal or dropequal rule dropped the series. */
  static final String DROPPED_BY_RULE = "relabel_drop";
  /**
   * The rules left no labels (Prometheus drops such a series too) or no {@code __name__} (the
   * gateway's own requirement, remote-write.md §5).
   */
  static final String NO_NAME = "relabel_no_name";

  private static final RelabelOutcome DROPPED = new RelabelOutcome(null, DROPPED_BY_RULE);
  private static final RelabelOutcome NAMELESS = new RelabelOutcome(null, NO_NAME);

  static RelabelOutcome of(String[] relabeled) {
    if (relabeled == null) {
      return DROPPED;
    }
    for (int i = 0; i < relabeled.length; i += 2) {
      if (relabeled[i].equals(LabelSetValidator.METRIC_NAME)) {
        return relabeled[i + 1].isEmpty() ? NAMELESS : new RelabelOutcome(relabeled, null);
      }
    }
    return NAMELESS;
  }

  boolean dropped() {
    return dropReason != null;
  }
}
