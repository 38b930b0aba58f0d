package io.rwgateway.translators.otlp;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of one request: accepted points by kind, rejected points and warnings by reason, and
 * the first message of each reason for partial_success.error_message. Not thread-safe.
 */
final class Tally {
  /** partial_success.error_message stays well below the 4 MiB response bound of otlp.md §1.1. */
  private static final int MAX_MESSAGE_CHARS = 2048;

  private final EnumMap<PointKind, Long> accepted = new EnumMap<>(PointKind.class);
  private final Map<String, Long> rejected = new TreeMap<>();
  private final Map<String, Long> warnings = new TreeMap<>();
  private final Map<String, String> firstMessages = new LinkedHashMap<>();

  void accept(PointKind kind) {
    accepted.merge(kind, 1L, Long::sum);
  }

  void reject(String reason, long points, String message) {
    if (points <= 0) {
      return;
    }
    rejected.merge(reason, points, Long::sum);
    firstMessages.putIfAbsent(reason, message);
  }

  void warn(String reason, String message) {
    warnings.merge(reason, 1L, Long::sum);
    firstMessages.putIfAbsent(reason, message);
  }

  /** Warnings that only count and do not make partial_success worth sending. */
  void note(String reason) {
    warnings.merge(reason, 1L, Long::sum);
  }

  OtlpTranslation result(io.rwgateway.translators.model.MetricBatch batch) {
    return new OtlpTranslation(batch, accepted, rejected, warnings, message());
  }

  private String message() {
    if (firstMessages.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
    if (rejectedTotal > 0) {
      sb.append("rejected ").append(rejectedTotal).append(" data points");
    } else {
      sb.append("accepted with warnings");
    }
    for (Map.Entry<String, String> e : firstMessages.entrySet()) {
      Long n = rejected.containsKey(e.getKey()) ? rejected.get(e.getKey()) : warnings.get(e.getKey());
      sb.append("; ").append(e.getKey()).append(" (").append(n).append("): ").append(e.getValue());
      if (sb.length() > MAX_MESSAGE_CHARS) {
        sb.setLength(MAX_MESSAGE_CHARS - 3);
        sb.append("...");
        break;
      }
    }
    return sb.toString();
  }
}
