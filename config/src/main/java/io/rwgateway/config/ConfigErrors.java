package io.rwgateway.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects every problem found in one configuration, each as "path: message", in the order found. */
final class ConfigErrors {
  private final List<String> messages = new ArrayList<>();
  private final Set<String> failedPaths = new HashSet<>();

  void add(String path, String message) {
    failedPaths.add(path);
    messages.add((path.isEmpty() ? "(root)" : path) + ": " + message);
  }

  /** Whether the value at exactly this path was refused (cross-field checks skip such values). */
  boolean failed(String path) {
    return failedPaths.contains(path);
  }

  int count() {
    return messages.size();
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  List<String> list() {
    return List.copyOf(messages);
  }
}
