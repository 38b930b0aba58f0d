package io.rwgateway.translators.codec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a decoder left out of a request that was otherwise decodable: invalid series are skipped
 * and counted here, the valid rest is kept (RW 2.0 §"Partial write": write the valid part, answer
 * 400 with the counts). Not thread-safe; one per decode call.
 */
public final class Rejections {
  private final Map<String, Long> seriesByReason = new TreeMap<>();
  private long series;
  private long samples;
  private long histograms;
  private long exemplars;
  private String firstMessage;

  /** Records one rejected series with its content; {@code message} is kept for the first one only. */
  public void reject(String reason, String message, long samples, long histograms, long exemplars) {
    seriesByReason.merge(reason, 1L, Long::sum);
    this.series++;
    this.samples += samples;
    this.histograms += histograms;
    this.exemplars += exemplars;
    if (firstMessage == null) {
      firstMessage = message;
    }
  }

  public boolean isEmpty() {
    return series == 0;
  }

  public long series() {
    return series;
  }

  public long samples() {
    return samples;
  }

  public long histograms() {
    return histograms;
  }

  public long exemplars() {
    return exemplars;
  }

  /** Rejected series per reason (a metric label value such as {@code duplicate_label}). */
  public Map<String, Long> seriesByReason() {
    return Collections.unmodifiableMap(seriesByReason);
  }

  /** One line for the 400 body: how many series were rejected and the first cause. */
  public String summary() {
    return "rejected " + series + " series (" + samples + " samples, " + histograms
        + " histograms, " + exemplars + " exemplars): " + firstMessage;
  }
}
