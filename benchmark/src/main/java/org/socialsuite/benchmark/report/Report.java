package org.socialsuite.benchmark.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.socialsuite.benchmark.history.HistoryCost;
import org.socialsuite.benchmark.observe.Timeline;
import org.socialsuite.benchmark.resources.Resources;

/**
 * The run's figures beside DESIGN.md §8's targets, as Markdown: the main table, the charts, what
 * each part of the suite used, and the cost of a conversation's history.
 */
public final class Report {

    private final int events;
    private final int eventsPerWebhook;
    private final int latencyRate;
    private double rawKafka;
    private double rawPostgres;
    private double ingestRate;
    private double singleEventIngestRate;
    private int singleEventConnections;
    private String housekeeping = "";
    private String warmUp = "";
    private Percentiles ingestAnswers;
    private int throughputConnections;
    private double endToEndRate;
    private String throughputNote = "";
    private Percentiles latency;
    private long[] latencyNanos = new long[0];
    private String latencyNote = "";
    private List<Timeline.Point> timeline = List.of();
    private Resources throughputResources;
    private Resources latencyResources;
    private List<HistoryCost.AtSize> history = List.of();

    public Report(int events, int eventsPerWebhook, int latencyRate) {
        this.events = events;
        this.eventsPerWebhook = eventsPerWebhook;
        this.latencyRate = latencyRate;
    }

