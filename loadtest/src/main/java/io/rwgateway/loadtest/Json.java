package io.rwgateway.loadtest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON output for reports and the sink's /stats: maps, lists, numbers, strings. A list's
 * elements go one per line, each on a single line (the report's per-second timeline stays readable).
 */
public final class Json {
  private Json() {}

  /** Writes a map whose values are Number, String, Boolean, Map, List or null, in iteration order. */
  public static String write(Map<String, ?> map) {
    StringBuilder sb = new StringBuilder(256);
    writeMap(sb, map, 0);
    return sb.append('\n').toString();
  }

  private static void writeMap(StringBuilder sb, Map<String, ?> map, int indent) {
    sb.append('{');
    Iterator<? extends Map.Entry<String, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ?> e = it.next();
      sb.append('\n').append("  ".repeat(indent + 1));
      string(sb, e.getKey());
      sb.append(": ");
      value(sb, e.getValue(), indent + 1);
      if (it.hasNext()) {
        sb.append(',');
      }
    }
    if (!map.isEmpty()) {
      sb.append('\n').append("  ".repeat(indent));
    }
    sb.append('}');
  }

  private static void writeList(StringBuilder sb, List<?> list, int indent) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      sb.append('\n').append("  ".repeat(indent + 1));
      value(sb, list.get(i), -1);
      if (i < list.size() - 1) {
        sb.append(',');
      }
    }
    if (!list.isEmpty()) {
      sb.append('\n').append("  ".repeat(indent));
    }
    sb.append(']');
  }

  /** A map on one line (list elements). */
  private static void inlineMap(StringBuilder sb, Map<String, ?> map) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      string(sb, e.getKey());
      sb.append(": ");
      value(sb, e.getValue(), -1);
    }
    sb.append('}');
  }

  /** {@code indent} -1: inside a list element, everything on one line. */
  @SuppressWarnings("unchecked")
  private static void value(StringBuilder sb, Object v, int indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Map<?, ?> m && indent < 0) {
      inlineMap(sb, (Map<String, ?>) m);
    } else if (v instanceof Map<?, ?> m) {
      writeMap(sb, (Map<String, ?>) m, indent);
    } else if (v instanceof List<?> l) {
      writeList(sb, l, Math.max(0, indent));
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      sb.append(Double.isFinite(d) ? Double.toString(Math.round(d * 1000) / 1000.0) : "null");
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(sb, v.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
