package org.socialsuite.benchmark.report;

import java.time.Instant;
import java.util.Locale;

/** The run's figures beside DESIGN.md §8's targets, as a Markdown table. */
public final class Report {

    private final int events;
    private final int latencyRate;
    private double rawKafka;
    private double rawPostgres;
    private double ingestRate;
    private double endToEndRate;
    private String throughputNote = "";
    private Percentiles latency;
    private String latencyNote = "";

    public Report(int events, int latencyRate) {
        this.events = events;
        this.latencyRate = latencyRate;
    }

    public void rawKafka(double recordsPerSecond) {
        rawKafka = recordsPerSecond;
    }

    public void rawPostgres(double rowsPerSecond) {
        rawPostgres = rowsPerSecond;
    }

    public void throughput(
            long accepted,
            double ingestSeconds,
            long recorded,
            double endToEndSeconds,
            boolean complete) {
        ingestRate = accepted / ingestSeconds;
        endToEndRate = recorded / endToEndSeconds;
        if (!complete) {
            throughputNote = " (only " + recorded + " of " + accepted + " came through)";
        }
    }

    public void latency(Percentiles percentiles, boolean complete) {
        latency = percentiles;
        if (!complete) {
            latencyNote = " (incomplete: " + percentiles.samples() + " came through)";
        }
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark ")
                .append(Instant.now())
                .append("\n\n")
                .append(
                        String.format(
                                Locale.ROOT,
                                "%d cores, %d MiB for this JVM; %,d events per throughput"
                                        + " phase.%n%n",
                                Runtime.getRuntime().availableProcessors(),
                                Runtime.getRuntime().maxMemory() >> 20,
                                events))
                .append("| measure | result | target |\n|---|---|---|\n")
                .append(row("raw Kafka producer (acks=all)", rate(rawKafka, "records"), "baseline"))
                .append(
                        row(
                                "raw PostgreSQL inserts (JDBC batches)",
                                rate(rawPostgres, "rows"),
                                "baseline"))
                .append(
                        row(
                                "ingest: signed webhook events accepted",
                                rate(ingestRate, "events")
                                        + ratio(ingestRate, rawKafka, "raw Kafka"),
                                "≥ 20,000 events/s"))
                .append(
                        row(
                                "end to end: webhook → stored and announced",
                                rate(endToEndRate, "events")
                                        + ratio(endToEndRate, rawPostgres, "raw inserts")
                                        + throughputNote,
                                "≥ 5,700 events/s"))
                .append(
                        row(
                                String.format(
                                        Locale.ROOT,
                                        "latency at %,d events/s: p50 / p95 / p99 / max",
                                        latencyRate),
                                String.format(
                                                Locale.ROOT,
                                                "%.0f / %.0f / %.0f / %.0f ms",
                                                latency.p50(),
                                                latency.p95(),
                                                latency.p99(),
                                                latency.max())
                                        + latencyNote,
                                "p99 < 250 ms"));
        return out.toString();
    }

    private static String row(String measure, String result, String target) {
        return "| " + measure + " | " + result + " | " + target + " |\n";
    }

    private static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    private static String ratio(double rate, double baseline, String name) {
        return String.format(Locale.ROOT, " (%.2f× %s)", rate / baseline, name);
    }
}
