package io.rwgateway.config;

import java.util.Optional;

/**
 * Wire protocol a backend receives: Remote Write 2.0 (the default), 1.0 (remote-write.md §1, §2),
 * or {@code auto}: RW 2.0 until the backend shows it does not speak it (a 415, or a 2xx without the
 * Written headers, §2.6 and §3.4), then RW 1.0 for good (architecture.md "Delivery semantics").
 */
public enum Protocol {
  RW2("rw2"),
  RW1("rw1"),
  AUTO("auto");

  private final String wireName;

  Protocol(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in YAML ({@code rw2}, {@code rw1}). */
  public String wireName() {
    return wireName;
  }

  /** @return the protocol for a YAML name, matched exactly (lower case); empty when unknown */
  public static Optional<Protocol> fromWireName(String name) {
    for (Protocol p : values()) {
      if (p.wireName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
