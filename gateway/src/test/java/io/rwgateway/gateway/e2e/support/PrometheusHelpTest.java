package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusHelpTest {
  @Test
  void readsHelpPerFamilyUnescaped() {
    String exposition = """
        # HELP go_goroutines Number of goroutines that currently exist.
        # TYPE go_goroutines gauge
        go_goroutines 31
        # HELP odd_metric A \\\\ backslash and a\\nnewline.
        # HELP silent_metric
        """;
    assertThat(PrometheusHelp.parse(exposition))
        .containsEntry("go_goroutines", "Number of goroutines that currently exist.")
        .containsEntry("odd_metric", "A \\ backslash and a\nnewline.")
        .containsEntry("silent_metric", "")
        .hasSize(3);
  }
}
