package io.rwgateway.gateway.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a loopback port the kernel considers free right now. Another process can still take it
 * before the peer binds it, so {@link Peers} retries a start that failed with "in use".
 */
final class FreePort {
  private FreePort() {
  }

  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pick a free loopback port: " + e.getMessage(), e);
    }
  }
}
