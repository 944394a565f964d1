package org.socialsuite.benchmark.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The run as pictures, plain SVG with nothing to install: events per second over the throughput
 * phase against the raw baselines and the targets, and the latency distribution against its target.
 * Both use logarithmic axes, so a rate of hundreds and a baseline of tens of thousands fit one
 * picture.
 */
public final class Charts {

    private static final int WIDTH = 920;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String INGEST = "#1f77b4";
    private static final String END_TO_END = "#d62728";
    private static final String TARGET = "#2ca02c";

    private Charts() {}

    /**
     * @param rates {seconds, accepted/s, recorded/s} per second of the throughput phase
     */
    public static String throughput(
            List<double[]> rates, double rawKafka, double rawPostgres, String title) {
        double seconds = Math.max(1, rates.isEmpty() ? 1 : rates.get(rates.size() - 1)[0]);
        double top = Math.pow(10, Math.ceil(Math.log10(Math.max(rawKafka, rawPostgres) * 1.2)));
        Axis x = new Axis(0, seconds, false, LEFT, WIDTH - RIGHT);
        Axis y = new Axis(10, Math.max(top, 100_000), true, HEIGHT - BOTTOM, TOP);
        Svg svg = new Svg(title);
        svg.grid(x, y, "seconds since the first webhook", "events per second");
        svg.reference(x, y, rawKafka, INGEST, "raw Kafka producer");
        svg.reference(x, y, rawPostgres, END_TO_END, "raw PostgreSQL inserts");
        svg.reference(x, y, 20_000, TARGET, "ingest target");
        svg.reference(x, y, 5_700, TARGET, "end-to-end target");
        svg.line(x, y, rates, 1, INGEST, "ingest accepted");
        svg.line(x, y, rates, 2, END_TO_END, "stored and announced");
        return svg.end();
    }

    /** The share of messages at or under each latency, from their latencies in nanoseconds. */
    public static String latency(long[] nanos, double targetMillis, String title) {
        double[] millis = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        double max = millis.length == 0 ? 1000 : millis[millis.length - 1];
        Axis x =
                new Axis(
                        1,
                        Math.pow(10, Math.ceil(Math.log10(Math.max(max, targetMillis * 4)))),
                        true,
                        LEFT,
                        WIDTH - RIGHT);
        Axis y = new Axis(0, 100, false, HEIGHT - BOTTOM, TOP);
        Svg svg = new Svg(title);
        svg.grid(x, y, "latency, webhook sent → announced (ms)", "% of messages at or under");
        List<double[]> curve = new ArrayList<>();
        int step = Math.max(1, millis.length / 600);
        for (int i = 0; i < millis.length; i += step) {
            curve.add(new double[] {Math.max(1, millis[i]), 100.0 * (i + 1) / millis.length});
        }
        if (millis.length > 0) {
            curve.add(new double[] {Math.max(1, millis[millis.length - 1]), 100});
        }
        svg.vertical(x, y, targetMillis, TARGET, "p99 target " + (int) targetMillis + " ms");
        svg.horizontal(x, y, 99, "#999999", "99%");
        svg.line(x, y, curve, 1, END_TO_END, "this run");
        return svg.end();
    }

    /** One axis: a value range onto a pixel range, linear or logarithmic. */
    private record Axis(double min, double max, boolean log, double from, double to) {

        double at(double value) {
            double v = Math.max(min, Math.min(max, value));
            double share =
                    log
                            ? (Math.log10(v) - Math.log10(min))
                                    / (Math.log10(max) - Math.log10(min))
                            : (v - min) / (max - min);
            return from + share * (to - from);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                double step = niceStep((max - min) / 6);
                for (double t = Math.ceil(min / step) * step; t <= max; t += step) {
                    ticks.add(t);
                }
            }
            return ticks;
        }

