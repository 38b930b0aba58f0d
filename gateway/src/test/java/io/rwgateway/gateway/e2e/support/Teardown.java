package io.rwgateway.gateway.e2e.support;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stops what a test started in the reverse order of registration, every step even when an earlier
 * one failed, so that e.g. the Prometheus senders (registered last) stop before the gateways they
 * write to, and each gateway before the gateway it forwards to. Use with try-with-resources: a
 * failure while stopping is then added to the test's own failure instead of hiding it.
 * Closing twice does nothing the second time.
 */
public final class Teardown implements AutoCloseable {
  private final Deque<AutoCloseable> steps = new ArrayDeque<>();

  /** Registers {@code resource} to be closed before everything registered earlier; returns it. */
  public synchronized <T extends AutoCloseable> T add(T resource) {
    steps.push(resource);
    return resource;
  }

  @Override
  public synchronized void close() throws Exception {
    Exception failure = null;
    while (!steps.isEmpty()) {
      try {
        steps.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
