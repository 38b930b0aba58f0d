package io.rwgateway.translators.metadata;

import io.rwgateway.translators.model.MetricType;

/**
 * What RW 1.0 {@code MetricMetadata} says about one metric family (remote-write.md §1.4): its
 * type, help and unit. Never null inside: an absent help or unit is the empty string, an absent
 * type is {@link MetricType#UNSPECIFIED}.
 */
public record FamilyMetadata(MetricType type, String help, String unit) {

  public FamilyMetadata {
    type = type == null ? MetricType.UNSPECIFIED : type;
    help = help == null ? "" : help;
    unit = unit == null ? "" : unit;
  }
}
