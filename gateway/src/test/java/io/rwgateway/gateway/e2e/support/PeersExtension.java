package io.rwgateway.gateway.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method a fresh {@link Peers} parameter and stops all its peers after the test,
 * whatever the outcome. When the test failed it first prints the tail of every peer's log (the
 * surefire output file of the test keeps it) and keeps the work dir for a post-mortem; when the
 * test passed it deletes the work dir.
 */
public final class PeersExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PeersExtension.class);
  private static final int LOG_TAIL_LINES = 30;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Peers.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), id -> Peers.create(), Peers.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Peers peers = context.getStore(NAMESPACE).remove(context.getUniqueId(), Peers.class);
    if (peers == null) {
      return;
    }
    boolean failed = context.getExecutionException().isPresent();
    if (failed) {
      for (PeerProcess peer : peers.running()) {
        System.err.println("--- " + peer.name() + ": last lines of " + peer.log() + " ---");
        System.err.println(peer.logTail(LOG_TAIL_LINES));
      }
      System.err.println("peers work dir kept: " + peers.workDir());
    }
    peers.close();
    if (!failed) {
      deleteRecursively(peers.workDir());
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("cannot delete peers work dir " + root + ": " + e.getMessage());
    }
  }
}
