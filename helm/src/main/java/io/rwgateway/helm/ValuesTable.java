package io.rwgateway.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values table of the chart's README, generated from the comments of {@code values.yaml}
 * with helm-docs' conventions: a {@code # --} comment documents the key on the next line (a
 * dotted path in the table), {@code # @default --} replaces the default the table shows. A key
 * whose value is a block needs that override (or documented children); a leaf key with no
 * comment and no documented parent is an error, so the table lists every value.
 *
 * <p>JDK only, so that {@code helm/gen-values-table.sh} runs it as a single source file:
 * {@code java ValuesTable.java CHART_DIR [--check]}.
 */
public final class ValuesTable {
  static final String BEGIN = "<!-- values-table: begin (helm/gen-values-table.sh writes this table from values.yaml) -->";
  static final String END = "<!-- values-table: end -->";
  private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.-]+|\"[^\"]*\"):(?:\\s+(.*))?$");

  /** One documented value. */
  public record Row(String key, String defaultValue, String description) {
  }

  /** A line of values.yaml the generator cannot place; the message names the line. */
  public static final class FormatException extends RuntimeException {
    FormatException(int lineNumber, String message) {
      super("values.yaml line " + lineNumber + ": " + message);
    }
  }

  private record Level(int indent, String key, boolean documented) {
  }

  private ValuesTable() {
  }

  public static List<Row> rows(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    Deque<Level> path = new ArrayDeque<>();
    StringBuilder doc = null;
    String docDefault = null;
    int docIndent = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      int indent = line.length() - line.stripLeading().length();
      if (trimmed.isEmpty()) {
        doc = null; // a blank line detaches a comment from the key below
        docDefault = null;
        continue;
      }
      if (trimmed.startsWith("#")) {
        String body = trimmed.substring(1).strip();
        if (body.equals("--") || body.startsWith("-- ")) {
          doc = new StringBuilder(body.substring(2).strip());
          docDefault = null;
          docIndent = indent;
        } else if (doc != null && body.startsWith("@default --")) {
          docDefault = body.substring("@default --".length()).strip();
        } else if (doc != null) {
          doc.append(doc.length() == 0 ? "" : " ").append(body);
        }
        continue;
      }
      while (!path.isEmpty() && path.peek().indent() >= indent) {
        path.pop();
      }
      boolean parentDocumented = path.stream().anyMatch(Level::documented);
      if (trimmed.startsWith("- ") || trimmed.equals("-")) {
        if (!parentDocumented) {
          throw new FormatException(i + 1, "a list item under an undocumented key");
        }
        doc = null;
        continue;
      }
      Matcher m = KEY.matcher(trimmed);
      if (!m.matches()) {
        if (parentDocumented) {
          continue; // inside a documented block (e.g. a multi-line string of `config`)
        }
        throw new FormatException(i + 1, "not a `key: value` line: " + trimmed);
      }
      String key = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2).strip();
      String fullKey = fullKey(path, key);
      boolean documented = doc != null && docIndent == indent && !parentDocumented;
      if (documented) {
        String shown = docDefault != null ? docDefault : value.isEmpty() ? null : "`" + value + "`";
        if (shown == null) {
          throw new FormatException(i + 1, fullKey + " has a block value: document its keys, or give `# @default --`");
        }
        rows.add(new Row(fullKey, shown, doc.toString()));
      } else if (!value.isEmpty() && !parentDocumented) {
        throw new FormatException(i + 1, fullKey + " has no `# --` comment");
      }
      path.push(new Level(indent, key, documented));
      doc = null;
      docDefault = null;
    }
    return rows;
  }

  private static String fullKey(Deque<Level> path, String key) {
    StringBuilder b = new StringBuilder();
    path.descendingIterator().forEachRemaining(l -> b.append(l.key()).append('.'));
    return b.append(key).toString();
  }

  /** The Markdown table, between its markers. */
  public static String table(List<Row> rows) {
    StringBuilder b = new StringBuilder(BEGIN).append('\n');
    b.append("| Key | Default | Description |\n|---|---|---|\n");
    for (Row r : rows) {
      b.append("| `").append(r.key()).append("` | ").append(cell(r.defaultValue())).append(" | ")
          .append(cell(r.description())).append(" |\n");
    }
    return b.append(END).toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** The README with its table (from BEGIN to END) replaced. */
  public static String withTable(String readme, String table) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("README.md has no values table markers (" + BEGIN + " ... " + END + ")");
    }
    return readme.substring(0, begin) + table + readme.substring(end + END.length());
  }

  /** The README as it should be, from the chart's values.yaml. */
  public static String expectedReadme(Path chartDir) throws IOException {
    List<String> values = Files.readAllLines(chartDir.resolve("values.yaml"), StandardCharsets.UTF_8);
    String readme = Files.readString(chartDir.resolve("README.md"), StandardCharsets.UTF_8);
    return withTable(readme, table(rows(values)));
  }

  /** {@code CHART_DIR} rewrites its README's table; {@code CHART_DIR --check} exits 1 when it differs. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--check"))) {
      System.err.println("usage: java ValuesTable.java CHART_DIR [--check]");
      System.exit(2);
    }
    Path chartDir = Path.of(args[0]);
    Path readme = chartDir.resolve("README.md");
    String expected;
    try {
      expected = expectedReadme(chartDir);
    } catch (FormatException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean same = expected.equals(Files.readString(readme, StandardCharsets.UTF_8));
    if (args.length == 2) {
      System.out.println(same ? readme + ": values table up to date"
          : readme + ": values table differs from values.yaml; run helm/gen-values-table.sh");
      System.exit(same ? 0 : 1);
    }
    if (!same) {
      Files.writeString(readme, expected, StandardCharsets.UTF_8);
    }
    System.out.println(readme + (same ? ": values table up to date" : ": values table written"));
  }
}
