package io.rwgateway.config;

import java.util.Optional;

/**
 * How OTLP metric and label names become Prometheus names: Prometheus' {@code
 * otlp.translation_strategy} values, spelled as Prometheus spells them (otlp.md §3.1).
 */
public enum OtlpTranslationStrategy {
  /** Escaped to the legacy charset, with unit and type suffixes: Prometheus' default. */
  UNDERSCORE_ESCAPING_WITH_SUFFIXES("UnderscoreEscapingWithSuffixes"),
  /** Escaped, no suffixes; underscores in names are kept as they are. */
  UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES("UnderscoreEscapingWithoutSuffixes"),
  /** UTF-8 names kept as they are, with suffixes. */
  NO_UTF8_ESCAPING_WITH_SUFFIXES("NoUTF8EscapingWithSuffixes"),
  /** Names kept exactly as sent (experimental in Prometheus: names in different units can collide). */
  NO_TRANSLATION("NoTranslation");

  private final String configName;

  OtlpTranslationStrategy(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Optional<OtlpTranslationStrategy> fromConfigName(String name) {
    for (OtlpTranslationStrategy s : values()) {
      if (s.configName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
