package io.rwgateway.gateway;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** One line per event, no stack traces for expected errors (DEVELOPERS.md "Operations"). */
final class LogFormat {
  private LogFormat() {}

  /** Writes one line in the same format without JUL (usable while the JVM shuts down). */
  static void direct(String level, String logger, String message) {
    System.err.println(String.format("%1$tF %1$tT.%1$tL %2$s %3$s: %4$s", System.currentTimeMillis(), level,
        logger, message));
  }

  static void install() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format",
          "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    }
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    ConsoleHandler h = new ConsoleHandler();
    h.setFormatter(new SimpleFormatter());
    h.setLevel(Level.INFO);
    root.addHandler(h);
    root.setLevel(Level.INFO);
  }
}
