package io.rwgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed access to one YAML map, tracking its path and the keys asked for. A value that is missing,
 * null, of the wrong kind or out of range gives the default and records an error with its path, so
 * one pass finds every error. {@link #rejectUnknownKeys()} then reports each key never asked for.
 * A null value (a key written with nothing after the colon) counts as absent.
 */
final class MapReader {
  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();
  private static final int SHOWN_CHARS = 60;

  private final String path;
  private final JsonNode node;
  private final ConfigErrors errors;
  private final Set<String> known = new LinkedHashSet<>();

  private MapReader(String path, JsonNode node, ConfigErrors errors) {
    this.path = path;
    this.node = node;
    this.errors = errors;
  }

  static MapReader root(JsonNode root, ConfigErrors errors) {
    return of(root, "", errors);
  }

  private static MapReader of(JsonNode value, String path, ConfigErrors errors) {
    if (isAbsent(value)) {
      return new MapReader(path, EMPTY, errors);
    }
    if (!value.isObject()) {
      errors.add(path, "must be a map, got " + describe(value));
      return new MapReader(path, EMPTY, errors);
    }
    return new MapReader(path, value, errors);
  }

  String path() {
    return path;
  }

  String path(String key) {
    return ConfigPath.key(path, key);
  }

  void error(String key, String message) {
    errors.add(path(key), message);
  }

  /** Records an error at this map's own path (a problem of the whole item, not of one key). */
  void errorHere(String message) {
    errors.add(path, message);
  }

  /** Errors recorded so far in the whole configuration; a mapper compares the count before and after an item. */
  int errorCount() {
    return errors.count();
  }

  /** Whether key is present with a value (for optional sections whose absence means "not used"). */
  boolean has(String key) {
    return !isAbsent(node.get(key));
  }

  /** Whether the value under key was refused; cross-field checks skip it then. */
  boolean failed(String key) {
    return errors.failed(path(key));
  }

  /** The nested map under key; empty when absent, or (with an error) when not a map. */
  MapReader map(String key) {
    known.add(key);
    return of(node.get(key), path(key), errors);
  }

  /** The maps of the list under key, each with its indexed path; items that are not maps are errors. */
  List<MapReader> mapList(String key) {
    JsonNode value = take(key);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      error(key, "must be a list, got " + describe(value));
      return List.of();
    }
    List<MapReader> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      String itemPath = ConfigPath.index(path(key), i);
      JsonNode item = value.get(i);
      if (item.isObject()) {
        items.add(new MapReader(itemPath, item, errors));
      } else if (!errors.failed(itemPath)) { // an alias item was reported already
        errors.add(itemPath, "must be a map, got " + describe(item));
      }
    }
    return items;
  }

  /** Every key of this map, in file order, all counted as known (for free-form maps such as headers). */
  List<String> keys() {
    List<String> keys = new ArrayList<>(node.size());
    node.fieldNames().forEachRemaining(keys::add);
    known.addAll(keys);
    return keys;
  }

  String string(String key, String defaultValue) {
    JsonNode value = take(key);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isTextual()) {
      error(key, "must be a string, got " + describe(value) + (value.isValueNode() ? " (quote it)" : ""));
      return defaultValue;
    }
    return value.textValue();
  }

  /** @return the string, or null after recording "required" when absent */
  String requiredString(String key) {
    if (isAbsent(node.get(key))) {
      known.add(key);
      error(key, "required");
      return null;
    }
    return string(key, null);
  }

  int integer(String key, int defaultValue, int min, int max) {
    JsonNode value = take(key);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isIntegralNumber()) {
      error(key, "must be an integer, got " + describe(value));
      return defaultValue;
    }
    if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
      boolean onlyTooSmall = max == Integer.MAX_VALUE && value.canConvertToInt();
      String range = onlyTooSmall ? "at least " + min : "between " + min + " and " + max;
      error(key, "must be " + range + ", got " + value.asText());
      return defaultValue;
    }
    return value.intValue();
  }

  long longInteger(String key, long defaultValue, long min, long max) {
    Long value = optionalLong(key, min, max);
    return value == null ? defaultValue : value;
  }

  /** @return the integer under key, or null when absent or refused (an error is recorded) */
  Long optionalLong(String key, long min, long max) {
    JsonNode value = take(key);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      error(key, "must be an integer, got " + describe(value));
      return null;
    }
    if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      boolean onlyTooSmall = max == Long.MAX_VALUE && value.canConvertToLong();
      String range = onlyTooSmall ? "at least " + min : "between " + min + " and " + max;
      error(key, "must be " + range + ", got " + value.asText());
      return null;
    }
    return value.longValue();
  }

  /**
   * @return the strings of the list under key, or null when absent or refused; a value that is not
   *         a list is an error at key, an item that is not a string an error at its indexed path
   */
  List<String> stringList(String key) {
    JsonNode value = take(key);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      error(key, "must be a list of strings, got " + describe(value));
      return null;
    }
    List<String> strings = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemPath = ConfigPath.index(path(key), i);
      if (item.isTextual()) {
        strings.add(item.textValue());
      } else if (!errors.failed(itemPath)) { // an alias item was reported already
        boolean scalar = item.isValueNode() && !item.isNull();
        errors.add(itemPath, "must be a string, got " + describe(item) + (scalar ? " (quote it)" : ""));
      }
    }
    return strings.size() == value.size() ? strings : null;
  }

  long size(String key, long defaultValue, long min, long max) {
    JsonNode value = take(key);
    if (value == null) {
      return defaultValue;
    }
    long bytes;
    if (value.isIntegralNumber()) {
      bytes = value.canConvertToLong() ? value.longValue() : Long.MAX_VALUE;
    } else if (value.isTextual()) {
      try {
        bytes = ByteSize.parse(value.textValue());
      } catch (IllegalArgumentException e) {
        error(key, e.getMessage());
        return defaultValue;
      }
    } else {
      error(key, "must be a size in bytes or with a unit (e.g. 64MiB, 500KB, 1048576), got " + describe(value));
      return defaultValue;
    }
    if (bytes < min || bytes > max) {
      String range = max == Long.MAX_VALUE && bytes < min
          ? "at least " + ByteSize.format(min)
          : "between " + ByteSize.format(min) + " and " + ByteSize.format(max);
      error(key, "must be " + range + ", got " + value.asText());
      return defaultValue;
    }
    return bytes;
  }

  /** @param max inclusive upper bound, or null for none */
  Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
    JsonNode value = take(key);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isTextual() && !value.isNumber()) {
      error(key, "must be a duration (e.g. 30s, 500ms, 1h30m), got " + describe(value));
      return defaultValue;
    }
    Duration duration;
    try {
      duration = Durations.parse(value.asText());
    } catch (IllegalArgumentException e) {
      error(key, e.getMessage());
      return defaultValue;
    }
    if (duration.compareTo(min) < 0 || (max != null && duration.compareTo(max) > 0)) {
      String range = max == null
          ? "at least " + Durations.format(min)
          : "between " + Durations.format(min) + " and " + Durations.format(max);
      error(key, "must be " + range + ", got " + value.asText());
      return defaultValue;
    }
    return duration;
  }

  boolean bool(String key, boolean defaultValue) {
    JsonNode value = take(key);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      error(key, "must be true or false, got " + describe(value));
      return defaultValue;
    }
    return value.booleanValue();
  }

  /** Reports every key of this map that no accessor asked for, with a close known key if any. */
  void rejectUnknownKeys() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        String suggestion = KeySuggestions.closest(name, known);
        error(name, "unknown key" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
      }
    }
  }

  private JsonNode take(String key) {
    known.add(key);
    JsonNode value = node.get(key);
    return isAbsent(value) ? null : value;
  }

  private static boolean isAbsent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  /** How a value is named in messages: 'text' for strings, the literal for numbers and booleans. */
  static String describe(JsonNode value) {
    if (value.isObject()) {
      return "a map";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      String text = value.textValue();
      return "'" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text) + "'";
    }
    return value.asText();
  }
}
