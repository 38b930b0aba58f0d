package io.rwgateway.translators.otlp;

import static io.rwgateway.translators.otlp.Otlp.T0_MS;
import static io.rwgateway.translators.otlp.Otlp.T0_NS;
import static io.rwgateway.translators.otlp.Otlp.gauge;
import static io.rwgateway.translators.otlp.Otlp.point;
import static io.rwgateway.translators.otlp.Otlp.request;
import static io.rwgateway.translators.otlp.Otlp.samples;
import static io.rwgateway.translators.otlp.Otlp.str;
import static io.rwgateway.translators.otlp.Otlp.translate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** job, instance, target_info, promoted resource attributes and scope labels (otlp.md §4). */
class ResourceAndScopeTranslationTest {
  private static final KeyValue[] RICH = {str("service.name", "checkout"), str("service.namespace", "shop"),
      str("service.instance.id", "c-1"), str("host.name", "h1"), str("k8s.pod.name", "p1"), str("k8s_pod_name", "p2")};

  @Test
  void jobIsNamespaceSlashNameAndInstanceIsTheInstanceIdOverwritingAttributes() {
    MetricBatch b = translate(request(RICH, gauge("g", "", point(1, str("job", "mine"), str("instance", "x"))))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"g\", instance=\"c-1\", job=\"shop/checkout\"} 1.0@" + T0_MS);
  }

  @Test
  void jobIsTheNameAloneWithoutNamespaceAndAbsentWithoutName() {
    assertThat(samples(translate(request(new KeyValue[] {str("service.name", "a")}, gauge("g", "", point(1)))).batch()))
        .containsExactly("{__name__=\"g\", job=\"a\"} 1.0@" + T0_MS);
    OtlpTranslation t = translate(request(new KeyValue[] {str("service.namespace", "ns"), str("host.name", "h")},
        gauge("g", "", point(1))));
    assertThat(samples(t.batch(), true)).containsExactly("{__name__=\"g\"} 1.0@" + T0_MS);
    assertThat(t.warnings()).containsEntry(OtlpTranslation.Reasons.MISSING_SERVICE_NAME, 1L)
        .containsEntry(OtlpTranslation.Reasons.MISSING_SERVICE_INSTANCE_ID, 1L);
  }

  @Test
  void targetInfoCarriesNonIdentifyingAttributesJoinedWithJobAndInstance() {
    MetricBatch b = translate(request(RICH, gauge("g", "", point(1)))).batch();
    Series ti = Otlp.one(b, "target_info");
    assertThat(b.labelsText(ti)).isEqualTo("{__name__=\"target_info\", host_name=\"h1\", instance=\"c-1\", "
        + "job=\"shop/checkout\", k8s_pod_name=\"p1;p2\"}");
    assertThat(ti.type()).isEqualTo(MetricType.GAUGE);
    assertThat(b.symbol(ti.helpRef())).isEqualTo("Target metadata");
    assertThat(ti.value(0)).isEqualTo(1.0);
    assertThat(ti.hasStartTimestamps()).isFalse();
  }

  @Test
  void targetInfoKeepsIdentifyingAttributesWhenAsked() {
    OtlpOptions keep = OtlpOptions.builder().keepIdentifyingResourceAttributes(true).build();
    MetricBatch b = translate(keep, request(RICH, gauge("g", "", point(1)))).batch();
    assertThat(b.labelsText(Otlp.one(b, "target_info"))).contains("service_name=\"checkout\"",
        "service_namespace=\"shop\"", "service_instance_id=\"c-1\"");
  }

  @Test
  void targetInfoIsAbsentWithoutNonIdentifyingAttributesOrWithoutJobAndInstanceOrWithoutPoints() {
    assertThat(samples(translate(request(Otlp.SERVICE, gauge("g", "", point(1)))).batch(), true)).hasSize(1);
    assertThat(samples(translate(request(new KeyValue[] {str("host.name", "h")}, gauge("g", "", point(1)))).batch(), true))
        .hasSize(1);
    assertThat(translate(request(RICH, gauge("g", "", point(1).setTimeUnixNano(-1)))).batch().isEmpty()).isTrue();
  }

  @Test
  void targetInfoIsSampledFromTheEarliestToTheLatestPointEveryHalfLookback() {
    long sixMinutes = 6 * 60_000_000_000L;
    MetricBatch b = translate(request(RICH, gauge("g", "", point(1), point(2).setTimeUnixNano(T0_NS + sixMinutes))))
        .batch();
    Series ti = Otlp.one(b, "target_info");
    assertThat(ti.sampleCount()).isEqualTo(4);
    assertThat(List.of(ti.timestamp(0), ti.timestamp(1), ti.timestamp(2), ti.timestamp(3)))
        .containsExactly(T0_MS, T0_MS + 150_000, T0_MS + 300_000, T0_MS + 360_000);
    OtlpOptions lookback = OtlpOptions.builder().lookbackDelta(Duration.ofMinutes(12)).build();
    Series wide = Otlp.one(translate(lookback, request(RICH, gauge("g", "", point(1),
        point(2).setTimeUnixNano(T0_NS + sixMinutes)))).batch(), "target_info");
    assertThat(wide.sampleCount()).isEqualTo(2);
  }

