package org.praxis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small line chart as SVG: categories along x, a log-scale y axis, one line per series. */
final class SvgChart {
    record Series(String name, String colour, boolean dashed, List<Double> values) {}

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private SvgChart() {}

    static String render(String title, String xLabel, String yLabel, List<String> categories, List<Series> series) {
        double min = series.stream()
                .flatMap(s -> s.values().stream())
                .filter(v -> v > 0)
                .min(Double::compare)
                .orElse(1.0);
        double max = series.stream()
                .flatMap(s -> s.values().stream())
                .max(Double::compare)
                .orElse(10.0);
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(max, lo * 10))));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0 - RIGHT / 2.0, 22, title, "middle", 15));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (double tick = lo; tick <= hi * 1.0001; tick *= 10) {
            double y = y(tick, lo, hi, plotH);
            svg.append(line(LEFT, y, LEFT + plotW, y, "#ddd", false));
            svg.append(text(LEFT - 8, y + 4, format(tick), "end", 12));
        }
        for (int i = 0; i < categories.size(); i++) {
            double x = x(i, categories.size(), plotW);
            svg.append(line(x, TOP, x, TOP + plotH, "#eee", false));
            svg.append(text(x, TOP + plotH + 18, categories.get(i), "middle", 12));
        }
        svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#333", false));
        svg.append(line(LEFT, TOP, LEFT, TOP + plotH, "#333", false));
        svg.append(text(LEFT + plotW / 2.0, HEIGHT - 18, xLabel, "middle", 13));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\" "
                        + "transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
                TOP + plotH / 2.0,
                TOP + plotH / 2.0,
                escape(yLabel)));
        int legendY = TOP + 10;
        for (Series s : series) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < s.values().size(); i++) {
                double v = s.values().get(i);
                if (v > 0) {
                    points.add(String.format(
                            Locale.ROOT, "%.1f,%.1f", x(i, categories.size(), plotW), y(v, lo, hi, plotH)));
                }
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline class=\"series\" data-name=\"%s\" fill=\"none\" stroke=\"%s\" "
                            + "stroke-width=\"2\"%s points=\"%s\"/>%n",
                    escape(s.name()),
                    s.colour(),
                    s.dashed() ? " stroke-dasharray=\"6 4\"" : "",
                    String.join(" ", points)));
            for (String p : points) {
                String[] xy = p.split(",");
                svg.append(
                        String.format("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n", xy[0], xy[1], s.colour()));
            }
            svg.append(line(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 40, legendY, s.colour(), s.dashed()));
            svg.append(text(WIDTH - RIGHT + 46, legendY + 4, s.name(), "start", 12));
            legendY += 20;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : 30 + i * (plotW - 60.0) / (n - 1));
    }

    static double y(double v, double lo, double hi, int plotH) {
        double f = (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return TOP + plotH * (1 - f);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1,
                y1,
                x2,
                y2,
                colour,
                dashed ? " stroke-dasharray=\"6 4\" stroke-width=\"2\"" : "");
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x,
                y,
                anchor,
                size,
                escape(s));
    }

    private static String format(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
