package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The chart README's snippets are what the chart prints, so they cannot drift. */
class ChartReadmeTest {
  @Test
  void kubePrometheusStackSnippetIsWhatNotesPrintsForTheDefaultSidecar() throws Exception {
    String readme = Files.readString(Chart.DIR.resolve("README.md"), StandardCharsets.UTF_8);
    String snippet = Chart.withDefaults().release("rw-gateway").set("mode", "sidecar").sidecarValuesText();

    assertThat(readme).contains("```yaml\n" + snippet + "```\n");
  }

  @Test
  void repoReadmeLinksTheChartReadme() throws Exception {
    String readme = Files.readString(Chart.REPO.resolve("README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains("(helm/rw-gateway/README.md)");
  }
}
