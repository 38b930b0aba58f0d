package io.rwgateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps {@code otlp} to {@link OtlpConfig}, with Prometheus' own checks of its {@code otlp:} block
 * (config.go {@code OTLPConfig.UnmarshalYAML}, otlp.md §4.3): promoting some and promoting all
 * cannot be combined, ignoring needs promoting all, list entries are trimmed and may be neither empty
 * nor repeated. Every problem is reported.
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
    String strategyName = r.string("translation_strategy", Defaults.OTLP_TRANSLATION_STRATEGY.configName());
    OtlpTranslationStrategy strategy = OtlpTranslationStrategy.fromConfigName(strategyName).orElse(null);
    if (strategy == null) {
      List<String> names = new ArrayList<>();
      for (OtlpTranslationStrategy s : OtlpTranslationStrategy.values()) {
        names.add(s.configName());
      }
      String close = KeySuggestions.closest(strategyName, names);
      r.error("translation_strategy", "must be one of " + String.join(", ", names) + ", got '" + strategyName + "'"
          + (close == null ? "" : " (did you mean " + close + "?)"));
      strategy = Defaults.OTLP_TRANSLATION_STRATEGY;
    }
    List<String> promote = attributes(r, PROMOTE);
    boolean promoteAll = r.bool(PROMOTE_ALL, false);
    List<String> ignore = attributes(r, IGNORE);
    if (promoteAll && !promote.isEmpty()) {
      r.error(PROMOTE, "cannot be combined with " + PROMOTE_ALL + ": true (list the exclusions in " + IGNORE
          + " instead)");
    }
    if (!promoteAll && !ignore.isEmpty() && !r.failed(PROMOTE_ALL)) {
      r.error(IGNORE, "is only used with " + PROMOTE_ALL + ": true");
    }
    boolean keepIdentifying = r.bool("keep_identifying_resource_attributes", false);
    boolean nhcb = r.bool("convert_histograms_to_nhcb", false);
    boolean scope = r.bool("promote_scope_metadata", false);

    String deltaName = r.string("delta", Defaults.OTLP_DELTA.configName());
    DeltaPolicy delta = DeltaPolicy.fromConfigName(deltaName).orElse(null);
    if (delta == null) {
      r.error("delta", "must be drop, pass or to_cumulative, got '" + deltaName + "'");
      delta = Defaults.OTLP_DELTA;
    }
    boolean cacheGiven = r.has(DELTA_CACHE);
    DeltaCacheConfig deltaCache = deltaCache(r.map(DELTA_CACHE));
    if (cacheGiven && delta != DeltaPolicy.TO_CUMULATIVE && !r.failed("delta")) {
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
    return new OtlpConfig(strategy, promote, promoteAll, ignore, keepIdentifying, nhcb, scope, delta, deltaCache,
        grpcHost, grpcPort);
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

  private static DeltaCacheConfig deltaCache(MapReader r) {
    long maxSeries = r.longInteger("max_series", Defaults.DELTA_CACHE_MAX_SERIES, 1, Long.MAX_VALUE);
    Duration expiry = r.duration("expiry", Defaults.DELTA_CACHE_EXPIRY, Duration.ofSeconds(1), null);
    r.rejectUnknownKeys();
    return new DeltaCacheConfig(maxSeries, expiry);
  }
}
