package io.rwgateway.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Test helper: the errors ConfigLoader reports for a YAML text (fails the test when there are none). */
final class LoadErrors {
  private LoadErrors() {
  }

  static List<String> of(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml));
    if (e == null) {
      throw new AssertionError("expected ConfigException for:\n" + yaml);
    }
    return e.errors();
  }
}
