package io.rwgateway.config;

import java.nio.file.Path;

/**
 * A credential given in the file itself, or (better: a Kubernetes Secret mounted as a file) as
 * the path of a file holding it, as Prometheus' {@code password_file} / {@code credentials_file}.
 * A file is read when requests are sent, not when the config is loaded, so a rotated secret is
 * picked up without a restart. Exactly one of the two is set. {@link #toString()} never shows the
 * value.
 */
public record Secret(String value, Path file) {
  public Secret {
    if ((value == null) == (file == null)) {
      throw new IllegalArgumentException("a secret is either a value or a file");
    }
  }

  public static Secret inline(String value) {
    return new Secret(value, null);
  }

  public static Secret fromFile(Path file) {
    return new Secret(null, file);
  }

  @Override
  public String toString() {
    return file != null ? "file " + file : "<secret>";
  }
}
