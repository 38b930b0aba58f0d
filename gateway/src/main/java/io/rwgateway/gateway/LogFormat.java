package io.rwgateway.gateway;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** One line per event, no stack traces for expected errors (DEVELOPERS.md "Operations"). */
final class LogFormat {
  private LogFormat() {}

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
