package org.socialsuite.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.socialsuite.benchmark.baseline.RawKafkaProducer;
import org.socialsuite.benchmark.baseline.RawPostgresInserts;
import org.socialsuite.benchmark.database.Housekeeping;
import org.socialsuite.benchmark.history.HistoryCost;
import org.socialsuite.benchmark.observe.RecordedMessages;
import org.socialsuite.benchmark.observe.Timeline;
import org.socialsuite.benchmark.report.Percentiles;
import org.socialsuite.benchmark.report.Report;
import org.socialsuite.benchmark.resources.ResourceSampler;
import org.socialsuite.benchmark.webhook.MessengerBatches;
import org.socialsuite.benchmark.webhook.WebhookSender;
import org.socialsuite.localstack.tokens.DevAgentTokens;

/**
 * DESIGN.md §8 measured against a running suite ({@code ./run.sh}): the raw Kafka producer and raw
 * PostgreSQL insert rates of this machine, then signed Messenger webhooks as fast as ingest takes
 * them (ingest rate, and the end-to-end rate until conversation-service has stored and announced
 * every message), then a steady rate for the end-to-end latency percentiles, then what reading a
 * conversation and replying cost as its history grows. Each service's CPU and memory are sampled
 * during the load, and the run is drawn as SVG charts beside the report.
 */
