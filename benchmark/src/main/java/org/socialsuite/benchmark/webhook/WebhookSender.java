package org.socialsuite.benchmark.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** POSTs webhooks to ingest with a bounded number in flight, counting what it accepts. */
public final class WebhookSender {

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final URI endpoint;
    private final Semaphore inFlight;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal;

    public WebhookSender(String ingestUrl, int connections) {
        this.endpoint = URI.create(ingestUrl + "/webhooks/facebook");
        this.inFlight = new Semaphore(connections);
    }

    /** Sends when a slot is free; the future completes when ingest has answered. */
    public CompletableFuture<Void> send(MessengerBatches.Webhook webhook) {
        inFlight.acquireUninterruptibly();
        HttpRequest request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", webhook.signature())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
                        .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle(
                        (response, failure) -> {
                            inFlight.release();
                            if (failure == null && response.statusCode() == 200) {
                                accepted.addAndGet(webhook.events());
                            } else {
                                refused.addAndGet(webhook.events());
                                lastRefusal =
                                        failure != null
                                                ? failure.toString()
                                                : response.statusCode() + " " + response.body();
                            }
                            return null;
                        });
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    public String lastRefusal() {
        return lastRefusal;
    }
}
