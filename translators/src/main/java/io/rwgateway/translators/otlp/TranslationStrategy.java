package io.rwgateway.translators.otlp;

/**
 * How OTLP metric and attribute names become Prometheus names: the four values of Prometheus'
 * {@code otlp.translation_strategy} (otlp.md §3.1). "Escaping" rewrites every character outside the
 * legacy charset to {@code _}; "suffixes" appends the unit, {@code _total} and {@code _ratio}.
 */
public enum TranslationStrategy {
  /** The default: legacy charset, with suffixes (the classic OTel → Prometheus normalization). */
  UNDERSCORE_ESCAPING_WITH_SUFFIXES("UnderscoreEscapingWithSuffixes", true, true),
  /** Legacy charset, no suffixes; underscores already in a metric name are kept. */
  UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES("UnderscoreEscapingWithoutSuffixes", true, false),
  /** Names kept as sent (UTF-8, dots stay), suffixes joined with {@code _}. */
  NO_UTF8_ESCAPING_WITH_SUFFIXES("NoUTF8EscapingWithSuffixes", false, true),
  /** Names kept as sent, no suffixes (experimental in Prometheus: collisions across units). */
  NO_TRANSLATION("NoTranslation", false, false);

  private final String configName;
  private final boolean escapes;
  private final boolean addsSuffixes;

  TranslationStrategy(String configName, boolean escapes, boolean addsSuffixes) {
    this.configName = configName;
    this.escapes = escapes;
    this.addsSuffixes = addsSuffixes;
  }

  /** The name in Prometheus' {@code otlp:} block and in ours. */
  public String configName() {
    return configName;
  }

  /** otlptranslator's {@code ShouldEscape()}. */
  public boolean escapes() {
    return escapes;
  }

  /** otlptranslator's {@code ShouldAddSuffixes()}. */
  public boolean addsSuffixes() {
    return addsSuffixes;
  }

  /** The strategy named {@code name} in the config, or null. */
  public static TranslationStrategy fromConfigName(String name) {
    for (TranslationStrategy s : values()) {
      if (s.configName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
