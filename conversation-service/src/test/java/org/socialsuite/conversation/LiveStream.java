package org.socialsuite.conversation;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.socialsuite.events.SocialEventReceived;

/** An agent's live stream ({@code /api/conversations/stream}), its lines as they come. */
public final class LiveStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> reading;

    public LiveStream(URI streamUri, String bearer) {
        HttpRequest request =
                HttpRequest.newBuilder(streamUri)
                        .header("Authorization", bearer)
                        .header("Accept", "text/event-stream")
                        .build();
        reading =
                HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body().forEach(lines::add));
    }

    public List<String> lines() {
        return lines;
    }

    /**
     * Waits until the stream is connected and listening: the stream's consumer may still be
     * joining, so a message (made from a fresh marker text) is published until the stream hears
     * one.
     */
    public void awaitListening(Function<String, SocialEventReceived> message) {
        String marker = "marker " + UUID.randomUUID();
        AtomicInteger sent = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            InboundEvents.publish(
                                    message.apply(marker + " " + sent.incrementAndGet()));
                            return lines.stream().anyMatch(line -> line.contains(marker));
                        });
    }

    @Override
    public void close() {
        reading.cancel(true);
    }
}
