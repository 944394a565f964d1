package org.socialsuite.benchmark.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs webhooks to ingest with a bounded number in flight, counting what it accepts. A Vert.x
 * client on one event loop, so that the benchmark measures ingest: the JDK's {@code HttpClient}
 * stayed at about 1,050 requests/s whether 16 or 128 were in flight, where {@code ab} against the
 * same ingest reached 2,300/s.
 */
public final class WebhookSender implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient http;
    private final RequestOptions endpoint;
    private final Semaphore inFlight;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> answerNanos = new ConcurrentLinkedQueue<>();
    private volatile String lastRefusal;

    public WebhookSender(String ingestUrl, int connections) {
        this.http =
                vertx.createHttpClient(
                        new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                        new PoolOptions().setHttp1MaxSize(connections));
        this.endpoint =
                new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setAbsoluteURI(ingestUrl + "/webhooks/facebook")
                        .setTimeout(TimeUnit.SECONDS.toMillis(30))
                        .putHeader("Content-Type", "application/json");
        this.inFlight = new Semaphore(connections);
    }

    /** Sends when a slot is free; the future completes when ingest has answered. */
    public CompletableFuture<Void> send(MessengerBatches.Webhook webhook) {
        inFlight.acquireUninterruptibly();
        RequestOptions request =
                new RequestOptions(endpoint).putHeader("X-Hub-Signature-256", webhook.signature());
        CompletableFuture<Void> answered = new CompletableFuture<>();
        long sent = System.nanoTime();
        http.request(request)
                .compose(sending -> sending.send(Buffer.buffer(webhook.body())))
                .compose(
                        response ->
                                response.body().map(body -> answer(response.statusCode(), body)))
                .onComplete(
                        result -> {
                            answerNanos.add(System.nanoTime() - sent);
                            inFlight.release();
                            String refusal =
                                    result.succeeded()
                                            ? result.result()
                                            : result.cause().toString();
                            if (refusal == null) {
                                accepted.addAndGet(webhook.events());
                            } else {
                                refused.addAndGet(webhook.events());
                                lastRefusal = refusal;
                            }
                            answered.complete(null);
                        });
        return answered;
    }

    /**
     * Null when ingest published the webhook's events, otherwise what it answered. A 200 that
     * skipped events (an account ingest does not know, say) is a refusal too: those events never
     * reach the pipeline, and the end-to-end phase would wait for them forever. A 200 is the
     * durability contract; its counts are a courtesy, so a 200 without a readable body is taken as
     * accepted (seen once: ten of 30,000 in a latency phase).
     */
    private static String answer(int status, Buffer body) {
        if (status != 200) {
            return status + " " + body;
        }
        Integer skipped;
        try {
            skipped = body.length() == 0 ? null : body.toJsonObject().getInteger("skipped");
        } catch (DecodeException | ClassCastException unreadable) {
            skipped = null;
        }
        return skipped == null || skipped == 0
                ? null
                : "200 with events skipped (is the account connected? ingest's log says): " + body;
    }

    /** How long each webhook took from being sent to its answer, in nanoseconds. */
    public long[] answerTimes() {
        return answerNanos.stream().mapToLong(Long::longValue).toArray();
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

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
