package io.rwgateway.translators.otlp;

import io.rwgateway.translators.model.MetricBatch;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@code ExportMetricsServiceRequest} became: the series, and what was left out.
 *
 * <p>{@link #rejectedDataPoints()} and {@link #errorMessage()} are what OTLP's
 * {@code ExportMetricsServiceResponse.partial_success} carries (otlp.md §1.2): rejected points are
 * never a reason to fail the whole request. {@link #warnings()} counts things that were kept but
 * changed, or dropped below the data point level (a bad exemplar, a duplicate sample); a request
 * with warnings and no rejections still has an error message ("accepted with a warning").
 *
 * @param batch the translated series (target_info included)
 * @param acceptedPoints OTLP data points translated, by kind
 * @param rejectedPoints OTLP data points left out, by reason (see {@link Reasons})
 * @param warnings events that did not reject a data point, by reason (see {@link Reasons})
 * @param errorMessage one line for partial_success.error_message, empty when nothing to report
 */
public record OtlpTranslation(
    MetricBatch batch,
    Map<PointKind, Long> acceptedPoints,
    Map<String, Long> rejectedPoints,
    Map<String, Long> warnings,
    String errorMessage) {

  public OtlpTranslation {
    EnumMap<PointKind, Long> accepted = new EnumMap<>(PointKind.class);
    accepted.putAll(acceptedPoints);
    acceptedPoints = Collections.unmodifiableMap(accepted);
    rejectedPoints = Collections.unmodifiableMap(new TreeMap<>(rejectedPoints));
    warnings = Collections.unmodifiableMap(new TreeMap<>(warnings));
    errorMessage = errorMessage == null ? "" : errorMessage;
  }

  /** partial_success.rejected_data_points. */
  public long rejectedDataPoints() {
    long n = 0;
    for (long v : rejectedPoints.values()) {
      n += v;
    }
    return n;
  }

  public long acceptedDataPoints() {
    long n = 0;
    for (long v : acceptedPoints.values()) {
      n += v;
    }
    return n;
  }

  /** Whether the response must carry partial_success (rejections, or a warning message). */
  public boolean hasPartialSuccess() {
    return rejectedDataPoints() > 0 || !errorMessage.isEmpty();
  }

  /** The reason labels used in {@link #rejectedPoints()} and {@link #warnings()}. */
  public static final class Reasons {
    // Rejected data points.
    /** A delta Sum/Histogram/ExponentialHistogram under {@link DeltaMode#DROP}. */
    public static final String DELTA_TEMPORALITY = "delta_temporality";
    /** Temporality UNSPECIFIED (always an error, Prometheus' "invalid temporality"). */
    public static final String INVALID_TEMPORALITY = "invalid_temporality";
    /** A delta older than, or overlapping, what to_cumulative already summed. */
    public static final String DELTA_OUT_OF_ORDER = "delta_out_of_order";
    /** The metric name escapes to nothing (empty, or underscores only). */
    public static final String INVALID_NAME = "invalid_name";
    /** An attribute name escapes to nothing. */
    public static final String INVALID_LABEL_NAME = "invalid_label_name";
    /** A fixed64 timestamp above Long.MAX_VALUE. */
    public static final String INVALID_TIMESTAMP = "invalid_timestamp";
    /** A timestamp further ahead of the clock than the allowed skew. */
    public static final String FUTURE_TIMESTAMP = "future_timestamp";
    /** Scale out of range, NaN or unsorted bounds, more bucket counts than bounds + 1. */
    public static final String INVALID_HISTOGRAM = "invalid_histogram";

    // Warnings.
    /** A metric with no data points (dropped whole; Prometheus PR #19343). */
    public static final String EMPTY_METRIC = "empty_metric";
    /** Two attributes escaped to the same label name; values joined with ';'. */
    public static final String LABEL_COLLISION = "label_collision";
    /** An attribute named le, quantile or __name__ overwritten by the synthetic label. */
    public static final String RESERVED_LABEL_OVERWRITTEN = "reserved_label_overwritten";
    /** An exemplar dropped (trace or span id of the wrong length). */
    public static final String INVALID_EXEMPLAR = "invalid_exemplar";
    /** A sample dropped because one with the same labels and timestamp is already in the request. */
    public static final String DUPLICATE_SERIES = "duplicate_series";
    /** An exponential histogram without sum, written with sum 0 as Prometheus does. */
    public static final String MISSING_SUM = "missing_sum";
    /** A histogram with count 0 and a non-zero sum (kept). */
    public static final String ZERO_COUNT_NON_ZERO_SUM = "histogram_zero_count_non_zero_sum";
    /** A start time after the point's time (the start timestamp is left unset). */
    public static final String START_AFTER_TIME = "start_after_time";
    /** A resource without service.name (no job label; series of several senders may collide). */
    public static final String MISSING_SERVICE_NAME = "missing_service_name";
    /** A resource without service.instance.id (no instance label; §6.3). */
    public static final String MISSING_SERVICE_INSTANCE_ID = "missing_service_instance_id";

    private Reasons() {}
  }
}
