package io.rwgateway.loadtest.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The grid's table (markdown) and chart (standalone SVG: one panel per series count, x = max_delay,
 * y = ratio, a line per scrape interval, solid = full metadata, dashed = type_and_unit, reference
 * lines at 1.0 and 0.40), both made from the CSV so they can be remade from a committed one.
 */
final class GridReport {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
  private static final int PANEL_W = 420;
  private static final int PANEL_H = 330;
  private static final int LEFT = 52;
  private static final int RIGHT = 14;
  private static final int TOP = 40;
  private static final int BOTTOM = 44;
  private static final int HEADER = 56;
  private static final int FOOTER = 58;

  /** One CSV row by column name. */
  record Row(Map<String, String> values) {
    String get(String column) {
      String v = values.get(column);
      if (v == null) {
        throw new IllegalArgumentException("cannot read the grid CSV: no column " + column);
      }
      return v;
    }

    String getOrDefault(String column, String otherwise) {
      return values.getOrDefault(column, otherwise);
    }

    int integer(String column) {
      return Integer.parseInt(get(column));
    }

    double number(String column) {
      return Double.parseDouble(get(column));
    }
  }

  private GridReport() {}

  static List<Row> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    if (lines.isEmpty()) {
      throw new IOException("cannot read the grid CSV " + csv + ": empty");
    }
    String[] header = lines.get(0).split(",");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        m.put(header[i], cells[i]);
      }
      rows.add(new Row(m));
    }
    return rows;
  }

  private static Row find(List<Row> rows, int series, int scrape, int delay, String metadata) {
    for (Row r : rows) {
      if (r.integer("series") == series && r.integer("scrape_s") == scrape && r.integer("max_delay_s") == delay
          && r.get("metadata").equals(metadata)) {
        return r;
      }
    }
    return null;
  }

  private static TreeSet<Integer> values(List<Row> rows, String column) {
    TreeSet<Integer> out = new TreeSet<>();
    for (Row r : rows) {
      out.add(r.integer(column));
    }
    return out;
  }

  /** Ratio and p99 delay per cell: a row per (series, scrape interval), a column per max_delay. */
  static String markdown(List<Row> rows, String preamble) {
    TreeSet<Integer> series = values(rows, "series");
    TreeSet<Integer> scrapes = values(rows, "scrape_s");
    TreeSet<Integer> delays = values(rows, "max_delay_s");
    StringBuilder sb = new StringBuilder();
    sb.append("# Egress ratio by scrape interval, max_delay, series and metadata\n\n").append(preamble).append('\n');
    sb.append("Each cell: **ratio full** / ratio type_and_unit (p99 delivery delay in s, full); "
        + "`*` = size-limited (the window reaches windowBytes before max_delay: D no longer matters); "
        + "`†` = short run (see above); "
        + "`—` = not run.\n\n");
    sb.append("| series | scrape |");
    for (int d : delays) {
      sb.append(" max_delay ").append(d).append(" s |");
    }
    sb.append("\n|---:|---:|");
    for (int i = 0; i < delays.size(); i++) {
      sb.append("---|");
    }
    sb.append('\n');
    for (int n : series) {
      for (int s : scrapes) {
        sb.append("| ").append(seriesLabel(n)).append(" | ").append(s).append(" s |");
        for (int d : delays) {
          Row full = find(rows, n, s, d, "full");
          Row tu = find(rows, n, s, d, "type_and_unit");
          if (full == null && tu == null) {
            sb.append(" — |");
            continue;
          }
          Row any = full != null ? full : tu;
          sb.append(' ').append(full == null ? "—" : "**" + f2(full.number("ratio")) + "**").append(" / ")
              .append(tu == null ? "—" : f2(tu.number("ratio")))
              .append(" (").append(f1(any.number("p99_delay_s"))).append(" s)")
              .append(Boolean.parseBoolean(any.get("size_limited")) ? "*" : "")
              .append(Boolean.parseBoolean(any.getOrDefault("short_run", "false")) ? "†" : "").append(" |");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static String seriesLabel(int n) {
    return n >= 1_000_000 && n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n >= 1000 && n % 1000 == 0 ? n / 1000 + "k"
        : Integer.toString(n);
  }

  /** One panel per series count; x: max_delay (evenly spaced categories), y: ratio. */
  static String svg(List<Row> rows, String subtitle) {
    List<Integer> series = new ArrayList<>(values(rows, "series"));
    List<Integer> scrapes = new ArrayList<>(values(rows, "scrape_s"));
    List<Integer> delays = new ArrayList<>(values(rows, "max_delay_s"));
    double yMax = 1.1;
    for (Row r : rows) {
      yMax = Math.max(yMax, r.number("ratio") * 1.05);
    }
    double yTop = Math.ceil(yMax * 5) / 5;
    int width = Math.max(1, series.size()) * PANEL_W;
    int height = HEADER + PANEL_H + FOOTER;
    StringBuilder sb = new StringBuilder(16384);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append("<text x=\"12\" y=\"22\" font-size=\"16\" font-weight=\"bold\">")
        .append("Egress ratio (RW 2.0 snappy bytes out / RW 1.0 snappy bytes in) by max_delay</text>\n");
    sb.append("<text x=\"12\" y=\"42\" fill=\"#555\">").append(escape(subtitle)).append("</text>\n");
    for (int p = 0; p < series.size(); p++) {
      int x0 = p * PANEL_W;
      int y0 = HEADER;
      double plotW = PANEL_W - LEFT - RIGHT;
      double plotH = PANEL_H - TOP - BOTTOM;
      double left = x0 + LEFT;
      double top = y0 + TOP;
      sb.append("<text x=\"").append(x0 + LEFT).append("\" y=\"").append(y0 + 24)
          .append("\" font-size=\"14\" font-weight=\"bold\">").append(seriesLabel(series.get(p)))
          .append(" series</text>\n");
      for (double v = 0; v <= yTop + 1e-9; v += 0.2) {
        double y = top + plotH - v / yTop * plotH;
        sb.append("<line x1=\"").append(f1(left)).append("\" x2=\"").append(f1(left + plotW)).append("\" y1=\"")
            .append(f1(y)).append("\" y2=\"").append(f1(y)).append("\" stroke=\"#e5e5e5\"/>")
            .append("<text x=\"").append(f1(left - 6)).append("\" y=\"").append(f1(y + 4))
            .append("\" text-anchor=\"end\" fill=\"#444\">").append(f1(v)).append("</text>\n");
      }
      for (double ref : new double[] {1.0, 0.40}) {
        double y = top + plotH - ref / yTop * plotH;
        sb.append("<line x1=\"").append(f1(left)).append("\" x2=\"").append(f1(left + plotW)).append("\" y1=\"")
            .append(f1(y)).append("\" y2=\"").append(f1(y)).append("\" stroke=\"#000\" stroke-width=\"1\" "
                + "stroke-dasharray=\"2,3\"/><text x=\"").append(f1(left + plotW - 2)).append("\" y=\"")
            .append(f1(y - 3)).append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#000\">")
            .append(ref == 1.0 ? "1.0 (RW 1.0 size)" : "0.40").append("</text>\n");
      }
      for (int i = 0; i < delays.size(); i++) {
        double x = xOf(i, delays.size(), left, plotW);
        sb.append("<text x=\"").append(f1(x)).append("\" y=\"").append(f1(top + plotH + 16))
            .append("\" text-anchor=\"middle\" fill=\"#444\">").append(delays.get(i)).append(" s</text>\n");
      }
      sb.append("<text x=\"").append(f1(left + plotW / 2)).append("\" y=\"").append(f1(top + plotH + 34))
          .append("\" text-anchor=\"middle\">max_delay</text>\n");
      sb.append("<line x1=\"").append(f1(left)).append("\" x2=\"").append(f1(left)).append("\" y1=\"").append(f1(top))
          .append("\" y2=\"").append(f1(top + plotH)).append("\" stroke=\"#444\"/>\n");
      for (int k = 0; k < scrapes.size(); k++) {
        String color = COLORS[k % COLORS.length];
        for (String meta : new String[] {"full", "type_and_unit"}) {
          StringBuilder pts = new StringBuilder();
          StringBuilder dots = new StringBuilder();
          for (int i = 0; i < delays.size(); i++) {
            Row r = find(rows, series.get(p), scrapes.get(k), delays.get(i), meta);
            if (r == null) {
              continue;
            }
            double x = xOf(i, delays.size(), left, plotW);
            double y = top + plotH - r.number("ratio") / yTop * plotH;
            pts.append(pts.length() == 0 ? "" : " ").append(f1(x)).append(',').append(f1(y));
            dots.append("<circle r=\"2.5\" cx=\"").append(f1(x)).append("\" cy=\"").append(f1(y)).append("\" fill=\"")
                .append(color).append("\"><title>").append(seriesLabel(series.get(p))).append(" series, scrape ")
                .append(scrapes.get(k)).append(" s, max_delay ").append(delays.get(i)).append(" s, ").append(meta)
                .append(": ratio ").append(f3(r.number("ratio"))).append(", p99 delay ")
                .append(f1(r.number("p99_delay_s"))).append(" s</title></circle>");
          }
          if (pts.length() > 0) {
            sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"")
                .append(meta.equals("full") ? "" : " stroke-dasharray=\"6,4\"").append(" points=\"").append(pts)
                .append("\"/>").append(dots).append('\n');
          }
        }
      }
    }
    int ly = height - 22;
    int lx = 12;
    for (int k = 0; k < scrapes.size(); k++) {
      String color = COLORS[k % COLORS.length];
      sb.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 24).append("\" y1=\"").append(ly - 4)
          .append("\" y2=\"").append(ly - 4).append("\" stroke=\"").append(color).append("\" stroke-width=\"3\"/>")
          .append("<text x=\"").append(lx + 30).append("\" y=\"").append(ly).append("\">scrape ").append(scrapes.get(k))
          .append(" s</text>\n");
      lx += 110;
    }
    sb.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 24).append("\" y1=\"").append(ly - 4)
        .append("\" y2=\"").append(ly - 4).append("\" stroke=\"#333\" stroke-width=\"2\"/><text x=\"").append(lx + 30)
        .append("\" y=\"").append(ly).append("\">metadata full</text>\n");
    lx += 130;
    sb.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 24).append("\" y1=\"").append(ly - 4)
        .append("\" y2=\"").append(ly - 4).append("\" stroke=\"#333\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>")
        .append("<text x=\"").append(lx + 30).append("\" y=\"").append(ly).append("\">type_and_unit</text>\n");
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static double xOf(int i, int n, double left, double plotW) {
    return n == 1 ? left + plotW / 2 : left + 16 + i * (plotW - 32) / (n - 1);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
