package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every YAML configuration shown in README.md parses: the documentation cannot drift from the code. */
class ReadmeExamplesTest {
  private static List<String> yamlBlocks() throws Exception {
    Path readme = Path.of("..", "README.md");
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : Files.readAllLines(readme)) {
      if (current == null && line.equals("```yaml")) {
        current = new StringBuilder();
      } else if (current != null && line.equals("```")) {
        blocks.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return blocks;
  }

  @Test
  void everyGatewayConfigInTheReadmeIsValid() throws Exception {
    int checked = 0;
    for (String yaml : yamlBlocks()) {
      if (yaml.startsWith("remote_write:")) {
        continue; // a Prometheus snippet, not ours
      }
      GatewayConfig cfg = ConfigLoader.parse(yaml, "README.md");
      assertThat(cfg).isNotNull();
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }
}
