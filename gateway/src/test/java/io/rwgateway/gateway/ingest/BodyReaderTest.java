package io.rwgateway.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.gateway.testing.GatewayHarness;
import io.rwgateway.gateway.testing.TestConfigs;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  /**
   * A Content-Length is a claim, not bytes: 40 connections each claiming a 9 MB body (under the
   * 10 MiB limit) and sending 10 bytes must not make the gateway allocate 40 x 9 MB up front. The
   * event loops' allocation is read from the JVM's per-thread counters.
   */
  @Test
  void aClaimedLengthDoesNotSizeTheBuffer() throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (GatewayHarness gw = new GatewayHarness(TestConfigs.gateway())) {
      gw.get("/-/ready");
      long before = eventLoopAllocation(threads);
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          Socket s = new Socket(InetAddress.getLoopbackAddress(), gw.gateway().port());
          OutputStream out = s.getOutputStream();
          out.write(("POST /api/v1/write HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"
              + "Content-Encoding: snappy\r\nContent-Length: 9000000\r\n\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          sockets.add(s);
        }
        // The gateway has read the headers and the first bytes of every body by now.
        Thread.sleep(500);
        long allocated = eventLoopAllocation(threads) - before;
        assertThat(allocated).as("bytes the event loops allocated for 40 claimed 9 MB bodies")
            .isLessThan(40L * 1024 * 1024);
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  private static long eventLoopAllocation(com.sun.management.ThreadMXBean threads) {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("vert.x-eventloop-thread")) {
        sum += threads.getThreadAllocatedBytes(t.getId());
      }
    }
    return sum;
  }
}
