package io.rwgateway.gateway;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What the JVM runs the gateway with, said in the start line, and a warning when the heap limit
 * is the JVM's own default: a quarter of the machine (or container) memory, which in a container
 * wastes three quarters of the limit, and on a large machine lets the heap follow traffic. The
 * shipped flags are in {@code gateway/jvm.options} (README "Memory").
 */
final class JvmSettings {
  private JvmSettings() {}

  /** True when one of {@code args} sets the heap limit, directly or from the memory available. */
  static boolean heapLimitSet(List<String> args) {
    for (String a : args) {
      if (a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize=") || a.startsWith("-XX:MaxRAMPercentage=")
          || a.startsWith("-XX:MaxRAMFraction=")) {
        return true;
      }
    }
    return false;
  }

  /** E.g. {@code heap max 384 MiB, GC G1 Young Generation/G1 Old Generation, 1 CPU}. */
  static String describe() {
    List<String> gcs = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcs.add(gc.getName());
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    return "heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, GC " + String.join("/", gcs)
        + ", " + cpus + (cpus == 1 ? " CPU" : " CPUs");
  }

  /** The warning for the start log, or null when the heap limit was set. */
  static String warning(List<String> args) {
    return heapLimitSet(args) ? null
        : "no heap limit set: the JVM default is a quarter of the memory it sees; start with the shipped "
            + "flags (java @gateway/jvm.options -jar ..., README \"Memory\") or -Xmx";
  }

  static List<String> jvmArguments() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments();
  }
}
