package io.rwgateway.config;

import java.util.List;

/** The configuration cannot be used; {@link #errors()} lists every problem, each with its path. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> errors;

  public ConfigException(String source, List<String> errors) {
    super("invalid configuration " + source + ":\n  " + String.join("\n  ", errors));
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  /** The file name, or the name given to {@link ConfigLoader#parse(String, String)}. */
  public String source() {
    return source;
  }

  /** Each error as {@code path: problem}, e.g. {@code backends[1].url: must be an absolute http or https URL}. */
  public List<String> errors() {
    return errors;
  }
}
