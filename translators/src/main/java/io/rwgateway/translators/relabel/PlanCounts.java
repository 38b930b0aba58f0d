package io.rwgateway.translators.relabel;

/**
 * Cache hits and misses of one batch's run through a {@link RelabelPlan}, counted in plain fields
 * and added to the relabeler's shared counters once per batch, so a lookup costs no atomic add.
 */
final class PlanCounts {
  long hits;
  long misses;
}