  @Test
  void promotedResourceAttributesAreAddedButADataPointAttributeWins() {
    OtlpOptions promote = OtlpOptions.builder().promoteResourceAttributes(List.of("host.name", " k8s.pod.name ")).build();
    MetricBatch b = translate(promote, request(RICH, gauge("g", "", point(1, str("host_name", "dp"))))).batch();
    assertThat(samples(b)).containsExactly(
        "{__name__=\"g\", host_name=\"dp\", instance=\"c-1\", job=\"shop/checkout\", k8s_pod_name=\"p1\"} 1.0@" + T0_MS);
    // promoted attributes still appear on target_info
    assertThat(b.labelsText(Otlp.one(b, "target_info"))).contains("host_name=\"h1\"");
  }

  @Test
  void promoteAllWithIgnoreJoinsCollidingAttributes() {
    OtlpOptions all = OtlpOptions.builder().promoteAllResourceAttributes(true)
        .ignoreResourceAttributes(List.of("service.namespace", "service.instance.id", "service.name")).build();
    MetricBatch b = translate(all, request(RICH, gauge("g", "", point(1)))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"g\", host_name=\"h1\", instance=\"c-1\", "
        + "job=\"shop/checkout\", k8s_pod_name=\"p1;p2\"} 1.0@" + T0_MS);
  }

  @Test
  void invalidPromotionSettingsReportEveryError() {
    assertThatThrownBy(() -> OtlpOptions.builder().promoteAllResourceAttributes(true)
        .promoteResourceAttributes(List.of("a", "a", " ")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot both be set")
        .hasMessageContaining("duplicate entry \"a\"")
        .hasMessageContaining("promote_resource_attributes has an empty entry");
    assertThat(OtlpOptions.builder().ignoreResourceAttributes(List.of("x")).problems())
        .containsExactly("ignore_resource_attributes is only valid with promote_all_resource_attributes: true");
    assertThat(OtlpOptions.builder().promoteAllResourceAttributes(true).ignoreResourceAttributes(List.of("x")).problems())
        .isEmpty();
  }

  @Test
  void scopeMetadataIsPromotedWhenAskedButNeverOnTargetInfo() {
    InstrumentationScope scope = InstrumentationScope.newBuilder().setName("lib").setVersion("1.2")
        .addAttributes(str("team", "pay")).addAttributes(str("name", "clash")).build();
    OtlpOptions on = OtlpOptions.builder().promoteScopeMetadata(true).build();
    MetricBatch b = translate(on, request(RICH, scope, "https://schema/1", gauge("g", "", point(1, str("otel_scope_name", "dp"))))).batch();
    assertThat(samples(b)).containsExactly("{__name__=\"g\", instance=\"c-1\", job=\"shop/checkout\", "
        + "otel_scope_name=\"lib\", otel_scope_schema_url=\"https://schema/1\", otel_scope_team=\"pay\", "
        + "otel_scope_version=\"1.2\"} 1.0@" + T0_MS);
    assertThat(b.labelsText(Otlp.one(b, "target_info"))).doesNotContain("otel_scope");
    // off by default, and skipped for a scope without a name
    assertThat(samples(translate(request(RICH, scope, "", gauge("g", "", point(1)))).batch())).allMatch(s -> !s.contains("otel_scope"));
    assertThat(samples(translate(on, request(RICH, scope.toBuilder().setName("").build(), "", gauge("g", "", point(1))))
        .batch())).allMatch(s -> !s.contains("otel_scope"));
  }

  @Test
  void targetInfoIsDeduplicatedAcrossResourcesOfOneRequest() {
    var one = request(RICH, gauge("g", "", point(1)));
    var twice = one.toBuilder().addResourceMetrics(one.getResourceMetrics(0).toBuilder()
        .setScopeMetrics(0, one.getResourceMetrics(0).getScopeMetrics(0).toBuilder()
            .setMetrics(0, gauge("h", "", point(1))))).build();
    OtlpTranslation t = translate(twice);
    assertThat(Otlp.one(t.batch(), "target_info").sampleCount()).isEqualTo(1);
    assertThat(t.warnings()).doesNotContainKey(OtlpTranslation.Reasons.DUPLICATE_SERIES);
  }
}
