package io.rwgateway.translators.rw1;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The captured RW 1.0 payloads under {@code rwgateway.fixtures} (shared/fixtures, MANIFEST.md). */
final class Fixtures {
  static final List<String> RW1_DIRS = List.of("rw1-prometheus", "rw1-prometheus-native-exemplars", "rw1-vmagent");

  private Fixtures() {}

  static Path root() {
    String dir = System.getProperty("rwgateway.fixtures");
    if (dir == null) {
      throw new IllegalStateException("system property rwgateway.fixtures is not set (surefire sets it)");
    }
    return Path.of(dir);
  }

  /** Every RW 1.0 body, as "dir/NNNN.body" names relative to the root, sorted. */
  static List<String> rw1Bodies() {
    List<String> out = new ArrayList<>();
    for (String dir : RW1_DIRS) {
      try (Stream<Path> files = Files.list(root().resolve(dir))) {
        files.filter(p -> p.getFileName().toString().endsWith(".body")).sorted()
            .forEach(p -> out.add(dir + "/" + p.getFileName()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no RW 1.0 fixtures under " + root());
    }
    return out;
  }

  /** The snappy-decoded protobuf of one fixture. */
  static byte[] decoded(String name) {
    try {
      byte[] body = Files.readAllBytes(root().resolve(name));
      return SnappyBlock.uncompress(body, 0, body.length, 64 << 20);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidPayloadException e) {
      throw new IllegalStateException("fixture " + name + " is not snappy: " + e.getMessage(), e);
    }
  }
}
