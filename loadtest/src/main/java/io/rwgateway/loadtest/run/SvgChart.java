package io.rwgateway.loadtest.run;

import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG (no script, nothing fetched): lines over a shared x axis in seconds,
 * y from 0 to a rounded maximum with five grid lines, a legend, and a tooltip per point while there
 * are few enough of them to keep the page small. A NaN y (no data in that interval, e.g. no answer
 * to take a latency from) leaves a gap instead of drawing a misleading 0.
 */
final class SvgChart {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 260;
  private static final int LEFT = 72;
  private static final int RIGHT = 16;
  private static final int TOP = 28;
  private static final int BOTTOM = 34;
  private static final int MAX_TOOLTIPS = 600;

  /** One line: its name in the legend, its colour, and a y value per x. */
  record Line(String name, String color, double[] y) {}

  private SvgChart() {}

  static String render(String title, String unit, double[] x, List<Line> lines) {
    double xMax = 1;
    for (double v : x) {
      xMax = Math.max(xMax, v);
    }
    double yMax = 0;
    for (Line l : lines) {
      for (double v : l.y()) {
        if (!Double.isNaN(v)) {
          yMax = Math.max(yMax, v);
        }
      }
    }
    double step = niceStep(yMax <= 0 ? 1 : yMax / 5);
    double yTop = step * Math.max(1, Math.ceil(yMax / step));
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(HtmlReport.escape(title)).append("\">\n");
    sb.append("<text x=\"").append(LEFT).append("\" y=\"18\" class=\"title\">").append(HtmlReport.escape(title))
        .append(" (").append(HtmlReport.escape(unit)).append(")</text>\n");
    for (int i = 0; i * step <= yTop + step / 1e6; i++) {
      double y = TOP + plotH - i * step / yTop * plotH;
      sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(i * step >= 1000 ? ProgressLine.si(i * step) : trim(i * step))
          .append("</text>\n");
    }
    double xStep = niceStep(xMax / 8);
    for (int i = 0; i * xStep <= xMax + xStep / 1e6; i++) {
      double px = LEFT + i * xStep / xMax * plotW;
      sb.append("<text class=\"tick\" x=\"").append(fmt(px)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
          .append("\" text-anchor=\"middle\">").append(trim(i * xStep)).append("s</text>\n");
    }
    int legendX = WIDTH - RIGHT;
    for (int k = lines.size() - 1; k >= 0; k--) {
      Line l = lines.get(k);
      legendX -= 14 + 8 * l.name().length() + 18;
      sb.append("<rect x=\"").append(legendX).append("\" y=\"9\" width=\"12\" height=\"12\" fill=\"")
          .append(l.color()).append("\"/><text class=\"legend\" x=\"").append(legendX + 16).append("\" y=\"19\">")
          .append(HtmlReport.escape(l.name())).append("</text>\n");
    }
    for (Line l : lines) {
      boolean open = false;
      for (int i = 0; i < x.length; i++) {
        if (Double.isNaN(l.y()[i])) {
          if (open) {
            sb.append("\"/>\n");
            open = false;
          }
          continue;
        }
        sb.append(open ? " " : "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + l.color() + "\" points=\"")
            .append(fmt(LEFT + x[i] / xMax * plotW)).append(',').append(fmt(TOP + plotH - l.y()[i] / yTop * plotH));
        open = true;
      }
      if (open) {
        sb.append("\"/>\n");
      }
      if (x.length <= MAX_TOOLTIPS) {
        for (int i = 0; i < x.length; i++) {
          if (Double.isNaN(l.y()[i])) {
            continue;
          }
          sb.append("<circle r=\"2.5\" fill=\"").append(l.color()).append("\" cx=\"")
              .append(fmt(LEFT + x[i] / xMax * plotW)).append("\" cy=\"").append(fmt(TOP + plotH - l.y()[i] / yTop * plotH))
              .append("\"><title>").append(HtmlReport.escape(l.name())).append(" at ").append(trim(x[i])).append(" s: ")
              .append(trim(l.y()[i])).append(' ').append(HtmlReport.escape(unit)).append("</title></circle>");
        }
        sb.append('\n');
      }
    }
    sb.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
        .append("\" y2=\"").append(TOP + (int) plotH).append("\"/>\n</svg>\n");
    return sb.toString();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String trim(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String t = String.format(Locale.ROOT, "%.3f", v);
    int end = t.length();
    while (t.charAt(end - 1) == '0') {
      end--;
    }
    return t.substring(0, t.charAt(end - 1) == '.' ? end - 1 : end);
  }
}
