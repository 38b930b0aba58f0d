package io.rwgateway.gateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DropLogTest {
  @Test
  void logsOneLinePerReasonPerIntervalAndSumsTheRestIntoTheNext() {
    List<String> lines = new ArrayList<>();
    Logger logger = Logger.getLogger(DropLog.class.getName());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      DropLog log = new DropLog("vm");
      for (int i = 0; i < 1000; i++) {
        log.dropped("queue_full", null, new Counts(10, 0, 0), "queue full");
      }
      log.dropped("backend_rejected", "team-a", new Counts(3, 1, 0), "status 400: out of order sample");

      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).isEqualTo("backend vm: dropped request (10 samples, 0 histograms, 0 exemplars),"
          + " reason queue_full: queue full");
      assertThat(lines.get(1)).contains("tenant team-a").contains("reason backend_rejected")
          .contains("status 400: out of order sample").doesNotContain("\n");
    } finally {
      logger.removeHandler(capture);
    }
  }
}
