package io.rwgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the YAML configuration into {@link GatewayConfig}. Every problem is collected before
 * failing, so one start shows them all; a YAML syntax error stops the reading and is the only one.
 */
public final class ConfigLoader {
  private static final String INLINE_SOURCE = "<inline>";

  private ConfigLoader() {
  }

  public static GatewayConfig load(Path file) throws ConfigException {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot read file: " + cause(e)));
    }
    return parse(yaml, file.toString());
  }

  public static GatewayConfig parse(String yaml) throws ConfigException {
    return parse(yaml, INLINE_SOURCE);
  }

  /** @param sourceName names the text in the exception message, e.g. a file name */
  public static GatewayConfig parse(String yaml, String sourceName) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    JsonNode root;
    try {
      root = YamlTreeReader.read(yaml, errors);
    } catch (YamlTreeReader.SyntaxError e) {
      throw new ConfigException(sourceName, List.of(e.getMessage()));
    }
    GatewayConfig config = GatewayConfigMapper.map(root, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(sourceName, errors.list());
    }
    return config;
  }

  private static String cause(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not valid UTF-8";
    }
    return e.toString();
  }
}
