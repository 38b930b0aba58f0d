package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.otlp.DeltaMode;
import io.rwgateway.translators.otlp.OtlpOptions;
import io.rwgateway.translators.otlp.TranslationStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpConfigMapperTest {

  private static OtlpOptions translation(String yaml) throws Exception {
    return ConfigLoader.parse(yaml).otlp().translation();
  }

  @Test
  void absentSectionGivesPrometheusDefaultsAndGrpcOn4317() throws Exception {
    OtlpConfig otlp = ConfigLoader.parse("").otlp();

    assertThat(otlp).isEqualTo(OtlpConfig.defaults());
    assertThat(otlp.translation()).isEqualTo(OtlpOptions.defaults());
    assertThat(otlp.grpcEnabled()).isTrue();
    assertThat(otlp.grpcListenHost()).isEqualTo("0.0.0.0");
    assertThat(otlp.grpcListenPort()).isEqualTo(4317);
  }

  @Test
  void readsEveryStrategyByItsPrometheusName() throws Exception {
    for (TranslationStrategy s : TranslationStrategy.values()) {
      assertThat(translation("otlp: {translation_strategy: " + s.configName() + "}").translationStrategy())
          .isEqualTo(s);
    }
  }

  @Test
  void refusesAnUnknownStrategyNamingTheCloseOne() {
    assertThat(LoadErrors.of("otlp: {translation_strategy: UnderscoreEscapingWithSufixes}")).containsExactly(
        "otlp.translation_strategy: must be one of UnderscoreEscapingWithSuffixes, UnderscoreEscapingWithoutSuffixes,"
            + " NoUTF8EscapingWithSuffixes, NoTranslation, got 'UnderscoreEscapingWithSufixes'"
            + " (did you mean UnderscoreEscapingWithSuffixes?)");
    assertThat(LoadErrors.of("otlp: {translation_strategy: legacy}")).containsExactly(
        "otlp.translation_strategy: must be one of UnderscoreEscapingWithSuffixes, UnderscoreEscapingWithoutSuffixes,"
            + " NoUTF8EscapingWithSuffixes, NoTranslation, got 'legacy'");
  }

  @Test
  void trimsPromotedAttributes() throws Exception {
    OtlpOptions t = translation("otlp: {promote_resource_attributes: [' k8s.pod.name ', service.name]}");

    assertThat(t.promoteResourceAttributes()).containsExactly("k8s.pod.name", "service.name");
    assertThat(t.promoteResourceAttributes()).isUnmodifiable();
  }

  @Test
  void reportsEveryAttributeListProblemAtOnce() {
    assertThat(LoadErrors.of(String.join("\n",
        "otlp:",
        "  promote_resource_attributes: [a, '  ', b, ' a']",
        "  promote_all_resource_attributes: true",
        "  ignore_resource_attributes: [x, x]"))).containsExactly(
        "otlp.promote_resource_attributes[1]: must not be empty",
        "otlp.promote_resource_attributes[3]: repeats 'a'",
        "otlp.ignore_resource_attributes[1]: repeats 'x'",
        "otlp.promote_resource_attributes: cannot be combined with promote_all_resource_attributes: true"
            + " (list the exclusions in ignore_resource_attributes instead)");
  }

  @Test
  void ignoringNeedsPromotingAll() throws Exception {
    assertThat(LoadErrors.of("otlp: {ignore_resource_attributes: [process.pid]}")).containsExactly(
        "otlp.ignore_resource_attributes: is only used with promote_all_resource_attributes: true");
    OtlpOptions ok = translation(
        "otlp: {promote_all_resource_attributes: true, ignore_resource_attributes: [process.pid]}");
    assertThat(ok.promoteAllResourceAttributes()).isTrue();
    assertThat(ok.ignoreResourceAttributes()).containsExactly("process.pid");
  }

  @Test
  void readsTheDeltaModeAndItsCache() throws Exception {
    assertThat(translation("otlp: {delta: pass}").delta()).isEqualTo(DeltaMode.PASS);
    OtlpOptions cumulative = translation("otlp: {delta: to_cumulative, delta_cache: {max_series: 5000, expiry: 90s}}");
    assertThat(cumulative.delta()).isEqualTo(DeltaMode.TO_CUMULATIVE);
    assertThat(cumulative.deltaMaxSeries()).isEqualTo(5000);
    assertThat(cumulative.deltaExpiry()).isEqualTo(Duration.ofSeconds(90));
    OtlpOptions cacheDefaults = translation("otlp: {delta: to_cumulative}");
    assertThat(cacheDefaults.deltaMaxSeries()).isEqualTo(OtlpOptions.DEFAULT_DELTA_MAX_SERIES);
    assertThat(cacheDefaults.deltaExpiry()).isEqualTo(OtlpOptions.DEFAULT_DELTA_EXPIRY);
  }

  @Test
  void refusesBadDeltaSettings() {
    assertThat(LoadErrors.of("otlp: {delta: convert}"))
        .containsExactly("otlp.delta: must be drop, pass or to_cumulative, got 'convert'");
    assertThat(LoadErrors.of("otlp: {delta_cache: {max_series: 10}}")).containsExactly(
        "otlp.delta_cache: is only used with delta: to_cumulative, got delta: drop");
    assertThat(LoadErrors.of("otlp: {delta: to_cumulative, delta_cache: {max_series: 0, expiry: 0, ttl: 1m}}"))
        .containsExactly(
            "otlp.delta_cache.max_series: must be at least 1, got 0",
            "otlp.delta_cache.expiry: must be at least 1s, got 0",
            "otlp.delta_cache.ttl: unknown key");
  }

  @Test
  void grpcAddressParsesLikeListenAddressAndEmptyTurnsItOff() throws Exception {
    OtlpConfig off = ConfigLoader.parse("otlp: {grpc_listen_address: ''}").otlp();
    assertThat(off.grpcEnabled()).isFalse();
    OtlpConfig v6 = ConfigLoader.parse("otlp: {grpc_listen_address: '[::1]:14317'}").otlp();
    assertThat(v6.grpcListenHost()).isEqualTo("::1");
    assertThat(v6.grpcListenPort()).isEqualTo(14317);
    assertThat(LoadErrors.of("otlp: {grpc_listen_address: 4317}")).containsExactly(
        "otlp.grpc_listen_address: must be a string, got 4317 (quote it)");
    assertThat(LoadErrors.of("otlp: {grpc_listen_address: 'localhost'}")).containsExactly(
        "otlp.grpc_listen_address: must be host:port (e.g. 0.0.0.0:9201 or [::1]:9201), got 'localhost'"
            + " (or '' to turn OTLP/gRPC off)");
  }

  @Test
  void grpcCannotShareTheMainPort() throws Exception {
    assertThat(LoadErrors.of("listen_address: 0.0.0.0:4317")).containsExactly(
        "otlp.grpc_listen_address: must differ from listen_address (0.0.0.0:4317): gRPC needs its own port");
    assertThat(LoadErrors.of("listen_address: 127.0.0.1:9300\notlp: {grpc_listen_address: ':9300'}"))
        .containsExactly("otlp.grpc_listen_address: must differ from listen_address (127.0.0.1:9300):"
            + " gRPC needs its own port");
    // Port 0 picks a free port each time, and two hosts are two interfaces.
    assertThat(ConfigLoader.parse("listen_address: 127.0.0.1:0\notlp: {grpc_listen_address: '127.0.0.1:0'}")
        .otlp().grpcListenPort()).isZero();
    assertThat(ConfigLoader.parse("listen_address: 127.0.0.1:9300\notlp: {grpc_listen_address: '127.0.0.2:9300'}")
        .otlp().grpcListenHost()).isEqualTo("127.0.0.2");
  }

  @Test
  void readsTheBooleanFlagsAndReportsUnknownKeys() throws Exception {
    OtlpOptions t = translation(String.join("\n",
        "otlp:",
        "  keep_identifying_resource_attributes: true",
        "  convert_histograms_to_nhcb: true",
        "  promote_scope_metadata: true",
        "  label_name_underscore_sanitization: false",
        "  label_name_preserve_multiple_underscores: false"));
    assertThat(List.of(t.keepIdentifyingResourceAttributes(), t.convertHistogramsToNhcb(), t.promoteScopeMetadata()))
        .containsOnly(true);
    assertThat(List.of(t.labelNameUnderscoreSanitization(), t.labelNamePreserveMultipleUnderscores()))
        .containsOnly(false);
    assertThat(LoadErrors.of("otlp: {promote_scope_metadat: true, convert_histograms_to_nhcb: 'yes'}"))
        .containsExactly(
            "otlp.convert_histograms_to_nhcb: must be true or false, got 'yes'",
            "otlp.promote_scope_metadat: unknown key (did you mean promote_scope_metadata?)");
    assertThat(LoadErrors.of("otlp: [1]")).containsExactly("otlp: must be a map, got a list");
  }
}
