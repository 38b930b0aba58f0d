package io.rwgateway.translators.otlp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How OTLP metrics are translated: the keys of Prometheus' {@code otlp:} block (otlp.md §7) plus
 * rw-gateway's delta handling. Immutable; build with {@link #builder()}, which validates (§4.3).
 *
 * @param translationStrategy {@code translation_strategy}
 * @param promoteResourceAttributes {@code promote_resource_attributes}: copied onto every series
 * @param promoteAllResourceAttributes {@code promote_all_resource_attributes}
 * @param ignoreResourceAttributes {@code ignore_resource_attributes} (only with promote_all)
 * @param keepIdentifyingResourceAttributes {@code keep_identifying_resource_attributes}: also put
 *     service.name/namespace/instance.id into target_info
 * @param convertHistogramsToNhcb {@code convert_histograms_to_nhcb}: explicit histograms become
 *     native histograms with custom buckets (schema -53) instead of classic series
 * @param promoteScopeMetadata {@code promote_scope_metadata}: otel_scope_* labels
 * @param labelNameUnderscoreSanitization {@code label_name_underscore_sanitization} (Prometheus
 *     default true): {@code _foo} → {@code key_foo}
 * @param labelNamePreserveMultipleUnderscores {@code label_name_preserve_multiple_underscores}
 *     (Prometheus default true): {@code a..b} → {@code a__b} rather than {@code a_b}
 * @param delta what happens to delta temporality
 * @param deltaMaxSeries to_cumulative: series whose running totals are kept (bounded cache)
 * @param deltaExpiry to_cumulative: a series not seen for this long is forgotten (its next delta
 *     starts a new run)
 * @param lookbackDelta target_info sample spacing is half of this (Prometheus' query lookback, 5 m)
 * @param maxFutureSkew points further than this ahead of the clock are rejected (Prometheus'
 *     {@code maxAheadTime}, 10 m); zero disables the check
 */
public record OtlpOptions(
    TranslationStrategy translationStrategy,
    List<String> promoteResourceAttributes,
    boolean promoteAllResourceAttributes,
    List<String> ignoreResourceAttributes,
    boolean keepIdentifyingResourceAttributes,
    boolean convertHistogramsToNhcb,
    boolean promoteScopeMetadata,
    boolean labelNameUnderscoreSanitization,
    boolean labelNamePreserveMultipleUnderscores,
    DeltaMode delta,
    long deltaMaxSeries,
    Duration deltaExpiry,
    Duration lookbackDelta,
    Duration maxFutureSkew) {

  public static final long DEFAULT_DELTA_MAX_SERIES = 100_000;
  public static final Duration DEFAULT_DELTA_EXPIRY = Duration.ofMinutes(10);
  public static final Duration DEFAULT_LOOKBACK_DELTA = Duration.ofMinutes(5);
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(10);

  public OtlpOptions {
    Objects.requireNonNull(translationStrategy, "translationStrategy");
    Objects.requireNonNull(delta, "delta");
    promoteResourceAttributes = List.copyOf(promoteResourceAttributes);
    ignoreResourceAttributes = List.copyOf(ignoreResourceAttributes);
    List<String> problems = problems(promoteResourceAttributes, promoteAllResourceAttributes,
        ignoreResourceAttributes, deltaMaxSeries, deltaExpiry, lookbackDelta, maxFutureSkew);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid otlp options: " + String.join("; ", problems));
    }
  }

  /** Prometheus' defaults, deltas dropped. */
  public static OtlpOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .translationStrategy(translationStrategy)
        .promoteResourceAttributes(promoteResourceAttributes)
        .promoteAllResourceAttributes(promoteAllResourceAttributes)
        .ignoreResourceAttributes(ignoreResourceAttributes)
        .keepIdentifyingResourceAttributes(keepIdentifyingResourceAttributes)
        .convertHistogramsToNhcb(convertHistogramsToNhcb)
        .promoteScopeMetadata(promoteScopeMetadata)
        .labelNameUnderscoreSanitization(labelNameUnderscoreSanitization)
        .labelNamePreserveMultipleUnderscores(labelNamePreserveMultipleUnderscores)
        .delta(delta)
        .deltaMaxSeries(deltaMaxSeries)
        .deltaExpiry(deltaExpiry)
        .lookbackDelta(lookbackDelta)
        .maxFutureSkew(maxFutureSkew);
  }

  /**
   * Every problem with these settings (empty when valid), as Prometheus' config validation reports
   * them all at once (otlp.md §4.3): promote and promote_all together, ignore without promote_all,
   * empty or duplicate entries. Entries are expected trimmed (the builder trims).
   */
  public static List<String> problems(List<String> promote, boolean promoteAll, List<String> ignore,
      long deltaMaxSeries, Duration deltaExpiry, Duration lookbackDelta, Duration maxFutureSkew) {
    List<String> out = new ArrayList<>();
    if (promoteAll && !promote.isEmpty()) {
      out.add("promote_all_resource_attributes and promote_resource_attributes cannot both be set");
    }
    if (!promoteAll && !ignore.isEmpty()) {
      out.add("ignore_resource_attributes is only valid with promote_all_resource_attributes: true");
    }
    entryProblems("promote_resource_attributes", promote, out);
    entryProblems("ignore_resource_attributes", ignore, out);
    if (deltaMaxSeries <= 0) {
      out.add("delta max series must be positive, got " + deltaMaxSeries);
    }
    if (deltaExpiry == null || deltaExpiry.isNegative() || deltaExpiry.isZero()) {
      out.add("delta expiry must be positive, got " + deltaExpiry);
    }
    if (lookbackDelta == null || lookbackDelta.toMillis() < 2) {
      out.add("lookback_delta must be at least 2ms, got " + lookbackDelta);
    }
    if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
      out.add("max future skew must not be negative, got " + maxFutureSkew);
    }
    return out;
  }

  private static void entryProblems(String key, List<String> entries, List<String> out) {
    Set<String> seen = new HashSet<>();
    for (String e : entries) {
      if (e == null || e.isEmpty()) {
        out.add(key + " has an empty entry");
      } else if (!seen.add(e)) {
        out.add(key + " has a duplicate entry \"" + e + "\"");
      }
    }
  }

  /** Builds {@link OtlpOptions}; starts at Prometheus' defaults. Entries are trimmed. */
  public static final class Builder {
    private TranslationStrategy translationStrategy = TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES;
    private List<String> promote = List.of();
    private boolean promoteAll;
    private List<String> ignore = List.of();
    private boolean keepIdentifying;
    private boolean nhcb;
    private boolean promoteScope;
    private boolean underscoreSanitization = true;
    private boolean preserveMultipleUnderscores = true;
    private DeltaMode delta = DeltaMode.DROP;
    private long deltaMaxSeries = DEFAULT_DELTA_MAX_SERIES;
    private Duration deltaExpiry = DEFAULT_DELTA_EXPIRY;
    private Duration lookbackDelta = DEFAULT_LOOKBACK_DELTA;
    private Duration maxFutureSkew = DEFAULT_MAX_FUTURE_SKEW;

    private Builder() {}

    public Builder translationStrategy(TranslationStrategy s) {
      this.translationStrategy = s;
      return this;
    }

    public Builder promoteResourceAttributes(List<String> names) {
      this.promote = trimmed(names);
      return this;
    }

    public Builder promoteAllResourceAttributes(boolean on) {
      this.promoteAll = on;
      return this;
    }

    public Builder ignoreResourceAttributes(List<String> names) {
      this.ignore = trimmed(names);
      return this;
    }

    public Builder keepIdentifyingResourceAttributes(boolean on) {
      this.keepIdentifying = on;
      return this;
    }

    public Builder convertHistogramsToNhcb(boolean on) {
      this.nhcb = on;
      return this;
    }

    public Builder promoteScopeMetadata(boolean on) {
      this.promoteScope = on;
      return this;
    }

    public Builder labelNameUnderscoreSanitization(boolean on) {
      this.underscoreSanitization = on;
      return this;
    }

    public Builder labelNamePreserveMultipleUnderscores(boolean on) {
      this.preserveMultipleUnderscores = on;
      return this;
    }

    public Builder delta(DeltaMode mode) {
      this.delta = mode;
      return this;
    }

    public Builder deltaMaxSeries(long n) {
      this.deltaMaxSeries = n;
      return this;
    }

    public Builder deltaExpiry(Duration d) {
      this.deltaExpiry = d;
      return this;
    }

    public Builder lookbackDelta(Duration d) {
      this.lookbackDelta = d;
      return this;
    }

    public Builder maxFutureSkew(Duration d) {
      this.maxFutureSkew = d;
      return this;
    }

    /** Every problem of the settings so far, empty when {@link #build()} will succeed. */
    public List<String> problems() {
      return OtlpOptions.problems(promote, promoteAll, ignore, deltaMaxSeries, deltaExpiry,
          lookbackDelta, maxFutureSkew);
    }

    /** The options; throws IllegalArgumentException listing every problem. */
    public OtlpOptions build() {
      return new OtlpOptions(translationStrategy, promote, promoteAll, ignore, keepIdentifying, nhcb,
          promoteScope, underscoreSanitization, preserveMultipleUnderscores, delta, deltaMaxSeries,
          deltaExpiry, lookbackDelta, maxFutureSkew);
    }

    private static List<String> trimmed(List<String> names) {
      List<String> out = new ArrayList<>(names.size());
      for (String n : names) {
        out.add(n == null ? "" : n.trim());
      }
      return out;
    }
  }
}
