package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rwgateway.config.ConfigException;
import io.rwgateway.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart can never render a config the gateway refuses: for the default values and every CI
 * values file, the config file the container is started with (found through its mounts) is loaded
 * by the gateway's own loader, and the rendered command line starts the real jar with
 * {@code --check-config}.
 */
class GatewayStartsOnRenderedConfigTest {
  @TempDir
  Path tmp;

  /** One way the chart is installed: its container, its pod's volumes, its objects. */
  record Installed(String name, JsonNode container, JsonNode volumes, Manifests manifests) {
    static Installed of(String name, Chart chart) {
      Manifests m = chart.render();
      if (m.find("Deployment").isPresent()) {
        return new Installed(name, m.container(), m.podSpec().path("volumes"), m);
      }
      JsonNode spec = chart.sidecarValues().at("/prometheus/prometheusSpec");
      return new Installed(name, spec.at("/containers/0"), spec.path("volumes"), m);
    }

    String configPath() {
      List<String> args = GatewayCommandLine.strings(container.path("args"));
      return args.get(args.indexOf("--config") + 1);
    }

    String config() {
      return MountedFiles.read(configPath(), container, volumes, manifests);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Installed> everyValuesFile() {
    List<Installed> all = new ArrayList<>();
    all.add(Installed.of("default values", Chart.withDefaults()));
    for (Path f : Chart.ciValuesFiles()) {
      all.add(Installed.of(f.getFileName().toString(), Chart.with(f)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyValuesFile")
  void theGatewaysConfigLoaderAcceptsTheRenderedConfig(Installed installed) {
    assertThatCode(() -> ConfigLoader.parse(installed.config(), installed.name())).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyValuesFile")
  void theRenderedCommandLineStartsTheJarWhichAcceptsTheConfig(Installed installed) throws Exception {
    Path configFile = Files.writeString(tmp.resolve("rw-gateway.yaml"), installed.config(), StandardCharsets.UTF_8);

    GatewayCommandLine.Result result = GatewayCommandLine.run(GatewayCommandLine.strings(installed.container().path("command")),
        GatewayCommandLine.strings(installed.container().path("args")), installed.configPath(), configFile, "--check-config");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("configuration is valid: " + configFile);
  }

  @Test
  void everyCiValuesFileIsCovered() {
    assertThat(Chart.ciValuesFiles()).extracting(p -> p.getFileName().toString())
        .contains("sidecar-values.yaml", "standalone-full-values.yaml");
  }

  @Test
  void aConfigTheGatewayRefusesFailsBothTheLoaderAndTheCommandLine() throws Exception {
    Installed installed = Installed.of("bad backend url", Chart.withDefaults()
        .set("config.backends[0].name", "vm").set("config.backends[0].url", "ftp://vm:8428/api/v1/write"));
    Path configFile = Files.writeString(tmp.resolve("rw-gateway.yaml"), installed.config(), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ConfigLoader.parse(installed.config(), installed.name()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("backends[0].url");
    GatewayCommandLine.Result result = GatewayCommandLine.run(GatewayCommandLine.strings(installed.container().path("command")),
        GatewayCommandLine.strings(installed.container().path("args")), installed.configPath(), configFile, "--check-config");
    assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
    assertThat(result.output()).contains("backends[0].url: must be an absolute http or https URL");
  }
}
