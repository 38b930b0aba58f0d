package io.rwgateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a Jackson tree, token by token, so that what a plain {@code readTree} would
 * silently accept becomes an error with its path: a key given twice (readTree keeps the last), an
 * alias ({@code *name}, which Jackson hands over as the anchor's name, a string), a second document.
 * Absent input or an empty document gives {@link MissingNode}.
 */
final class YamlTreeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The text is not YAML; the message has the line and column. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message);
    }
  }

  private final YAMLParser parser;
  private final ConfigErrors errors;

  private YamlTreeReader(YAMLParser parser, ConfigErrors errors) {
    this.parser = parser;
    this.errors = errors;
  }

  static JsonNode read(String yaml, ConfigErrors errors) throws SyntaxError {
    try (YAMLParser parser = FACTORY.createParser(yaml)) {
      YamlTreeReader reader = new YamlTreeReader(parser, errors);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode root = reader.value(first, "");
      JsonToken next = parser.nextToken();
      // A trailing "---" opens an empty document (a null): harmless. Anything else is ignored by
      // readers of the first document only, so refuse it.
      if (next != null && next != JsonToken.VALUE_NULL) {
        errors.add("", "cannot read a second YAML document (line " + line(parser) + "): put everything in one");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new SyntaxError(describe(e));
    } catch (IOException e) {
      // Reading a String does not do I/O; kept for the checked signature.
      throw new SyntaxError("cannot parse YAML: " + e.getMessage());
    }
  }

  private JsonNode value(JsonToken token, String path) throws IOException {
    if (parser.isCurrentAlias()) {
      errors.add(path, "cannot use YAML alias *" + parser.getText() + " (line " + line(parser)
          + "): aliases and merge keys are not supported, write the value out");
      return MissingNode.getInstance();
    }
    switch (token) {
      case START_OBJECT:
        return object(path);
      case START_ARRAY:
        return array(path);
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        // No setting takes a fraction; a double is enough to name the value in the error.
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalStateException("unexpected YAML token " + token + " at " + path);
    }
  }

  private ObjectNode object(String path) throws IOException {
    ObjectNode object = NODES.objectNode();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.getText();
      int keyLine = line(parser);
      String keyPath = ConfigPath.key(path, key);
      JsonNode value = value(parser.nextToken(), keyPath);
      if (object.has(key)) {
        errors.add(keyPath, "duplicate key (again at line " + keyLine + ")");
      } else if (!value.isMissingNode()) {
        object.set(key, value);
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unexpected YAML token " + token + " in map at " + path);
    }
    return object;
  }

  private ArrayNode array(String path) throws IOException {
    ArrayNode array = NODES.arrayNode();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      JsonNode item = value(token, ConfigPath.index(path, array.size()));
      // An alias item stays in place (as null) so the indexes of later items match the file.
      array.add(item.isMissingNode() ? NODES.nullNode() : item);
    }
    return array;
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  /** "cannot parse YAML at line L, column C: problem (context at line L', column C')". */
  private static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException) {
      MarkedYAMLException yaml = (MarkedYAMLException) e.getCause();
      Mark mark = yaml.getProblemMark();
      if (mark != null) {
        String message = "cannot parse YAML at " + position(mark) + ": " + yaml.getProblem();
        Mark contextMark = yaml.getContextMark();
        if (yaml.getContext() != null && contextMark != null) {
          message += " (" + yaml.getContext() + " started at " + position(contextMark) + ")";
        }
        return message;
      }
    }
    JsonLocation location = e.getLocation();
    String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return "cannot parse YAML" + where + ": " + e.getOriginalMessage();
  }

  private static String position(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
