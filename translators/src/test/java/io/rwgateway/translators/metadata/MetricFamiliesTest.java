package io.rwgateway.translators.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.model.MetricType;
import org.junit.jupiter.api.Test;

class MetricFamiliesTest {

  @Test
  void stripsHistogramSuffixes() {
    assertThat(MetricFamilies.familyName("rpc_seconds_bucket", MetricType.HISTOGRAM)).isEqualTo("rpc_seconds");
    assertThat(MetricFamilies.familyName("rpc_seconds_sum", MetricType.HISTOGRAM)).isEqualTo("rpc_seconds");
    assertThat(MetricFamilies.familyName("rpc_seconds_count", MetricType.HISTOGRAM)).isEqualTo("rpc_seconds");
    assertThat(MetricFamilies.familyName("rpc_seconds", MetricType.HISTOGRAM)).isEqualTo("rpc_seconds");
    assertThat(MetricFamilies.familyName("rpc_seconds_gsum", MetricType.HISTOGRAM)).isEqualTo("rpc_seconds_gsum");
  }

  @Test
  void stripsGaugeHistogramSuffixes() {
    assertThat(MetricFamilies.familyName("queue_bucket", MetricType.GAUGEHISTOGRAM)).isEqualTo("queue");
    assertThat(MetricFamilies.familyName("queue_gsum", MetricType.GAUGEHISTOGRAM)).isEqualTo("queue");
    assertThat(MetricFamilies.familyName("queue_gcount", MetricType.GAUGEHISTOGRAM)).isEqualTo("queue");
    assertThat(MetricFamilies.familyName("queue_sum", MetricType.GAUGEHISTOGRAM)).isEqualTo("queue_sum");
    assertThat(MetricFamilies.familyName("queue_count", MetricType.GAUGEHISTOGRAM)).isEqualTo("queue_count");
  }

  @Test
  void stripsSummarySuffixes() {
    assertThat(MetricFamilies.familyName("gc_seconds_sum", MetricType.SUMMARY)).isEqualTo("gc_seconds");
    assertThat(MetricFamilies.familyName("gc_seconds_count", MetricType.SUMMARY)).isEqualTo("gc_seconds");
    assertThat(MetricFamilies.familyName("gc_seconds", MetricType.SUMMARY)).isEqualTo("gc_seconds");
    assertThat(MetricFamilies.familyName("gc_seconds_bucket", MetricType.SUMMARY)).isEqualTo("gc_seconds_bucket");
  }

  @Test
  void stripsInfoSuffix() {
    assertThat(MetricFamilies.familyName("build_info", MetricType.INFO)).isEqualTo("build");
    assertThat(MetricFamilies.familyName("build", MetricType.INFO)).isEqualTo("build");
  }

  @Test
  void keepsCounterTotalAsTextFormatFamily() {
    assertThat(MetricFamilies.familyName("http_requests_total", MetricType.COUNTER)).isEqualTo("http_requests_total");
    assertThat(MetricFamilies.familyName("http_requests", MetricType.COUNTER)).isEqualTo("http_requests");
  }

  @Test
  void keepsNamesOfTypesWithoutSuffixes() {
    assertThat(MetricFamilies.familyName("temp_sum", MetricType.GAUGE)).isEqualTo("temp_sum");
    assertThat(MetricFamilies.familyName("x_bucket", MetricType.UNSPECIFIED)).isEqualTo("x_bucket");
    assertThat(MetricFamilies.familyName("feature_info", MetricType.STATESET)).isEqualTo("feature_info");
  }

  @Test
  void keepsANameThatIsOnlyASuffix() {
    assertThat(MetricFamilies.familyName("_sum", MetricType.SUMMARY)).isEqualTo("_sum");
    assertThat(MetricFamilies.familyName("_info", MetricType.INFO)).isEqualTo("_info");
  }
}