public final class Benchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final int RAW_RECORD_BYTES = 700; // an inbound event's JSON, about

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.from(System.getenv());
        requireSuite(settings);
        Report report =
                new Report(settings.events(), settings.eventsPerWebhook(), settings.latencyRate());

        say("Raw Kafka producer: " + settings.events() + " records...");
        report.rawKafka(
                RawKafkaProducer.recordsPerSecond(
                        settings.bootstrapServers(), settings.events(), RAW_RECORD_BYTES, 6));
        say("Raw PostgreSQL inserts: " + settings.events() + " rows...");
        report.rawPostgres(
                RawPostgresInserts.rowsPerSecond(settings.postgres(), settings.events(), 500));

        Housekeeping housekeeping = Housekeeping.of(settings.postgres());
        if (!housekeeping.autovacuum()) {
            say(
                    "PostgreSQL's autovacuum is off: vacuuming the suite's databases before each"
                            + " phase.");
        }

        warmUp(settings, report);
        housekeeping.beforePhase();
        say(
                "Throughput: "
                        + settings.events()
                        + " Messenger messages as fast as ingest takes them...");
        throughput(settings, report);
        int single = Math.max(1, settings.events() / 10);
        housekeeping.beforePhase();
        say("Ingest alone: " + single + " Messenger messages, one per webhook...");
        singleEventWebhooks(settings, report, single);
        housekeeping.beforePhase();
        say(
                "Latency: "
                        + settings.latencyRate()
                        + " messages/s for "
                        + settings.latencySeconds()
                        + " s...");
        latency(settings, report);
        if (!settings.historySizes().isEmpty()) {
            housekeeping.beforePhase();
            say(
                    "History: one conversation growing through "
                            + settings.historySizes()
                            + " messages, "
                            + settings.historySamples()
                            + " reads and replies at each...");
            history(settings, report);
        }

        Path file = Path.of(System.getenv().getOrDefault("BENCH_REPORT", ".run/benchmark.md"));
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        Files.writeString(directory.resolve(name + "-throughput.svg"), report.throughputChart());
        Files.writeString(directory.resolve(name + "-latency.svg"), report.latencyChart());
        report.housekeeping(housekeeping.autovacuum(), housekeeping.deadRowsVacuumed());
        String text = report.markdown(name + "-throughput.svg", name + "-latency.svg");
        System.out.println();
        System.out.println(text);
        Files.writeString(file, text);
        say("Written to " + file + ", with its charts beside it");
    }

    /**
     * Load that is not measured, in rounds shaped like the phases (a tenth of each round one event
     * to a webhook, a tenth at the latency phase's pace, the rest 50 to a webhook), until the
     * services' JIT compilers have settled: JVMs started minutes before still spend much of their
     * CPU compiling (48-64% of each service's CPU in the second default run after ./run.sh, Flight
     * Recorder's per-thread load), and no phase should be charged for it.
     */
    private static void warmUp(Settings settings, Report report) throws Exception {
        List<Double> shares = new ArrayList<>();
        boolean settled = false;
        for (int round = 1; round <= settings.warmUpRounds() && !settled; round++) {
            ResourceSampler resources = new ResourceSampler();
            resources.start();
            warmUpRound(settings, round);
            double share = resources.finish().servicesCompilerShare();
            shares.add(share);
            settled = share < settings.warmUpSettledShare();
            say(
                    String.format(
                            "Warm-up round %d: JIT compilation took %.0f%% of the services' CPU",
                            round, share * 100));
        }
        report.warmUp(settings.warmUpEvents(), shares, settled);
    }

    private static void warmUpRound(Settings settings, int round) throws Exception {
        MessengerBatches batches =
                new MessengerBatches(
                        runTag("w" + round), settings.consumers(), settings.facebookAppSecret());
        MessengerBatches pacedBatches =
                new MessengerBatches(
                        runTag("p" + round), settings.consumers(), settings.facebookAppSecret());
        int tenth = settings.warmUpEvents() / 10;
        int batched = settings.warmUpEvents() - 2 * tenth;
        try (WebhookSender batchSender =
                        new WebhookSender(settings.ingestUrl(), settings.connections());
                WebhookSender singleSender =
                        new WebhookSender(settings.ingestUrl(), settings.singleEventConnections());
                WebhookSender pacedSender =
                        new WebhookSender(settings.ingestUrl(), settings.connections());
                RecordedMessages recorded =
                        new RecordedMessages(settings.bootstrapServers(), batches.textPrefix());
                RecordedMessages pacedRecorded =
                        new RecordedMessages(
                                settings.bootstrapServers(), pacedBatches.textPrefix())) {
            ScheduledExecutorService pace =
                    paced(
                            pacedBatches,
                            pacedSender,
                            settings.latencyRate(),
                            tenth,
                            new long[tenth]);
            long now = System.currentTimeMillis();
            List<CompletableFuture<Void>> answers = new ArrayList<>();
            for (long first = 0; first < batched; first += settings.eventsPerWebhook()) {
                int count = (int) Math.min(settings.eventsPerWebhook(), batched - first);
                answers.add(batchSender.send(batches.batch(first, count, now)));
            }
            for (long seq = batched; seq < batched + tenth; seq++) {
                answers.add(singleSender.send(batches.batch(seq, 1, now)));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            recorded.awaitCount(batchSender.accepted() + singleSender.accepted(), PATIENCE);
            pacedRecorded.awaitCount(tenth, PATIENCE);
            pace.shutdownNow();
            requireAccepted(batchSender);
            requireAccepted(singleSender);
            requireAccepted(pacedSender);
        }
    }

    private static void throughput(Settings settings, Report report) throws Exception {
        MessengerBatches batches =
                new MessengerBatches(
                        runTag("t"), settings.consumers(), settings.facebookAppSecret());
        // Built before the clock starts: the benchmark measures the suite, not itself.
        List<MessengerBatches.Webhook> webhooks = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (long first = 0; first < settings.events(); first += settings.eventsPerWebhook()) {
            int count = (int) Math.min(settings.eventsPerWebhook(), settings.events() - first);
            webhooks.add(batches.batch(first, count, now));
        }
        ResourceSampler resources = new ResourceSampler();
        try (WebhookSender sender =
                        new WebhookSender(settings.ingestUrl(), settings.connections());
                RecordedMessages recorded =
                        new RecordedMessages(settings.bootstrapServers(), batches.textPrefix());
                Timeline timeline = timeline(sender, recorded, resources)) {
            long start = System.nanoTime();
            List<CompletableFuture<Void>> answers = new ArrayList<>(webhooks.size());
            for (MessengerBatches.Webhook webhook : webhooks) {
                answers.add(sender.send(webhook));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            long ingested = System.nanoTime();
            requireAccepted(sender);
            boolean complete = recorded.awaitCount(sender.accepted(), PATIENCE);
            report.throughput(
                    sender.accepted(),
                    seconds(ingested - start),
                    recorded.count(),
                    seconds(recorded.lastArrival() - start),
                    complete);
            report.ingestAnswers(Percentiles.ofNanos(sender.answerTimes()), settings.connections());
            report.throughputResources(resources.finish());
            report.throughputTimeline(timeline.points());
        }
    }

    /**
     * Real Messenger deliveries carry a handful of events, often one: ingest's rate when each
     * webhook is one event (one signature check and one parse per event). Only ingest's answers are
     * timed; the messages still go through the suite.
     */
    private static void singleEventWebhooks(Settings settings, Report report, int events) {
        MessengerBatches batches =
                new MessengerBatches(
                        runTag("s"), settings.consumers(), settings.facebookAppSecret());
        List<MessengerBatches.Webhook> webhooks = new ArrayList<>(events);
        long now = System.currentTimeMillis();
        for (long seq = 0; seq < events; seq++) {
            webhooks.add(batches.batch(seq, 1, now));
        }
        try (WebhookSender sender =
                new WebhookSender(settings.ingestUrl(), settings.singleEventConnections())) {
            long start = System.nanoTime();
            CompletableFuture.allOf(
                            webhooks.stream().map(sender::send).toArray(CompletableFuture[]::new))
                    .join();
            requireAccepted(sender);
            report.singleEventIngest(
                    sender.accepted() / seconds(System.nanoTime() - start),
                    settings.singleEventConnections());
        }
    }

    /** Counts and resources once a second, from before the first webhook. */
    private static Timeline timeline(
            WebhookSender sender, RecordedMessages recorded, ResourceSampler resources) {
        resources.start();
        return new Timeline(sender::accepted, recorded::count, resources::sample);
    }

    private static void latency(Settings settings, Report report) throws Exception {
        MessengerBatches batches =
                new MessengerBatches(
                        runTag("l"), settings.consumers(), settings.facebookAppSecret());
        long total = (long) settings.latencyRate() * settings.latencySeconds();
        long[] sentAt = new long[(int) total];
        ResourceSampler resources = new ResourceSampler();
        try (WebhookSender sender =
                        new WebhookSender(settings.ingestUrl(), settings.connections());
                RecordedMessages recorded =
                        new RecordedMessages(settings.bootstrapServers(), batches.textPrefix());
                Timeline timeline = timeline(sender, recorded, resources)) {
            ScheduledExecutorService pace =
                    paced(batches, sender, settings.latencyRate(), total, sentAt);
            boolean complete = recorded.awaitCount(total, PATIENCE);
            pace.shutdownNow();
            requireAccepted(sender);
            long[] latencies =
                    LongStream.range(0, total)
                            .filter(seq -> recorded.arrival(seq) != null)
                            .map(seq -> recorded.arrival(seq) - sentAt[(int) seq])
                            .toArray();
            report.latency(latencies, complete);
            report.latencyResources(resources.finish());
        }
    }

    /**
     * Sends messages {@code 0 … total-1} at {@code rate} per second, a webhook every 10 ms, noting
     * when each was sent; shut the returned scheduler down once they are through.
     */
    private static ScheduledExecutorService paced(
            MessengerBatches batches, WebhookSender sender, int rate, long total, long[] sentAt) {
        int perWebhook = Math.max(1, rate / 100);
        AtomicLong next = new AtomicLong();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) * perWebhook / rate;
        pace.scheduleAtFixedRate(
                () -> {
                    long first = next.get();
                    if (first >= total) {
                        return;
                    }
                    int count = (int) Math.min(perWebhook, total - first);
                    MessengerBatches.Webhook webhook =
                            batches.batch(first, count, System.currentTimeMillis());
                    long now = System.nanoTime();
                    for (long seq = first; seq < first + count; seq++) {
                        sentAt[(int) seq] = now;
                    }
                    next.addAndGet(count);
                    sender.send(webhook);
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        return pace;
    }

    private static void history(Settings settings, Report report) throws Exception {
        String token =
                DevAgentTokens.load().agentToken("acme", "benchmark-agent", Duration.ofHours(1));
        try (WebhookSender sender =
                new WebhookSender(settings.ingestUrl(), settings.connections())) {
            HistoryCost cost =
                    new HistoryCost(
                            settings.conversationUrl(),
                            token,
                            sender,
                            // One person: every message goes into the same conversation.
                            new MessengerBatches(runTag("h"), 1, settings.facebookAppSecret()),
                            settings.bootstrapServers());
            report.history(
                    cost.measure(settings.historySizes(), settings.historySamples(), PATIENCE));
        }
    }

    private static void requireSuite(Settings settings) throws InterruptedException {
        try {
            HttpResponse<String> ready =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            settings.ingestUrl()
                                                                    + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200) {
                return;
            }
            fail("ingest-service at " + settings.ingestUrl() + " is not ready: " + ready.body());
        } catch (IOException e) {
            fail(
                    "No ingest-service at "
                            + settings.ingestUrl()
                            + " ("
                            + e
                            + "). Start the suite first: ./run.sh");
        }
    }

    private static void requireAccepted(WebhookSender sender) {
        if (sender.refused() > 0) {
            fail(sender.refused() + " events refused by ingest; last: " + sender.lastRefusal());
        }
    }

    private static String runTag(String phase) {
        return phase + Long.toString(System.currentTimeMillis(), 36);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void say(String line) {
        System.out.println("[benchmark] " + line);
    }

    private static void fail(String reason) {
        System.err.println("[benchmark] " + reason);
        System.exit(1);
    }
}
