package io.rwgateway.gateway.e2e.support;

/**
 * Places a YAML block written at column 0 (e.g. the text of a relabel rule file, a list of
 * {@code - action: ...} items) under a key of a larger document, by indenting every line the
 * same: block structure, comments and block scalars stay valid because relative indentation is
 * kept. Used for Prometheus' {@code write_relabel_configs} and the gateway's rule lists alike, so
 * both read the very same rule text.
 */
public final class YamlBlocks {
  private YamlBlocks() {
  }

  /**
   * {@code block} with every non-blank line prefixed by {@code spaces} spaces, blank lines emptied,
   * CRLF turned into LF, and one final newline.
   *
   * @throws IllegalArgumentException when a line is indented with a tab (YAML forbids it)
   */
  public static String indent(String block, int spaces) {
    if (spaces < 0) {
      throw new IllegalArgumentException("cannot indent a YAML block by " + spaces + " spaces: must not be negative");
    }
    String prefix = " ".repeat(spaces);
    StringBuilder out = new StringBuilder(block.length() + 16 * spaces);
    String[] lines = block.replace("\r\n", "\n").split("\n", -1);
    int last = lines.length;
    while (last > 0 && lines[last - 1].isBlank()) {
      last--; // trailing blank lines: the final newline is added once below
    }
    for (int i = 0; i < last; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        out.append('\n');
        continue;
      }
      for (int c = 0; c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t'); c++) {
        if (line.charAt(c) == '\t') {
          throw new IllegalArgumentException("cannot indent YAML line " + (i + 1) + ": it is indented with a tab");
        }
      }
      out.append(prefix).append(line).append('\n');
    }
    return out.toString();
  }
}
