package io.rwgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmSettingsTest {
  /** Surefire runs in the module directory, where the shipped file lives. */
  private static final Path SHIPPED = Path.of("jvm.options");

  @Test
  void aHeapLimitCountsAsSetWhetherAbsoluteOrAShareOfMemory() {
    assertThat(JvmSettings.heapLimitSet(List.of("-Xmx384m"))).isTrue();
    assertThat(JvmSettings.heapLimitSet(List.of("-XX:+UseG1GC", "-XX:MaxRAMPercentage=75"))).isTrue();
    assertThat(JvmSettings.heapLimitSet(List.of("-XX:MaxHeapSize=1g"))).isTrue();
    assertThat(JvmSettings.warning(List.of("-Xmx1g"))).isNull();
  }

  @Test
  void noHeapLimitIsWarnedAboutWithTheShippedFlags() {
    assertThat(JvmSettings.heapLimitSet(List.of("-XX:+UseG1GC", "-XX:MaxRAM=512m"))).isFalse();
    assertThat(JvmSettings.warning(List.of())).contains("@gateway/jvm.options");
  }

  @Test
  void theShippedFlagsGiveThreeQuartersOfAContainerLimitToTheHeapWithG1() throws Exception {
    // -XX:MaxRAM stands for a container's memory limit, as the JVM reads it from the cgroup.
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + SHIPPED.toAbsolutePath(), "-XX:MaxRAM=512m", "-XX:+PrintFlagsFinal", "-version")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(flags).isZero();
    assertThat(flag(flags, "MaxHeapSize")).isEqualTo(String.valueOf(384L << 20));
    assertThat(flag(flags, "UseG1GC")).isEqualTo("true");
    assertThat(flag(flags, "ExitOnOutOfMemoryError")).isEqualTo("true");
  }

  @Test
  void theShippedFileIsAJavaArgumentFileWithCommentedFlagsOnly() throws Exception {
    for (String line : Files.readAllLines(SHIPPED)) {
      String t = line.strip();
      assertThat(t.isEmpty() || t.startsWith("#") || t.startsWith("-XX:")).as(line).isTrue();
    }
  }

  private static String flag(String printFlagsFinal, String name) {
    for (String line : printFlagsFinal.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[1].equals(name)) {
        return f[3];
      }
    }
    throw new AssertionError(name + " not printed");
  }
}
