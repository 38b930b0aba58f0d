package io.rwgateway.translators.metadata;

import io.rwgateway.translators.model.MetricType;

/**
 * The type-aware link between a series' metric name and its family name, as Prometheus'
 * {@code isSeriesPartOfFamily} draws it (remote-write.md §3.3.3): a histogram family {@code x}
 * owns {@code x_bucket}, {@code x_sum} and {@code x_count}; a gauge histogram {@code x_bucket},
 * {@code x_gsum}, {@code x_gcount}; a summary {@code x_sum}, {@code x_count}; an info family
 * {@code x_info}; an OpenMetrics counter family {@code x} owns {@code x_total}. Every type owns
 * the series named exactly like the family.
 */
public final class MetricFamilies {
  /** Every suffix a series name may add to its family name, whatever the type. */
  static final String[] SUFFIXES = {"_total", "_bucket", "_sum", "_count", "_gsum", "_gcount", "_info"};

  private MetricFamilies() {}

  /**
   * The family {@code metricName} belongs to, given its type: the name the RW 1.0 encoder puts in
   * {@code MetricMetadata.metric_family_name} (§3.2.5). Counters keep their name, {@code _total}
   * included: that is the family name Prometheus' text format exposes ({@code # TYPE foo_total
   * counter}) and what Prometheus itself sends, and {@link MetadataStore#resolve} finds it again
   * by exact match; stripping it would guess an OpenMetrics family the sender may never have used.
   */
  public static String familyName(String metricName, MetricType type) {
    String suffix = suffixOf(metricName);
    if (suffix == null || suffix.length() == metricName.length()) {
      return metricName;
    }
    boolean strip = switch (type) {
      case HISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_sum") || suffix.equals("_count");
      case GAUGEHISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_gsum") || suffix.equals("_gcount");
      case SUMMARY -> suffix.equals("_sum") || suffix.equals("_count");
      case INFO -> suffix.equals("_info");
      default -> false;
    };
    return strip ? metricName.substring(0, metricName.length() - suffix.length()) : metricName;
  }

  /** The one family suffix {@code metricName} ends with, or null (at most one can match). */
  static String suffixOf(String metricName) {
    for (String suffix : SUFFIXES) {
      if (metricName.endsWith(suffix)) {
        return suffix;
      }
    }
    return null;
  }

  /**
   * Whether family {@code family} of type {@code type} owns the series {@code family + suffix}.
   * Prometheus strips {@code _total} (counter) and {@code _info} (info) from the family name as
   * well before comparing, so a family already ending in that suffix does not own a second one
   * ({@code foo_total} does not own {@code foo_total_total}).
   */
  static boolean ownsSuffix(String family, MetricType type, String suffix) {
    return switch (type) {
      case COUNTER -> suffix.equals("_total") && !family.endsWith("_total");
      case HISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_sum") || suffix.equals("_count");
      case GAUGEHISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_gsum") || suffix.equals("_gcount");
      case SUMMARY -> suffix.equals("_sum") || suffix.equals("_count");
      case INFO -> suffix.equals("_info") && !family.endsWith("_info");
      default -> false;
    };
  }
}
