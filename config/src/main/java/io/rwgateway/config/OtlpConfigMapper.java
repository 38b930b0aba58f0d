package io.rwgateway.config;

import io.rwgateway.translators.otlp.DeltaMode;
import io.rwgateway.translators.otlp.OtlpOptions;
import io.rwgateway.translators.otlp.TranslationStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps {@code otlp} to {@link OtlpConfig}, with Prometheus' own checks of its {@code otlp:} block
 * (config.go {@code OTLPConfig.UnmarshalYAML}, otlp.md §4.3): promoting some and promoting all
 * cannot be combined, ignoring needs promoting all, list entries are trimmed and may be neither empty
 * nor repeated. Every problem is reported, each at its path.
 */
final class OtlpConfigMapper {
  private static final String PROMOTE = "promote_resource_attributes";
  private static final String PROMOTE_ALL = "promote_all_resource_attributes";
  private static final String IGNORE = "ignore_resource_attributes";
  private static final String GRPC = "grpc_listen_address";
  private static final String DELTA_CACHE = "delta_cache";

  private OtlpConfigMapper() {
  }

  /** @param mainHost, mainPort the main listen address, which the gRPC one must not repeat */
  static OtlpConfig map(MapReader r, String mainHost, int mainPort) {
    OtlpOptions defaults = OtlpOptions.defaults();
    OtlpOptions.Builder b = OtlpOptions.builder();
    b.translationStrategy(strategy(r, defaults.translationStrategy()));

    List<String> promote = attributes(r, PROMOTE);
    boolean promoteAll = r.bool(PROMOTE_ALL, defaults.promoteAllResourceAttributes());
    List<String> ignore = attributes(r, IGNORE);
    if (promoteAll && !promote.isEmpty()) {
      r.error(PROMOTE, "cannot be combined with " + PROMOTE_ALL + ": true (list the exclusions in " + IGNORE
          + " instead)");
    } else if (!promoteAll && !ignore.isEmpty() && !r.failed(PROMOTE_ALL)) {
      r.error(IGNORE, "is only used with " + PROMOTE_ALL + ": true");
    } else {
      b.promoteResourceAttributes(promote).promoteAllResourceAttributes(promoteAll).ignoreResourceAttributes(ignore);
    }
    b.keepIdentifyingResourceAttributes(r.bool("keep_identifying_resource_attributes",
        defaults.keepIdentifyingResourceAttributes()));
    b.convertHistogramsToNhcb(r.bool("convert_histograms_to_nhcb", defaults.convertHistogramsToNhcb()));
    b.promoteScopeMetadata(r.bool("promote_scope_metadata", defaults.promoteScopeMetadata()));
    b.labelNameUnderscoreSanitization(r.bool("label_name_underscore_sanitization",
        defaults.labelNameUnderscoreSanitization()));
    b.labelNamePreserveMultipleUnderscores(r.bool("label_name_preserve_multiple_underscores",
        defaults.labelNamePreserveMultipleUnderscores()));

    String deltaName = r.string("delta", defaults.delta().configName());
    DeltaMode delta = DeltaMode.fromConfigName(deltaName);
    if (delta == null) {
      r.error("delta", "must be drop, pass or to_cumulative, got '" + deltaName + "'");
      delta = defaults.delta();
    }
    b.delta(delta);
    boolean cacheGiven = r.has(DELTA_CACHE);
    MapReader cache = r.map(DELTA_CACHE);
    b.deltaMaxSeries(cache.longInteger("max_series", defaults.deltaMaxSeries(), 1, Long.MAX_VALUE));
    b.deltaExpiry(cache.duration("expiry", defaults.deltaExpiry(), Duration.ofSeconds(1), null));
    cache.rejectUnknownKeys();
    if (cacheGiven && delta != DeltaMode.TO_CUMULATIVE && !r.failed("delta")) {
      r.error(DELTA_CACHE, "is only used with delta: to_cumulative, got delta: " + delta.configName());
    }

    String grpcHost = Defaults.OTLP_GRPC_HOST;
    int grpcPort = Defaults.OTLP_GRPC_PORT;
    String grpcAddress = r.string(GRPC, null);
    if (grpcAddress != null && grpcAddress.isEmpty()) {
      grpcHost = null; // empty turns the gRPC server off
    } else if (grpcAddress != null) {
      try {
        ListenAddress parsed = ListenAddress.parse(grpcAddress);
        grpcHost = parsed.host();
        grpcPort = parsed.port();
      } catch (IllegalArgumentException e) {
        r.error(GRPC, e.getMessage() + " (or '' to turn OTLP/gRPC off)");
      }
    }
    if (grpcHost != null && grpcPort != 0 && grpcPort == mainPort && sameInterface(grpcHost, mainHost)) {
      r.error(GRPC, "must differ from listen_address (" + mainHost + ":" + mainPort + "): gRPC needs its own port");
    }
    r.rejectUnknownKeys();
    // Every value refused above was replaced by its default, so what is left always builds.
    return new OtlpConfig(b.build(), grpcHost, grpcPort);
  }

  private static TranslationStrategy strategy(MapReader r, TranslationStrategy fallback) {
    String name = r.string("translation_strategy", fallback.configName());
    TranslationStrategy strategy = TranslationStrategy.fromConfigName(name);
    if (strategy != null) {
      return strategy;
    }
    List<String> names = new ArrayList<>();
    for (TranslationStrategy s : TranslationStrategy.values()) {
      names.add(s.configName());
    }
    String close = KeySuggestions.closest(name, names);
    r.error("translation_strategy", "must be one of " + String.join(", ", names) + ", got '" + name + "'"
        + (close == null ? "" : " (did you mean " + close + "?)"));
    return fallback;
  }

  /** Two binds collide on one port when either is the wildcard or both name the same host. */
  private static boolean sameInterface(String a, String b) {
    return a.equals(b) || isWildcard(a) || isWildcard(b);
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::");
  }

  /** The trimmed entries of an attribute list; an empty or repeated entry is an error at its index. */
  private static List<String> attributes(MapReader r, String key) {
    List<String> raw = r.stringList(key);
    if (raw == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>(raw.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i).trim();
      String at = ConfigPath.index(key, i);
      if (name.isEmpty()) {
        r.error(at, "must not be empty");
      } else if (!seen.add(name)) {
        r.error(at, "repeats '" + name + "'");
      } else {
        names.add(name);
      }
    }
    return names;
  }
}
