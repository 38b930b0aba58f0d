package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An attribute value as label text (otlp.md §4.6, pdata's {@code AsString}): strings as they are,
 * bools and ints in decimal, doubles in the JSON layout, bytes in standard base64, arrays and maps
 * as compact JSON (map keys sorted, as Go's encoding/json writes a map), an unset value empty.
 */
final class AttributeText {
  private AttributeText() {}

  static String of(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue() ? "true" : "false";
      case INT_VALUE -> Long.toString(v.getIntValue());
      case DOUBLE_VALUE -> NumberText.json(v.getDoubleValue());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
      case ARRAY_VALUE, KVLIST_VALUE -> {
        StringBuilder sb = new StringBuilder();
        appendJson(v, sb);
        yield sb.toString();
      }
      default -> "";
    };
  }

  private static void appendJson(AnyValue v, StringBuilder sb) {
    switch (v.getValueCase()) {
      case STRING_VALUE -> appendJsonString(v.getStringValue(), sb);
      case BOOL_VALUE -> sb.append(v.getBoolValue());
      case INT_VALUE -> sb.append(v.getIntValue());
      case DOUBLE_VALUE -> sb.append(NumberText.json(v.getDoubleValue()));
      case BYTES_VALUE -> appendJsonString(
          Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()), sb);
      case ARRAY_VALUE -> {
        sb.append('[');
        List<AnyValue> values = v.getArrayValue().getValuesList();
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          appendJson(values.get(i), sb);
        }
        sb.append(']');
      }
      case KVLIST_VALUE -> {
        List<KeyValue> kvs = new ArrayList<>(v.getKvlistValue().getValuesList());
        kvs.sort((a, b) -> a.getKey().compareTo(b.getKey()));
        sb.append('{');
        for (int i = 0; i < kvs.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          appendJsonString(kvs.get(i).getKey(), sb);
          sb.append(':');
          appendJson(kvs.get(i).getValue(), sb);
        }
        sb.append('}');
      }
      default -> sb.append("null");
    }
  }

  /** A JSON string as Go's encoding/json writes it (HTML characters escaped too). */
  private static void appendJsonString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
