package io.rwgateway.config;

import java.util.Optional;

/**
 * What a backend route does when its queue is full (architecture.md "Delivery semantics"). Each
 * route decides alone, so one dead backend never refuses data for the others.
 */
public enum OnFull {
  /** Evict the oldest waiting requests of this route to make room (counted, reason queue_full). */
  DROP_OLDEST("drop_oldest"),
  /** Drop what this route cannot hold any more (counted, reason queue_full). */
  DROP_NEWEST("drop_newest"),
  /** Refuse the sender (503) while this route is full: this backend loses nothing, at the others' cost. */
  BLOCK("block");

  private final String configName;

  OnFull(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static Optional<OnFull> fromConfigName(String name) {
    for (OnFull o : values()) {
      if (o.configName.equals(name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
