package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VmExportLineTest {

  @Test
  void parsesLabelsAndSamples() {
    ExportedSeries series = VmExportLine.parse("{\"metric\":{\"__name__\":\"up\",\"job\":\"prometheus\","
        + "\"instance\":\"127.0.0.1:9090\"},\"values\":[1,0.5,-1.5e-3],\"timestamps\":[1000,2000,3000]}");

    assertThat(series.labels()).isEqualTo(new TreeMap<>(
        Map.of("__name__", "up", "job", "prometheus", "instance", "127.0.0.1:9090")));
    assertThat(series.samples()).containsExactly(Sample.of(1000, 1), Sample.of(2000, 0.5), Sample.of(3000, -0.0015));
  }

  @Test
  void readsBareInfAndNanTokensAndNullAsStalenessMarker() {
    // as VictoriaMetrics 1.79.5 wrote them for fake-exporter.py series: not valid JSON
    ExportedSeries series = VmExportLine.parse("{\"metric\":{\"__name__\":\"demo_temperature_celsius\","
        + "\"room\":\"inf\"},\"values\":[+Inf,-Inf,NaN,null],\"timestamps\":[1,2,3,4]}");

    assertThat(series.samples()).extracting(Sample::value)
        .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN);
    assertThat(series.samples()).extracting(Sample::isStale).containsExactly(false, false, false, true);
  }

  @Test
  void keepsEscapesAndBracketsInsideLabelValues() {
    ExportedSeries series = VmExportLine.parse("{\"metric\":{\"__name__\":\"demo_requests_total\","
        + "\"path\":\"/a \\\"quoted\\\" \\\\ back\\nslash },\\\"values\\\":[\",\"code\":\"日本\"},"
        + "\"values\":[7],\"timestamps\":[5]}");

    assertThat(series.labels()).containsEntry("path", "/a \"quoted\" \\ back\nslash },\"values\":[")
        .containsEntry("code", "日本");
    assertThat(series.samples()).containsExactly(Sample.of(5, 7));
  }

  @Test
  void rejectsArraysOfDifferentLengths() {
    assertThatThrownBy(() -> VmExportLine.parse(
        "{\"metric\":{\"__name__\":\"up\"},\"values\":[1,2],\"timestamps\":[1]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot parse VictoriaMetrics export line")
        .hasMessageContaining("2 values but 1 timestamps");
  }

  @Test
  void rejectsLinesOfAnotherShape() {
    assertThatThrownBy(() -> VmExportLine.parse("{\"status\":\"error\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot parse VictoriaMetrics export line");
    assertThatThrownBy(() -> VmExportLine.parse(
        "{\"metric\":{\"__name__\":\"up\"},\"values\":[one],\"timestamps\":[1]}"))
        .hasMessageContaining("bad sample one @ 1");
  }
}