        private static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            for (double nice : new double[] {1, 2, 5, 10}) {
                if (nice * power >= rough) {
                    return nice * power;
                }
            }
            return 10 * power;
        }
    }

    private static final class Svg {
        private final StringBuilder out = new StringBuilder();
        private int legend;

        Svg(String title) {
            out.append(
                            String.format(
                                    Locale.ROOT,
                                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                                            + " height=\"%d\" viewBox=\"0 0 %d %d\""
                                            + " font-family=\"sans-serif\" font-size=\"12\">%n",
                                    WIDTH,
                                    HEIGHT,
                                    WIDTH,
                                    HEIGHT))
                    .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                    .append(text(LEFT, 22, escape(title), "start", "font-size=\"14\""));
        }

        void grid(Axis x, Axis y, String xLabel, String yLabel) {
            for (double t : x.ticks()) {
                double px = x.at(t);
                out.append(line(px, y.from(), px, y.to(), "#eeeeee", ""))
                        .append(text(px, y.from() + 16, label(t), "middle", ""));
            }
            for (double t : y.ticks()) {
                double py = y.at(t);
                out.append(line(x.from(), py, x.to(), py, "#eeeeee", ""))
                        .append(text(x.from() - 6, py + 4, label(t), "end", ""));
            }
            out.append(line(x.from(), y.from(), x.to(), y.from(), "#333333", ""))
                    .append(line(x.from(), y.from(), x.from(), y.to(), "#333333", ""))
                    .append(text((x.from() + x.to()) / 2, HEIGHT - 12, xLabel, "middle", ""))
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\""
                                            + " transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                                    (y.from() + y.to()) / 2,
                                    (y.from() + y.to()) / 2,
                                    yLabel));
        }

        void line(Axis x, Axis y, List<double[]> points, int column, String colour, String name) {
            StringBuilder path = new StringBuilder();
            for (double[] p : points) {
                path.append(path.isEmpty() ? "M" : " L")
                        .append(
                                String.format(
                                        Locale.ROOT,
                                        "%.1f %.1f",
                                        x.at(p[0]),
                                        y.at(Math.max(y.min(), p[column]))));
            }
            out.append(
                    String.format(
                            Locale.ROOT,
                            "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                            path,
                            colour));
            key(colour, "", name);
        }

        void reference(Axis x, Axis y, double value, String colour, String name) {
            double py = y.at(value);
            out.append(line(x.from(), py, x.to(), py, colour, "stroke-dasharray=\"6 4\""));
            key(colour, "stroke-dasharray=\"6 4\"", name + " " + label(value));
        }

        void horizontal(Axis x, Axis y, double value, String colour, String name) {
            double py = y.at(value);
            out.append(line(x.from(), py, x.to(), py, colour, "stroke-dasharray=\"2 3\""));
            key(colour, "stroke-dasharray=\"2 3\"", name);
        }

        void vertical(Axis x, Axis y, double value, String colour, String name) {
            double px = x.at(value);
            out.append(line(px, y.from(), px, y.to(), colour, "stroke-dasharray=\"6 4\""));
            key(colour, "stroke-dasharray=\"6 4\"", name);
        }

        private void key(String colour, String dash, String name) {
            double ky = TOP + 8 + 18 * legend++;
            double kx = WIDTH - RIGHT + 12;
            out.append(line(kx, ky, kx + 22, ky, colour, dash + " stroke-width=\"2\""))
                    .append(text(kx + 28, ky + 4, escape(name), "start", ""));
        }

        String end() {
            return out.append("</svg>\n").toString();
        }

        private static String line(
                double x1, double y1, double x2, double y2, String colour, String extra) {
            return String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" %s/>%n",
                    x1,
                    y1,
                    x2,
                    y2,
                    colour,
                    extra);
        }

        private static String text(double x, double y, String text, String anchor, String extra) {
            return String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n",
                    x,
                    y,
                    anchor,
                    extra,
                    text);
        }

        private static String label(double value) {
            if (value >= 1_000_000 && value % 1_000_000 == 0) {
                return String.format(Locale.ROOT, "%.0fM", value / 1_000_000);
            }
            return value >= 1000 && value % 1000 == 0
                    ? String.format(Locale.ROOT, "%,.0fk", value / 1000).replace(",", " ")
                    : String.format(Locale.ROOT, "%,.0f", value);
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
