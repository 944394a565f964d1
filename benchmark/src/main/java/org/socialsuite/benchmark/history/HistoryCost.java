package org.socialsuite.benchmark.history;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.socialsuite.benchmark.observe.RecordedMessages;
import org.socialsuite.benchmark.report.Percentiles;
import org.socialsuite.benchmark.webhook.MessengerBatches;
import org.socialsuite.benchmark.webhook.WebhookSender;

/**
 * What an agent's reads and replies cost as one conversation's history grows: one Messenger
 * consumer writes until the conversation holds each size in turn, and at each size the
 * conversation, its newest transcript page and a reply are timed, one request at a time.
 */
public final class HistoryCost {

    private static final int PER_WEBHOOK = 50;
    private static final int WARM_UP = 5;

    /** The agent's requests at one size of history, in milliseconds. */
    public record AtSize(int messages, Percentiles detail, Percentiles page, Percentiles reply) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String conversationUrl;
    private final String bearer;
    private final WebhookSender sender;
    private final MessengerBatches batches;
    private final String bootstrapServers;

    public HistoryCost(
            String conversationUrl,
            String agentToken,
            WebhookSender sender,
            MessengerBatches oneConsumer,
            String bootstrapServers) {
        this.conversationUrl = conversationUrl;
        this.bearer = "Bearer " + agentToken;
        this.sender = sender;
        this.batches = oneConsumer;
        this.bootstrapServers = bootstrapServers;
    }

    /** Grows the conversation through each size (ascending) and times the requests at each. */
    public List<AtSize> measure(List<Integer> sizes, int samples, Duration patience)
            throws Exception {
        List<AtSize> results = new ArrayList<>();
        try (RecordedMessages recorded =
                new RecordedMessages(bootstrapServers, batches.textPrefix())) {
            long written = 0;
            for (int size : sizes) {
                List<CompletableFuture<Void>> answers = new ArrayList<>();
                long now = System.currentTimeMillis();
                while (written < size) {
                    int count = (int) Math.min(PER_WEBHOOK, size - written);
                    answers.add(sender.send(batches.batch(written, count, now)));
                    written += count;
                }
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
                if (!recorded.awaitCount(size, patience)) {
                    throw new IllegalStateException(
                            "Only " + recorded.count() + " of " + size + " messages came through");
                }
                results.add(timeAt(size, recorded.lastConversationId(), samples));
            }
        }
        return results;
    }

    private AtSize timeAt(int size, String conversation, int samples)
            throws IOException, InterruptedException {
        String base = conversationUrl + "/api/conversations/" + conversation;
        long[] detail = new long[samples];
        long[] page = new long[samples];
        long[] reply = new long[samples];
        for (int i = -WARM_UP; i < samples; i++) {
            long d = timed(get(base), 200);
            long p = timed(get(base + "/messages?limit=50"), 200);
            long r = timed(privateReply(base, "bench reply " + i), 202);
            if (i >= 0) {
                detail[i] = d;
                page[i] = p;
                reply[i] = r;
            }
        }
        return new AtSize(
                size,
                Percentiles.ofNanos(detail),
                Percentiles.ofNanos(page),
                Percentiles.ofNanos(reply));
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).build();
    }

    private HttpRequest privateReply(String base, String text) {
        return HttpRequest.newBuilder(URI.create(base + "/replies"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(
                        HttpRequest.BodyPublishers.ofString(
                                "{\"text\":\"" + text + "\",\"mode\":\"PRIVATE\"}"))
                .build();
    }

    private long timed(HttpRequest request, int expected) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    request.method()
                            + " "
                            + request.uri()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return nanos;
    }
}