    /**
     * The unmeasured load before the phases: each round's events and the share of the services' CPU
     * their JIT compilers took in it.
     */
    public void warmUp(int eventsPerRound, List<Double> compilerShares, boolean settled) {
        if (compilerShares.isEmpty()) {
            warmUp =
                    "\n"
                        + "No warm-up (BENCH_WARMUP_ROUNDS=0): a JVM started minutes ago is still"
                        + " compiling.\n";
            return;
        }
        warmUp =
                String.format(
                        Locale.ROOT,
                        "%nWarm-up, not measured: %d round%s of %,d events; the share of the"
                                + " services' CPU that went into JIT compilation in each: %s%s.%n",
                        compilerShares.size(),
                        compilerShares.size() == 1 ? "" : "s",
                        eventsPerRound,
                        compilerShares.stream()
                                .map(share -> String.format(Locale.ROOT, "%.0f%%", share * 100))
                                .collect(Collectors.joining(", ")),
                        settled ? "" : " (still compiling when the rounds ran out)");
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

    public void singleEventIngest(double eventsPerSecond, int connections) {
        singleEventIngestRate = eventsPerSecond;
        singleEventConnections = connections;
    }

    /** Whether PostgreSQL vacuumed the suite's tables itself, or the benchmark did. */
    public void housekeeping(boolean autovacuum, long deadRowsVacuumed) {
        housekeeping =
                autovacuum
                        ? "PostgreSQL's autovacuum is on."
                        : String.format(
                                Locale.ROOT,
                                "PostgreSQL's autovacuum is off on this server: the benchmark ran"
                                        + " VACUUM (ANALYZE) on the suite's databases before each"
                                        + " phase, as autovacuum would have (%,d dead rows in all)."
                                        + " Without it, the suite's churning tables set the pace.",
                                deadRowsVacuumed);
    }

    public void latency(long[] nanos, boolean complete) {
        latencyNanos = nanos;
        latency = Percentiles.ofNanos(nanos);
        if (!complete) {
            latencyNote = " (incomplete: " + latency.samples() + " came through)";
        }
    }

    /** How long ingest took to answer each webhook of the throughput phase. */
    public void ingestAnswers(Percentiles answers, int connections) {
        ingestAnswers = answers;
        throughputConnections = connections;
    }

    public void throughputTimeline(List<Timeline.Point> points) {
        timeline = points;
    }

    public void throughputResources(Resources resources) {
        throughputResources = resources;
    }

    public void latencyResources(Resources resources) {
        latencyResources = resources;
    }

    public void history(List<HistoryCost.AtSize> sizes) {
        history = sizes;
    }

    public String throughputChart() {
        return Charts.throughput(
                Timeline.rates(timeline),
                rawKafka,
                rawPostgres,
                String.format(
                        Locale.ROOT,
                        "Throughput: %,d Messenger messages, events/s each second (log scale)",
                        events));
    }

    public String latencyChart() {
        return Charts.latency(
                latencyNanos,
                250,
                String.format(
                        Locale.ROOT,
                        "Latency at %,d events/s: share of messages at or under each latency",
                        latencyRate));
    }

    /** The report, showing the charts written beside it under these names. */
    public String markdown(String throughputChart, String latencyChart) {
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
                                "ingest: signed webhook events accepted, "
                                        + eventsPerWebhook
                                        + " per webhook",
                                rate(ingestRate, "events")
                                        + ratio(ingestRate, rawKafka, "raw Kafka"),
                                "≥ 20,000 events/s"))
                .append(
                        row(
                                "ingest, one event per webhook, "
                                        + singleEventConnections
                                        + " in flight",
                                rate(singleEventIngestRate, "events")
                                        + ratio(singleEventIngestRate, rawKafka, "raw Kafka"),
                                "no target: reported beside the 50"))
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
        out.append("\n").append(housekeeping).append("\n");
        out.append(warmUp);
        if (ingestAnswers != null) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "%nIngest's answers in the throughput phase (%,d webhooks of %d events,"
                                + " %d in flight): p50 / p95 / p99 / max %.0f / %.0f / %.0f / %.0f"
                                + " ms. Each waits until Kafka has acknowledged all its events.%n",
                            ingestAnswers.samples(),
                            eventsPerWebhook,
                            throughputConnections,
                            ingestAnswers.p50(),
                            ingestAnswers.p95(),
                            ingestAnswers.p99(),
                            ingestAnswers.max()));
        }
        out.append("\n![throughput](")
                .append(throughputChart)
                .append(")\n\n![latency](")
                .append(latencyChart)
                .append(")\n");
        resources(out);
        history(out);
        return out.toString();
    }

    private void resources(StringBuilder out) {
        if (throughputResources == null || latencyResources == null) {
            return;
        }
        out.append("\n## CPU and memory\n\nCores kept busy on average (of the machine's" + " ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(
                        String.format(
                                Locale.ROOT,
                                ") during the throughput phase (%.0f s) and the latency phase (%.0f"
                                    + " s), and the most memory seen (proportional set size: pages"
                                    + " shared between processes count once).%n%n",
                                throughputResources.seconds(),
                                latencyResources.seconds()))
                .append(
                        "| part | processes | cores, throughput | cores, latency | of which JIT"
                                + " compiling, throughput / latency | peak memory (PSS) |\n"
                                + "|---|---|---|---|---|---|\n");
        throughputResources
                .parts()
                .forEach(
                        (name, part) -> {
                            Resources.Part steady = latencyResources.parts().get(name);
                            out.append(
                                    String.format(
                                            Locale.ROOT,
                                            "| %s | %d | %.2f | %.2f | %.2f / %.2f | %,d MiB |%n",
                                            name,
                                            part.processes(),
                                            part.cores(),
                                            steady == null ? 0 : steady.cores(),
                                            part.compilerCores(),
                                            steady == null ? 0 : steady.compilerCores(),
                                            Math.max(
                                                            part.peakResidentBytes(),
                                                            steady == null
                                                                    ? 0
                                                                    : steady.peakResidentBytes())
                                                    >> 20));
                        });
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nThe machine's CPU in the throughput phase: %s; in the latency phase:"
                                + " %s.%n",
                        machine(throughputResources.machine()),
                        machine(latencyResources.machine())));
    }

    private static String machine(Resources.MachineCpu cpu) {
        return String.format(
                Locale.ROOT,
                "user %.0f%%, kernel %.0f%%, waiting for I/O %.0f%%, idle %.0f%%",
                cpu.user() * 100,
                cpu.system() * 100,
                cpu.ioWait() * 100,
                cpu.idle() * 100);
    }

    private void history(StringBuilder out) {
        if (history.isEmpty()) {
            return;
        }
        out.append(
                "\n"
                    + "## Cost of a conversation's history\n\n"
                    + "One Messenger conversation grown to each size; at each, the agent's requests"
                    + " one at a time, p50 / p95 in ms.\n\n"
                    + "| messages in the conversation | `GET /api/conversations/{id}` | `GET"
                    + " …/messages?limit=50` | `POST …/replies` |\n"
                    + "|---|---|---|---|\n");
        for (HistoryCost.AtSize size : history) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %,d | %s | %s | %s |%n",
                            size.messages(),
                            p50p95(size.detail()),
                            p50p95(size.page()),
                            p50p95(size.reply())));
        }
    }

    private static String p50p95(Percentiles p) {
        return String.format(Locale.ROOT, "%.1f / %.1f", p.p50(), p.p95());
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
