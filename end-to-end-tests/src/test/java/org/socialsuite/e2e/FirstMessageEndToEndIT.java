package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;

/**
 * A consumer's Messenger message travels from a signed Facebook webhook through ingest-service, the
 * real broker and conversation-service into the agent's transcript; a forged one goes nowhere.
 */
class FirstMessageEndToEndIT {

    private static ServiceProcess ingest;
    private static ServiceProcess conversations;

    @BeforeAll
    static void startServices() {
        SimulatedSuite suite = SimulatedSuite.get();
        ingest = suite.ingest;
        conversations = suite.conversations;
    }

    @Test
    void aSignedMessengerMessageReachesTheTranscriptAndAForgedOneNothing() {
        String psid = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String mid = "m_" + UUID.randomUUID();

        webhook(
                        FacebookWebhooks.messenger(
                                psid, mid, "Hi, my order 4411 never arrived \\u2615"),
                        null)
                .statusCode(401);
        long sent = System.nanoTime();
        String signed =
                FacebookWebhooks.messenger(psid, mid, "My order 4411 never arrived \\u2615");
        FacebookWebhooks.postSigned(ingest, signed).statusCode(200).body("published", equalTo(1));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(
                        () ->
                                agent("acme", "/api/conversations?status=OPEN")
                                        .body("items.consumer.id", hasItem(psid)));
        System.out.printf(
                "Webhook to listed conversation: %d ms%n", (System.nanoTime() - sent) / 1_000_000);

        String id =
                agent("acme", "/api/conversations?status=OPEN")
                        .extract()
                        .path("items.find { it.consumer.id == '" + psid + "' }.id");
        agent("acme", "/api/conversations/" + id + "/messages")
                .body("items", hasSize(1))
                .body("items[0].channel", equalTo("FACEBOOK"))
                .body("items[0].visibility", equalTo("PRIVATE"))
                .body("items[0].kind", equalTo("PRIVATE_MESSAGE"))
                .body("items[0].action", equalTo("MESSAGED"))
                .body("items[0].direction", equalTo("INBOUND"))
                .body("items[0].author.id", equalTo(psid))
                .body("items[0].text", equalTo("My order 4411 never arrived ☕"))
                .body("items[0].platformId", equalTo(mid))
                .body("items[0].occurredAt", equalTo("2026-01-01T00:00:00.123Z"));

        // The forged webhook came first on the same key: had it been published, it would be here.
        assertThat(
                        agent("acme", "/api/conversations/" + id + "/messages")
                                .extract()
                                .<String>path("items[0].text"))
                .doesNotContain("Hi,");
        agent("globex", "/api/conversations/" + id + "/messages").statusCode(404);

        // Once the consumers are settled, a second message shows how long the path takes.
        String next = FacebookWebhooks.messenger(psid, "m_" + UUID.randomUUID(), "Any news?");
        long again = System.nanoTime();
        FacebookWebhooks.postSigned(ingest, next).statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .untilAsserted(
                        () ->
                                agent("acme", "/api/conversations/" + id + "/messages")
                                        .body("items", hasSize(2)));
        System.out.printf(
                "Second message, webhook to transcript: %d ms%n",
                (System.nanoTime() - again) / 1_000_000);
        agent("globex", "/api/conversations").body("items.consumer.id", not(hasItem(psid)));
    }

    @Test
    void anAgentOnTheStreamHearsAWebhooksMessage() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(conversations.baseUrl() + "/api/conversations/stream"))
                        .header("Authorization", AgentTokens.bearer("acme"))
                        .header("Accept", "text/event-stream")
                        .build();
        var stream =
                HttpClient.newHttpClient()
                        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body().forEach(lines::add));
        String psid = "e2e-stream-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger n = new AtomicInteger();
        try {
            // The stream's consumer group may still be joining: speak until it hears.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                String body =
                                        FacebookWebhooks.messenger(
                                                psid,
                                                "m_" + UUID.randomUUID(),
                                                "warm-up " + n.incrementAndGet());
                                FacebookWebhooks.postSigned(ingest, body).statusCode(200);
                                return lines.stream().anyMatch(line -> line.contains("warm-up"));
                            });

            // Webhook to stream, timed for several messages once warm: printed, not asserted (the
            // benchmark measures latency under load).
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String text = "Live and well " + i;
                String body = FacebookWebhooks.messenger(psid, "m_" + UUID.randomUUID(), text);
                long sent = System.nanoTime();
                FacebookWebhooks.postSigned(ingest, body).statusCode(200);
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> lines.stream().anyMatch(line -> line.contains(text)));
                millis.add((System.nanoTime() - sent) / 1_000_000);
            }
            long median = millis.stream().sorted().toList().get(millis.size() / 2);
            System.out.printf(
                    "Webhook to the agent's stream: %s ms, median %d ms%n", millis, median);
        } finally {
            stream.cancel(true);
        }
    }

    private static ValidatableResponse webhook(String body, String signature) {
        return FacebookWebhooks.post(ingest, body, signature);
    }

    private static ValidatableResponse agent(String brand, String path) {
        return given().baseUri(conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer(brand))
                .get(path)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(404)));
    }
}
