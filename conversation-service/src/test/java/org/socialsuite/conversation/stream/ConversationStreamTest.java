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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.conversation.LiveStream;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;

/**
 * An agent's live stream: new messages, their changes, reply deliveries and closing, only of its
 * brand.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class ConversationStreamTest {

    private static final Instant T0 = TestClock.START.minusSeconds(600);

    @TestHTTPResource("/api/conversations/stream")
    URI streamUri;

    private final List<Runnable> closers = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStreams() {
        closers.forEach(Runnable::run);
    }

    @Test
    void anAgentHearsNewMessagesTheirChangesDeliveriesAndClosingOfItsBrandOnly() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String otherBrand = "other-" + UUID.randomUUID().toString().substring(0, 8);
        String consumer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        LiveStream myStream = open(brand);
        LiveStream othersStream = open(otherBrand);
        List<String> mine = myStream.lines();
        List<String> others = othersStream.lines();

        // The streams' consumer group may still be joining: speak until each stream hears, so the
        // other brand's silence later means something.
        myStream.awaitListening(text -> message(brand, consumer, text));
        othersStream.awaitListening(text -> message(otherBrand, "c-other", text));

        // Publish to stream, timed for several messages once warm: printed, not asserted (the
        // benchmark measures latency under load).
        List<Long> millis = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            String text = "Where is my order? #" + n;
            long start = System.nanoTime();
            InboundEvents.publish(message(brand, consumer, text));
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> mine.stream().anyMatch(line -> line.contains(text)));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        long median = millis.stream().sorted().toList().get(millis.size() / 2);
        System.out.printf(
                "Inbound event to the agent's stream: %s ms, median %d ms%n", millis, median);
        String line =
                mine.stream()
                        .filter(l -> l.contains("Where is my order? #0"))
                        .findFirst()
                        .orElseThrow();
        assertThat(line)
                .startsWith("data:")
                .contains("\"type\":\"MessageRecorded\"")
                .contains("\"direction\":\"INBOUND\"")
                .contains("\"visibility\":\"PRIVATE\"");

        // An edit on the network reaches the stream as a change of the message, by its id.
        var first = message(brand, consumer, "Wher is my order?");
        InboundEvents.publish(first);
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        first, LifecycleAction.EDITED, "Where is my order?", T0.plusSeconds(5)));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                mine.stream()
                                        .anyMatch(
                                                l ->
                                                        l.contains("\"type\":\"MessageChanged\"")
                                                                && l.contains(
                                                                        "\"change\":\"EDITED\"")));

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
        // The other brand's stream has read past everything above once it hears a marker of its
        // own; none of it was this brand's.
        othersStream.awaitListening(text -> message(otherBrand, "c-other", text));
        assertThat(String.join("\n", others)).doesNotContain(brand).doesNotContain(consumer);
    }

    private LiveStream open(String brand) {
        LiveStream stream = new LiveStream(streamUri, AgentTokens.bearer(brand));
        closers.add(stream::close);
        return stream;
    }

    private static org.socialsuite.events.SocialEventReceived message(
            String brand, String consumer, String text) {
        return InboundEvents.consumerMessage(
                brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_" + UUID.randomUUID(), text, T0);
    }
}
