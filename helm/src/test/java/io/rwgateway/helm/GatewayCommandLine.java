package io.rwgateway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a container's command line on this machine against the real gateway jar: {@code java} is
 * this JVM's, the image's jar path is the jar the gateway module packaged, and the config file is
 * written where the test says. Everything else (JVM flags, {@code -jar}, the gateway's arguments)
 * is run as rendered.
 */
final class GatewayCommandLine {
  /** Where the Dockerfile puts the jar. */
  static final String IMAGE_JAR = "/app/rw-gateway.jar";
  /** Where the Dockerfile puts the shipped JVM flags, and that file in the repo. */
  static final String IMAGE_JVM_OPTIONS = "@/app/jvm.options";
  static final Path JVM_OPTIONS = Path.of("../gateway/jvm.options").toAbsolutePath().normalize();
  static final Path JAR = Path.of(System.getProperty("rwgateway.jar", "../gateway/target/rw-gateway.jar"))
      .toAbsolutePath().normalize();

  record Result(int exitCode, String output) {
  }

  private GatewayCommandLine() {
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * @param command    the container's command (the image's ENTRYPOINT when the chart sets it)
   * @param args       the container's args
   * @param configPath the config file's path in the container
   * @param configFile the same file on this machine
   */
  static Result run(List<String> command, List<String> args, String configPath, Path configFile, String... more)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError(JAR + " is missing: it is built by the gateway module's package phase "
          + "(mvn -B verify at the root, or mvn -B -o package -pl gateway -am -DskipTests)");
    }
    List<String> line = new ArrayList<>();
    for (String a : command) {
      line.add(a.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
          : a.equals(IMAGE_JAR) ? JAR.toString()
          : a.equals(IMAGE_JVM_OPTIONS) ? "@" + JVM_OPTIONS : a);
    }
    for (String a : args) {
      line.add(a.equals(configPath) ? configFile.toString() : a);
    }
    line.addAll(List.of(more));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("still running after 60 s: " + line);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.exitValue(), output);
  }
}
