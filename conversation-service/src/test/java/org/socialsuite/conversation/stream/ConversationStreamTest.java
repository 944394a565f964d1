package org.socialsuite.conversation.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;

/** An agent's live stream: new messages, reply deliveries and closing, only of its brand. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class ConversationStreamTest {

    private static final Instant T0 = TestClock.START.minusSeconds(600);

    @TestHTTPResource("/api/conversations/stream")
    URI streamUri;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Runnable> closers = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStreams() {
        closers.forEach(Runnable::run);
    }

    @Test
    void anAgentHearsNewMessagesDeliveriesAndClosingOfItsBrandOnly() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String consumer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> mine = open(brand);
        List<String> others = open("someone-else");
        AtomicInteger sent = new AtomicInteger();

        // The stream's consumer group may still be joining: speak until the stream hears.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            int n = sent.incrementAndGet();
                            InboundEvents.publish(message(brand, consumer, "warm-up " + n));
                            return mine.stream().anyMatch(line -> line.contains("warm-up"));
                        });

        long start = System.nanoTime();
        InboundEvents.publish(message(brand, consumer, "Where is my order?"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mine.stream().anyMatch(line -> line.contains("Where is my order?")));
        System.out.printf(
                "Inbound event to the agent's stream: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        String line =
                mine.stream()
                        .filter(l -> l.contains("Where is my order?"))
                        .findFirst()
                        .orElseThrow();
        assertThat(line)
                .startsWith("data:")
                .contains("\"type\":\"MessageRecorded\"")
                .contains("\"direction\":\"INBOUND\"")
                .contains("\"visibility\":\"PRIVATE\"");

        String id =
                given().header("Authorization", AgentTokens.bearer(brand))
                        .get("/api/conversations")
                        .then()
                        .extract()
                        .path("items[0].id");
        String replyId =
                given().header("Authorization", AgentTokens.bearer(brand))
                        .contentType(ContentType.JSON)
                        .body(Map.of("text", "Checking now", "mode", "PRIVATE"))
                        .post("/api/conversations/" + id + "/replies")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id");
        TestEvents.publish(
                Topics.OUTBOUND_RESULT,
                id,
                new ReplyResult(replyId, id, DeliveryOutcome.SENT, "m_out_9", null, null, 1, T0));
        given().header("Authorization", AgentTokens.bearer(brand))
                .post("/api/conversations/" + id + "/close")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(String.join("\n", mine))
                                        .contains("\"direction\":\"OUTBOUND\"")
                                        .contains("\"text\":\"Checking now\"")
                                        .contains("\"type\":\"DeliveryStatusChanged\"")
                                        .contains("\"deliveryStatus\":\"SENT\"")
                                        .contains("\"type\":\"ConversationClosed\""));
        assertThat(String.join("\n", others)).doesNotContain(brand);
    }

    private List<String> open(String brand) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request =
                HttpRequest.newBuilder(streamUri)
                        .header("Authorization", AgentTokens.bearer(brand))
                        .header("Accept", "text/event-stream")
                        .build();
        var response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(r -> r.body().forEach(lines::add));
        closers.add(() -> response.cancel(true));
        return lines;
    }

    private static org.socialsuite.events.SocialEventReceived message(
            String brand, String consumer, String text) {
        return InboundEvents.consumerMessage(
                brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_" + UUID.randomUUID(), text, T0);
    }
}
