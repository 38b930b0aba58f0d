package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of the image without a Docker engine: the runtime stage's user is the
 * chart's, the jar it copies is the one the build produces, and its ENTRYPOINT is the chart's
 * command, which starts the real jar.
 */
class DockerfileTest {
  private static Dockerfile dockerfile;
  private static Manifests chart;

  @TempDir
  Path tmp;

  @BeforeAll
  static void read() throws Exception {
    dockerfile = Dockerfile.read(Chart.REPO.resolve("Dockerfile"));
    chart = Chart.withDefaults().render();
  }

  private static List<String> entrypoint() throws Exception {
    return GatewayCommandLine.strings(Chart.YAML.readTree(dockerfile.runtime().last("ENTRYPOINT")));
  }

  @Test
  void multiStageMavenBuildThenJre17() {
    assertThat(dockerfile.stages).hasSize(2);
    assertThat(dockerfile.stages.get(0).from()).isEqualTo("maven:3.9-eclipse-temurin-17 AS build");
    assertThat(dockerfile.runtime().from()).isEqualTo("eclipse-temurin:17-jre");
    assertThat(dockerfile.stage("build").last("RUN")).contains("-pl gateway -am package");
  }

  @Test
  void runtimeUserIsTheChartsNumericNonRootUser() {
    String[] user = dockerfile.runtime().last("USER").split(":");
    JsonNode sc = chart.container().path("securityContext");

    assertThat(Integer.parseInt(user[0])).isPositive().isEqualTo(sc.path("runAsUser").asInt());
    assertThat(Integer.parseInt(user[1])).isEqualTo(sc.path("runAsGroup").asInt());
    assertThat(chart.podSpec().at("/securityContext/runAsUser").asInt()).isEqualTo(Integer.parseInt(user[0]));
    assertThat(dockerfile.runtime().last("RUN")).contains("--uid " + user[0]).contains("--gid " + user[1]);
  }

  @Test
  void entrypointIsTheChartsDefaultCommand() throws Exception {
    assertThat(entrypoint()).isEqualTo(GatewayCommandLine.strings(chart.container().path("command")));
  }

  @Test
  void theJarTheEntrypointStartsIsTheGatewaysShadedJar() throws Exception {
    List<String> entrypoint = entrypoint();
    String imageJar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
    String copy = dockerfile.runtime().all("COPY").stream().filter(c -> c.startsWith("--from=build ")).findFirst()
        .orElseThrow();
    String[] parts = copy.split("\\s+");
    String workdir = dockerfile.stage("build").last("WORKDIR");

    assertThat(imageJar).isEqualTo(GatewayCommandLine.IMAGE_JAR);
    assertThat(parts[2]).isEqualTo(imageJar);
    assertThat(Path.of(workdir).relativize(Path.of(parts[1])))
        .isEqualTo(Chart.REPO.relativize(GatewayCommandLine.JAR));
  }

  @Test
  void theImageShipsTheGatewaysJvmOptionsFileTheEntrypointReads() throws Exception {
    String copy = dockerfile.runtime().all("COPY").stream().filter(c -> c.endsWith(" /app/jvm.options")).findFirst()
        .orElseThrow();
    String workdir = dockerfile.stage("build").last("WORKDIR");

    assertThat(entrypoint()).contains(GatewayCommandLine.IMAGE_JVM_OPTIONS);
    assertThat(Path.of(workdir).relativize(Path.of(copy.split("\\s+")[1])))
        .isEqualTo(Chart.REPO.relativize(GatewayCommandLine.JVM_OPTIONS));
  }

  @Test
  void entrypointStartsTheRealJarOnTheChartsConfig() throws Exception {
    String config = chart.file(Chart.FULLNAME, "rw-gateway.yaml").orElseThrow();
    Path configFile = Files.writeString(tmp.resolve("rw-gateway.yaml"), config, StandardCharsets.UTF_8);

    GatewayCommandLine.Result result = GatewayCommandLine.run(entrypoint(), List.of("--config", "/etc/rw-gateway/rw-gateway.yaml"),
        "/etc/rw-gateway/rw-gateway.yaml", configFile, "--check-config");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("configuration is valid");
  }

  @Test
  void entrypointStartsTheJarWhichAnswersItsVersion() throws Exception {
    GatewayCommandLine.Result result = GatewayCommandLine.run(entrypoint(), List.of(), "", tmp, "--version");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).startsWith("rw-gateway ");
  }

  @Test
  void chartReadmeBuildsTheImageTheChartPullsByDefault() throws Exception {
    String readme = Files.readString(Chart.DIR.resolve("README.md"), StandardCharsets.UTF_8);

    assertThat(readme).contains("docker build -t " + chart.container().path("image").asText() + " .");
  }
}
